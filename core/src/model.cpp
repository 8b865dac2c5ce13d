#include "model.hpp"

#include <memory>

namespace tierscope {

const std::array<const char*, kHubs> kHubIds = {"marketing", "sales", "service", "content", "data", "commerce"};
const std::array<const char*, kHubs> kHubNames = {"Marketing Hub", "Sales Hub", "Service Hub",
                                                  "Content Hub", "Data Hub", "Commerce Hub"};
const std::array<const char*, kTiers> kTierIds = {"free", "starter", "professional", "enterprise"};
const std::array<const char*, kTiers> kTierNames = {"Free", "Starter", "Professional", "Enterprise"};
const std::array<const char*, kFeatures> kFeatureIds = {"website_addon", "transactional_email_addon",
                                                        "business_units_addon", "sensitive_data"};

namespace {
template <std::size_t N>
int find(const std::array<const char*, N>& ids, std::string_view id) {
  for (std::size_t i = 0; i < N; ++i)
    if (id == ids[i]) return int(i);
  return -1;
}

struct ConditionSets {
  std::array<std::array<AccountSet, kTiers>, kHubs + 1> at_least;  // [kHubs] = any hub
  std::array<std::array<AccountSet, kTiers>, kHubs> exactly;
  std::array<AccountSet, kFeatures> features;
  ConditionSets() {
    for (std::uint32_t c = 0; c < kConfigurations; ++c) {
      int best = 0;
      for (int h = 0; h < kHubs; ++h) {
        int t = tier_of(c, h);
        if (t > best) best = t;
        exactly[h][t].set(c);
        for (int k = 0; k <= t; ++k) at_least[h][k].set(c);
      }
      for (int k = 0; k <= best; ++k) at_least[kHubs][k].set(c);
      for (int f = 0; f < kFeatures; ++f)
        if (has_feature(c, f)) features[f].set(c);
    }
  }
};
const ConditionSets& sets() {
  static const std::unique_ptr<ConditionSets> s = std::make_unique<ConditionSets>();
  return *s;
}
}  // namespace

int hub_index(std::string_view id) { return find(kHubIds, id); }
int tier_index(std::string_view id) { return find(kTierIds, id); }
int feature_index(std::string_view id) { return find(kFeatureIds, id); }

AccountSet AccountSet::all() {
  AccountSet s;
  s.words_.fill(~std::uint64_t(0));
  return s;
}
AccountSet& AccountSet::operator&=(const AccountSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
  return *this;
}
AccountSet& AccountSet::operator|=(const AccountSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
  return *this;
}
static int popcount64(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_popcountll(x);
#else
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
#endif
}
std::uint32_t AccountSet::count() const {
  std::uint32_t n = 0;
  for (auto w : words_) n += popcount64(w);
  return n;
}
std::uint32_t AccountSet::count_within(const AccountSet& mask) const {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < words_.size(); ++i) n += popcount64(words_[i] & mask.words_[i]);
  return n;
}

const AccountSet& hub_at_least(int hub, int tier) { return sets().at_least[hub < 0 ? kHubs : hub][tier]; }
const AccountSet& feature_on(int feature) { return sets().features[feature]; }
const AccountSet& hub_at(int hub, int tier) { return sets().exactly[hub][tier]; }

const std::vector<Profile>& standard_profiles() {
  static const std::vector<Profile> profiles = [] {
    std::vector<Profile> v;
    v.push_back({"free", "Free", -1, 0, 0});
    for (int h = 0; h < kHubs; ++h)
      for (int t = 1; t < kTiers; ++t)
        v.push_back({std::string(kHubIds[h]) + "-" + kTierIds[t], std::string(kHubNames[h]) + " " + kTierNames[t], h,
                     t, with_tier(0, h, t)});
    return v;
  }();
  return profiles;
}

}  // namespace tierscope
