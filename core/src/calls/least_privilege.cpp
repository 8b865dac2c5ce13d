#include "calls/least_privilege.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace tierscope {
namespace {

bool subset(const ScopeSet& a, const std::vector<std::string>& b) {  // both sorted
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::vector<std::string> merged(const std::vector<std::string>& a, const ScopeSet& b) {
  std::vector<std::string> out;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

std::size_t writes(const std::vector<std::string>& names) {
  return std::count_if(names.begin(), names.end(), [](const std::string& n) { return n.find("write") != std::string::npos; });
}

// Alternatives without duplicates or supersets of another alternative (those can only do worse).
std::vector<ScopeSet> useful(std::vector<ScopeSet> alts) {
  for (auto& a : alts) {
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
  }
  std::sort(alts.begin(), alts.end());
  alts.erase(std::unique(alts.begin(), alts.end()), alts.end());
  std::vector<ScopeSet> out;
  for (std::size_t i = 0; i < alts.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < alts.size() && !dominated; ++j)
      dominated = i != j && alts[j].size() < alts[i].size() && subset(alts[j], alts[i]);
    if (!dominated) out.push_back(alts[i]);
  }
  return out;
}

class Search {
 public:
  Search(const InstallCount& f) : installs_(f) {}
  std::uint32_t count(const std::vector<std::string>& s) {
    auto it = memo_.find(s);
    if (it != memo_.end()) return it->second;
    ++evaluated;
    return memo_[s] = installs_(s);
  }
  // Better = more configurations, then fewer scopes, then fewer writes, then the names in order.
  bool better(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    auto ka = std::make_tuple(-static_cast<long long>(count(a)), a.size(), writes(a));
    auto kb = std::make_tuple(-static_cast<long long>(count(b)), b.size(), writes(b));
    if (ka != kb) return ka < kb;
    return a < b;
  }
  std::size_t evaluated = 0;

 private:
  const InstallCount& installs_;
  std::map<std::vector<std::string>, std::uint32_t> memo_;
};

bool covered(const std::vector<ScopeSet>& alts, const std::vector<std::string>& s) {
  return std::any_of(alts.begin(), alts.end(), [&](const ScopeSet& a) { return subset(a, s); });
}

using Open = std::vector<const std::vector<ScopeSet>*>;

// Call by call: the alternative that keeps the most configurations, then covers the most of the
// other open calls, then adds the fewest scopes, then the fewest writes.
std::vector<std::string> greedy(Search& search, const Open& open, std::vector<std::string> s) {
  for (std::size_t i = 0; i < open.size(); ++i) {
    if (covered(*open[i], s)) continue;
    std::vector<std::string> pick;
    std::tuple<long long, long long, std::size_t, std::size_t> pick_key{};
    for (const auto& alt : *open[i]) {
      auto next = merged(s, alt);
      long long others = 0;
      for (std::size_t j = i + 1; j < open.size(); ++j) others += covered(*open[j], next);
      auto key = std::make_tuple(-static_cast<long long>(search.count(next)), -others, next.size(), writes(next));
      if (pick.empty() || key < pick_key) pick = next, pick_key = key;
    }
    s = pick;
  }
  return s;
}

// Depth first over the open calls' alternatives, pruned: adding scopes never adds configurations
// and never removes scopes, so a partial set already worse than the best complete one is dropped.
// budget: candidate sets still allowed; 0 = stop (the search is then incomplete).
void exact(Search& search, const Open& open, std::size_t i, const std::vector<std::string>& s,
           std::vector<std::string>& best, std::size_t& budget, bool& stopped) {
  if (budget == 0) {
    stopped = true;
    return;
  }
  --budget;
  std::uint32_t n = search.count(s), b = search.count(best);
  if (n < b || (n == b && s.size() > best.size())) return;
  if (i == open.size()) {
    if (search.better(s, best)) best = s;
    return;
  }
  if (covered(*open[i], s)) return exact(search, open, i + 1, s, best, budget, stopped);
  for (const auto& alt : *open[i]) exact(search, open, i + 1, merged(s, alt), best, budget, stopped);
}
}  // namespace

Cover least_privilege(const std::vector<std::vector<ScopeSet>>& calls, const InstallCount& installs, std::size_t limit) {
  Cover cover;
  Search search(installs);
  std::vector<std::vector<ScopeSet>> alts;
  for (const auto& c : calls) alts.push_back(useful(c));
  std::vector<std::string> forced;
  for (const auto& a : alts)
    if (a.size() == 1) forced = merged(forced, a[0]);
  Open open;
  for (const auto& a : alts)  // calls with the same alternatives are one constraint
    if (a.size() > 1 && !covered(a, forced) &&
        std::none_of(open.begin(), open.end(), [&](auto* o) { return *o == a; }))
      open.push_back(&a);
  std::stable_sort(open.begin(), open.end(), [](auto* a, auto* b) { return a->size() < b->size(); });
  std::vector<std::string> best = greedy(search, open, forced);
  std::size_t budget = limit;
  bool stopped = false;
  exact(search, open, 0, forced, best, budget, stopped);
  cover.exact = !stopped;
  cover.scopes = best;
  // Each call's alternative within the set: the smallest, then the fewest writes.
  for (std::size_t i = 0; i < calls.size(); ++i) {
    int chosen = -1;
    for (std::size_t j = 0; j < calls[i].size(); ++j) {
      ScopeSet a = calls[i][j];
      std::sort(a.begin(), a.end());
      if (!subset(a, best)) continue;
      if (chosen < 0) { chosen = static_cast<int>(j); continue; }
      const ScopeSet& c = calls[i][chosen];
      if (std::make_tuple(a.size(), writes(a)) < std::make_tuple(c.size(), writes(c))) chosen = static_cast<int>(j);
    }
    cover.choice.push_back(chosen);
  }
  cover.installs = search.count(best);
  cover.evaluated = search.evaluated;
  return cover;
}

}  // namespace tierscope
