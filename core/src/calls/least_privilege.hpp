// The smallest set of scopes that authorizes every call: one scope alternative per call, chosen so
// that the union installs on the most account configurations, then has the fewest scopes, then the
// fewest write scopes. A greedy pass gives a first answer; a pruned exact search over the calls'
// alternatives then improves it, within a budget of candidate sets (past it the best found so far).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "calls/operations.hpp"

namespace tierscope {

struct Cover {
  std::vector<std::string> scopes;  // sorted
  std::vector<int> choice;          // per call: index into its alternatives, -1 when it has none
  bool exact = true;                // false: the budget ran out before the search was complete
  std::uint32_t installs = 0;       // configurations where every chosen scope is available
  std::size_t evaluated = 0;        // candidate sets evaluated
};

// installs(names): account configurations where all of names can be granted (sorted names in).
using InstallCount = std::function<std::uint32_t(const std::vector<std::string>&)>;

Cover least_privilege(const std::vector<std::vector<ScopeSet>>& calls, const InstallCount& installs,
                      std::size_t limit = 2048);

}  // namespace tierscope
