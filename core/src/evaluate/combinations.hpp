// evaluate(req, catalog, Options{}).combinations_install alone (no profiles, breakdown or suggestions):
// the least-privilege search of `calls` asks it for many scope sets (defined in evaluate.cpp).
#pragma once
#include "evaluate/evaluate.hpp"

namespace tierscope {
std::uint32_t combinations_install(const Request& req, const Catalog& catalog);
}
