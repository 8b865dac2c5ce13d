// Native counterpart of bench/speed.mjs: median time of tierscope::check_text for one input, in
// process (no start-up). Built by speed.mjs against build/core/libtierscope_core.a.
//   native_check RUNS < input   → prints "<median ms> <first-call ms>"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "tierscope/api.hpp"

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 200;
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  using clock = std::chrono::steady_clock;
  auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  auto t0 = clock::now();
  auto first = tierscope::check_text(input, "");  // includes loading the built-in catalog
  double first_ms = ms(clock::now() - t0);
  if (!first.ok) { std::fprintf(stderr, "native_check: %s\n", first.error.c_str()); return 2; }
  for (int i = 0; i < 20; ++i) tierscope::check_text(input, "");
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto t = clock::now();
    auto r = tierscope::check_text(input, "");
    times.push_back(ms(clock::now() - t));
    if (r.json.empty()) return 3;
  }
  std::sort(times.begin(), times.end());
  double median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
  std::printf("%.4f %.4f\n", median, first_ms);
}
