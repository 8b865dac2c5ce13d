#include "tierscope/api.hpp"
#include <iostream>
int main() { std::cout << tierscope::version() << "\n"; }
