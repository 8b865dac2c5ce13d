// The account model tierscope evaluates (RULES.md "Account model"): 6 hubs x 4 tiers x 4 features
// = 65,536 account configurations, and the 19 standard profiles. One configuration is an index:
// bits 2h..2h+1 hold hub h's tier, bits 12..15 the features.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

constexpr int kHubs = 6, kTiers = 4, kFeatures = 4;
constexpr std::uint32_t kConfigurations = 1u << (2 * kHubs + kFeatures);  // 65,536

extern const std::array<const char*, kHubs> kHubIds;       // marketing, sales, service, content, data, commerce
extern const std::array<const char*, kHubs> kHubNames;     // Marketing Hub, ...
extern const std::array<const char*, kTiers> kTierIds;     // free, starter, professional, enterprise
extern const std::array<const char*, kTiers> kTierNames;   // Free, Starter, ...
extern const std::array<const char*, kFeatures> kFeatureIds;

int hub_index(std::string_view id);      // -1 if unknown
int tier_index(std::string_view id);     // -1 if unknown
int feature_index(std::string_view id);  // -1 if unknown

inline int tier_of(std::uint32_t config, int hub) { return (config >> (2 * hub)) & 3; }
inline bool has_feature(std::uint32_t config, int feature) { return (config >> (2 * kHubs + feature)) & 1; }
inline std::uint32_t with_tier(std::uint32_t config, int hub, int tier) {
  return (config & ~(3u << (2 * hub))) | (std::uint32_t(tier) << (2 * hub));
}
inline std::uint32_t with_feature(std::uint32_t config, int feature) { return config | (1u << (2 * kHubs + feature)); }

// A set of account configurations: one bit per configuration.
class AccountSet {
 public:
  static AccountSet all();
  static AccountSet none() { return AccountSet(); }
  bool test(std::uint32_t config) const { return (words_[config >> 6] >> (config & 63)) & 1; }
  void set(std::uint32_t config) { words_[config >> 6] |= std::uint64_t(1) << (config & 63); }
  // Word i holds configurations 64i..64i+63 (bit b = configuration 64i+b).
  static constexpr std::size_t kWords = kConfigurations / 64;
  void set_word(std::size_t i, std::uint64_t bits) { words_[i] = bits; }
  AccountSet& operator&=(const AccountSet& o);
  AccountSet& operator|=(const AccountSet& o);
  std::uint32_t count() const;
  std::uint32_t count_within(const AccountSet& mask) const;  // popcount(this & mask)

 private:
  std::array<std::uint64_t, kWords> words_{};
};

// Precomputed sets for single conditions (built once, on first use).
const AccountSet& hub_at_least(int hub, int tier);  // hub == -1: some hub at tier or higher
const AccountSet& feature_on(int feature);
const AccountSet& hub_at(int hub, int tier);        // hub exactly at tier (for coverage breakdowns)

struct Profile {
  std::string id;    // free | <hub>-<tier>
  std::string name;  // Free | Marketing Hub Professional
  int hub;           // -1 for free
  int tier;
  std::uint32_t config;
};
const std::vector<Profile>& standard_profiles();  // 19, in report order

}  // namespace tierscope
