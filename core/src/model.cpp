#include "model.hpp"

#include <algorithm>
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

// Built a word at a time: within a word the low 6 bits of the configuration (hubs 0-2) vary with
// the bit, and the high 10 bits (hubs 3-5, features) are the word's index.
struct ConditionSets {
  std::array<std::array<AccountSet, kTiers>, kHubs + 1> at_least;  // [kHubs] = any hub
  std::array<std::array<AccountSet, kTiers>, kHubs> exactly;
  std::array<AccountSet, kFeatures> features;
  ConditionSets() {
    constexpr int kLowHubs = 3;
    // Masks over the 64 low configurations: bit b set when hub h (< 3) of configuration b is at/above t.
    std::uint64_t low_at_least[kLowHubs][kTiers] = {}, low_exactly[kLowHubs][kTiers] = {}, low_any[kTiers] = {};
    for (std::uint32_t b = 0; b < 64; ++b) {
      int best = 0;
      for (int h = 0; h < kLowHubs; ++h) {
        int t = tier_of(b, h);
        best = std::max(best, t);
        low_exactly[h][t] |= std::uint64_t(1) << b;
        for (int k = 0; k <= t; ++k) low_at_least[h][k] |= std::uint64_t(1) << b;
      }
      for (int k = 0; k <= best; ++k) low_any[k] |= std::uint64_t(1) << b;
    }
    const std::uint64_t all = ~std::uint64_t(0);
    for (std::size_t w = 0; w < AccountSet::kWords; ++w) {
      const std::uint32_t high = std::uint32_t(w) << 6;  // the configuration bits a word fixes
      int best_high = 0;
      for (int h = kLowHubs; h < kHubs; ++h) best_high = std::max(best_high, tier_of(high, h));
      for (int t = 0; t < kTiers; ++t) {
        for (int h = 0; h < kLowHubs; ++h) {
          at_least[h][t].set_word(w, low_at_least[h][t]);
          exactly[h][t].set_word(w, low_exactly[h][t]);
        }
        for (int h = kLowHubs; h < kHubs; ++h) {
          at_least[h][t].set_word(w, tier_of(high, h) >= t ? all : 0);
          exactly[h][t].set_word(w, tier_of(high, h) == t ? all : 0);
        }
        at_least[kHubs][t].set_word(w, best_high >= t ? all : low_any[t]);
      }
      for (int f = 0; f < kFeatures; ++f) features[f].set_word(w, has_feature(high, f) ? all : 0);
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
