#include "catalog/requirements.hpp"

namespace tierscope {

namespace {
constexpr std::size_t kMaxKeptWords = std::size_t(8) << 20;  // 64 MiB of kept sets at most
}

int Requirements::add(const Grant& g) {
  // The grant as bytes: kind, then per alternative '/' and three bytes per condition (hub and feature
  // below 24 or -1, tier below 8: never '/').
  std::string key(1, char(g.kind));
  for (const auto& alt : g.alternatives) {
    key += '/';
    for (const auto& c : alt) key += {char(c.hub), char(c.min_tier), char(c.feature)};
  }
  auto [it, added] = ids_.emplace(std::move(key), grants_.size());
  if (added) grants_.push_back(g);
  return int(it->second);
}

void Requirements::index_profiles(const Model& m) {
  profiles_ = m.profiles.size();
  on_profile_.assign(grants_.size() * profiles_, 0);
  for (std::size_t id = 0; id < grants_.size(); ++id)
    for (std::size_t p = 0; p < profiles_; ++p) on_profile_[id * profiles_ + p] = m.grants(grants_[id], m.profiles[p].config);
  kept_.assign(grants_.size(), Met{});
}

Requirements::Met Requirements::met(int id, const Model& m) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (kept_[id].set) return kept_[id];
  auto set = std::make_shared<const AccountSet>(m.where_all({&grants_[id]}));
  Met out{set, set->count()};
  if (kept_words_ + set->words() <= kMaxKeptWords) {
    kept_words_ += set->words();
    kept_[id] = out;
  }
  return out;
}

}  // namespace tierscope
