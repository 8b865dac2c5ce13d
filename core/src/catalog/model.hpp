// The account model tierscope evaluates, read from the catalog file (catalog format 2): tiers
// (lowest first), hubs with the tiers HubSpot sells of each (every hub has the lowest tier), features
// (add-ons and account settings) and the standard profiles. Nothing here knows HubSpot's products:
// the configurations are the product of each hub's sold tiers times 2^features, another model
// another number (configurations()).
//
// One configuration is an index built from bit fields: hub h's tier in bits [h*w, (h+1)*w) with
// w = the bits a tier needs, then one bit per feature. With a tier count that is not a power of two
// some indexes are no configuration, nor is a hub at a tier HubSpot does not sell; sets never hold
// them (valid()).
#pragma once
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

struct Condition {
  int hub = -1;      // hub condition: hub index, or -1 for "any hub"
  int min_tier = 0;  // hub condition: lowest tier
  int feature = -1;  // feature condition: feature index (then hub/min_tier unused)
};

enum class Requirement { Any, Undocumented, Alternatives };

// Where a scope is granted: every account, not documented, or an OR of ANDs of conditions.
struct Grant {
  Requirement kind = Requirement::Undocumented;
  std::vector<std::vector<Condition>> alternatives;
  bool everywhere() const { return kind != Requirement::Alternatives; }  // Any, or nothing says no
};

struct Named {
  std::string id, name;
  std::vector<std::string> aliases;  // other keys accepted for it (hubs: HubSpot's own keys, new names)
  // Hubs: the key of `hs test-account create --config-path` for it (empty: hs cannot set it) and its
  // level per tier index (empty: hs does not offer that tier).
  std::string hs_key;
  std::vector<std::string> hs_levels;
  // Hubs: the ids of the tiers HubSpot sells of it (empty: every tier).
  std::vector<std::string> sold;
};

struct Profile {
  std::string id, name;  // free | <hub>-<tier>, as the catalog names them
  int hub = -1;          // the one hub above the lowest tier, or -1 (free, or several hubs)
  int tier = 0;          // that hub's tier; the lowest tier when no hub is above it; -1 with several hubs
  std::uint32_t config = 0;
};

// A set of account configurations: one bit per configuration index, sized by the model.
class AccountSet {
 public:
  AccountSet() = default;
  explicit AccountSet(std::size_t words) : words_(words, 0) {}
  bool test(std::uint32_t config) const { return (words_[config >> 6] >> (config & 63)) & 1; }
  std::size_t words() const { return words_.size(); }
  std::uint64_t word(std::size_t i) const { return words_[i]; }
  const std::uint64_t* data() const { return words_.data(); }
  void set_word(std::size_t i, std::uint64_t bits) { words_[i] = bits; }
  AccountSet& operator&=(const AccountSet& o);
  AccountSet& operator|=(const AccountSet& o);
  AccountSet& subtract(const AccountSet& o);  // this & ~o
  std::uint32_t count() const;

 private:
  std::vector<std::uint64_t> words_;
};

// How many configurations `start` AND every set of `sets` holds, without building that set.
std::uint32_t count_and_all(const AccountSet& start, const std::vector<const AccountSet*>& sets);

class Model {
 public:
  static constexpr int kMaxTiers = 8, kMaxBits = 24;
  // Throws std::invalid_argument with a readable message (too many tiers or configurations, duplicates).
  Model(std::vector<Named> tiers, std::vector<Named> hubs, std::vector<Named> features);

  std::vector<Named> tiers, hubs, features;
  std::vector<Profile> profiles;  // the standard profiles, in report order (added by the catalog)

  int hub_index(std::string_view id) const;      // -1 if unknown
  int hub_by_key(std::string_view key) const;    // an id or one of its aliases; -1 if unknown
  int tier_index(std::string_view id) const;     // -1 if unknown
  int feature_index(std::string_view id) const;  // -1 if unknown
  const Profile* profile(std::string_view id) const;
  bool sells(int hub, int tier) const { return (sold_[hub] >> tier) & 1; }
  std::string sold_list(int hub) const;  // "free, professional, enterprise"
  // One line for a profile id that is none: a tier HubSpot does not sell ("commerce-starter"), or unknown.
  std::string profile_error(std::string_view id) const;
  // One line for hub h at tier t when HubSpot does not sell it.
  std::string not_sold(int hub, int tier) const;
  std::string hub_list() const;      // "marketing, sales, ..." for messages
  std::string tier_list() const;
  std::string feature_list() const;

  std::uint32_t configurations() const { return configurations_; }  // product of sold tiers x 2^features
  std::size_t words() const { return words_; }                        // 64-bit words of an AccountSet
  int tier_of(std::uint32_t config, int hub) const { return (config >> (hub * width_)) & tier_mask_; }
  bool has_feature(std::uint32_t config, int f) const { return (config >> (feature_base_ + f)) & 1; }
  std::uint32_t with_tier(std::uint32_t config, int hub, int tier) const {
    return (config & ~(tier_mask_ << (hub * width_))) | (std::uint32_t(tier) << (hub * width_));
  }
  std::uint32_t with_feature(std::uint32_t config, int f) const { return config | (1u << (feature_base_ + f)); }
  bool valid(std::uint32_t config) const;

  bool grants(const Grant& g, std::uint32_t config) const;  // Undocumented: true (nothing says no)
  const AccountSet& all() const { return all_; }            // every configuration
  // The configurations where every grant holds (Undocumented ones hold everywhere), a word at a time.
  AccountSet where_all(const std::vector<const Grant*>& grants) const;
  // How many configurations of a set have each hub at each tier, each feature on.
  struct Breakdown {
    std::vector<std::vector<std::uint32_t>> by_hub;  // [hub][tier]
    std::vector<std::uint32_t> feature_on;           // [feature]
  };
  Breakdown breakdown(const AccountSet& set) const;

 private:
  struct Word;  // one word's view: the values of the fields its index fixes
  void view(std::uint32_t w, Word& x) const;
  void index_words();  // word_info_, once (the model's constructor)
  std::uint64_t grant_word(const Grant& g, const Word& x) const;
  bool holds(const Condition& c, std::uint32_t config) const;

  int width_ = 0, feature_base_ = 0, bits_ = 0;
  std::uint32_t tier_mask_ = 0, configurations_ = 0;
  std::vector<std::uint32_t> sold_;  // per hub: bit t = HubSpot sells tier t of it
  std::size_t words_ = 1;
  AccountSet all_;
  // Fields (hubs, then features) whose bits all lie in the low 6 bits vary within a word: for those,
  // masks over the 64 configurations of a word (bit b = configuration 64i + b).
  int low_fields_ = 0;  // at most 6: every field has at least one bit
  std::array<std::array<std::uint64_t, kMaxTiers>, 6> low_at_least_{}, low_exactly_{};
  std::array<std::uint64_t, kMaxTiers> low_any_at_least_{};
  std::uint64_t low_valid_ = 0;
  // Per word (its index fixes the fields above bit 6): bit 7 set when every hub there is at a tier sold,
  // bits 0-6 the highest of those hubs' tiers.
  std::vector<std::uint8_t> word_info_;
};

}  // namespace tierscope
