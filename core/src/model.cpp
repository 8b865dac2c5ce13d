#include "model.hpp"

#include <algorithm>

namespace tierscope {

namespace {
int popcount64(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_popcountll(x);
#else
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
#endif
}

int find(const std::vector<Named>& list, std::string_view id) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].id == id) return int(i);
  return -1;
}

std::string ids(const std::vector<Named>& list) {
  std::string out;
  for (const auto& n : list) out += (out.empty() ? "" : ", ") + n.id;
  return out;
}

void check_unique(const std::vector<Named>& list, const char* what) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id.empty()) throw std::invalid_argument(std::string(what) + ": an empty id");
    if (find(list, list[i].id) != int(i)) throw std::invalid_argument(std::string(what) + ": duplicate id \"" + list[i].id + "\"");
  }
}
}  // namespace

// The fields one word's index fixes (those above bit 6), decoded once per word.
struct Model::Word {
  std::uint64_t valid = 0;
  int best_high = 0;                               // highest tier among the hubs above bit 6
  std::array<std::uint8_t, Model::kMaxBits> value{};  // field value (fields above bit 6 only)
};

Model::Model(std::vector<Named> t, std::vector<Named> h, std::vector<Named> f)
    : tiers(std::move(t)), hubs(std::move(h)), features(std::move(f)) {
  if (tiers.size() < 2 || tiers.size() > std::size_t(kMaxTiers))
    throw std::invalid_argument("tiers: between 2 and " + std::to_string(kMaxTiers) + " tiers are supported");
  if (hubs.empty()) throw std::invalid_argument("hubs: at least one hub is needed");
  check_unique(tiers, "tiers");
  check_unique(hubs, "hubs");
  check_unique(features, "features");
  if (hub_index("any") >= 0) throw std::invalid_argument("hubs: \"any\" is not a hub id (it means any hub)");
  while ((1u << width_) < tiers.size()) ++width_;
  tier_mask_ = (1u << width_) - 1;
  feature_base_ = int(hubs.size()) * width_;
  if (hubs.size() > std::size_t(kMaxBits) || features.size() > std::size_t(kMaxBits) ||
      feature_base_ + int(features.size()) > kMaxBits)
    throw std::invalid_argument("the model has too many hubs, tiers and features (at most " +
                                std::to_string(kMaxBits) + " bits of configuration)");
  bits_ = feature_base_ + int(features.size());
  configurations_ = 1u << features.size();
  for (std::size_t i = 0; i < hubs.size(); ++i) configurations_ *= std::uint32_t(tiers.size());
  words_ = bits_ > 6 ? std::size_t(1) << (bits_ - 6) : 1;

  // Fields in index order: hubs (width_ bits each), then features (1 bit each). A field that lies
  // in bits 0-5 varies inside a word; widths 1-3 at multiples of their width never straddle bit 6.
  const int n_fields = int(hubs.size() + features.size());
  auto offset = [&](int i) { return i < int(hubs.size()) ? i * width_ : feature_base_ + (i - int(hubs.size())); };
  auto width = [&](int i) { return i < int(hubs.size()) ? width_ : 1; };
  while (low_fields_ < n_fields && offset(low_fields_) + width(low_fields_) <= 6) ++low_fields_;
  const std::uint32_t limit = bits_ >= 6 ? 64 : 1u << bits_;
  for (std::uint32_t b = 0; b < limit; ++b) {
    const std::uint64_t bit = std::uint64_t(1) << b;
    int best = 0;
    bool ok = true;
    for (int i = 0; i < low_fields_; ++i) {
      int v = int((b >> offset(i)) & ((1u << width(i)) - 1));
      low_exactly_[i][v] |= bit;
      for (int k = 0; k <= v; ++k) low_at_least_[i][k] |= bit;
      if (i < int(hubs.size())) {
        best = std::max(best, v);
        ok = ok && v < int(tiers.size());
      }
    }
    for (int k = 0; k <= best && k < kMaxTiers; ++k) low_any_at_least_[k] |= bit;
    if (ok) low_valid_ |= bit;
  }
}

void Model::view(std::uint32_t w, Word& x) const {
  const std::uint32_t base = w << 6;
  x.best_high = 0;
  bool ok = true;
  const int n_hubs = int(hubs.size()), n_fields = n_hubs + int(features.size());
  for (int i = low_fields_; i < n_fields; ++i) {
    int v = i < n_hubs ? int((base >> (i * width_)) & tier_mask_) : int((base >> (feature_base_ + i - n_hubs)) & 1);
    x.value[i] = std::uint8_t(v);
    if (i < n_hubs) {
      x.best_high = std::max(x.best_high, v);
      ok = ok && v < int(tiers.size());
    }
  }
  x.valid = ok ? low_valid_ : 0;
}

std::uint64_t Model::grant_word(const Grant& g, const Word& x) const {
  if (g.kind != Requirement::Alternatives) return ~std::uint64_t(0);
  const int n_hubs = int(hubs.size());
  std::uint64_t any = 0;
  for (const auto& alt : g.alternatives) {
    std::uint64_t all = ~std::uint64_t(0);
    for (const auto& c : alt) {
      int field = c.feature >= 0 ? n_hubs + c.feature : c.hub;
      int min = c.feature >= 0 ? 1 : c.min_tier;
      if (field < 0)  // any hub
        all &= x.best_high >= min ? ~std::uint64_t(0) : low_any_at_least_[min];
      else if (field < low_fields_)
        all &= low_at_least_[field][min];
      else if (x.value[field] < min)
        all = 0;
      if (!all) break;
    }
    any |= all;
  }
  return any;
}

bool Model::holds(const Condition& c, std::uint32_t config) const {
  if (c.feature >= 0) return has_feature(config, c.feature);
  if (c.hub >= 0) return tier_of(config, c.hub) >= c.min_tier;
  for (int h = 0; h < int(hubs.size()); ++h)
    if (tier_of(config, h) >= c.min_tier) return true;
  return false;
}

bool Model::grants(const Grant& g, std::uint32_t config) const {
  if (g.kind != Requirement::Alternatives) return true;
  return std::any_of(g.alternatives.begin(), g.alternatives.end(), [&](const std::vector<Condition>& alt) {
    return std::all_of(alt.begin(), alt.end(), [&](const Condition& c) { return holds(c, config); });
  });
}

bool Model::valid(std::uint32_t config) const {
  if (bits_ < 32 && config >> bits_) return false;
  for (int h = 0; h < int(hubs.size()); ++h)
    if (tier_of(config, h) >= int(tiers.size())) return false;
  return true;
}

AccountSet Model::where_all(const std::vector<const Grant*>& grants) const {
  AccountSet out(words_);
  Word x;
  for (std::uint32_t w = 0; w < words_; ++w) {
    view(w, x);
    std::uint64_t m = x.valid;
    for (const Grant* g : grants) {
      if (!m) break;
      m &= grant_word(*g, x);
    }
    out.set_word(w, m);
  }
  return out;
}

AccountSet Model::all() const { return where_all({}); }

Model::Breakdown Model::breakdown(const AccountSet& set) const {
  const int n_hubs = int(hubs.size()), n_tiers = int(tiers.size()), n_fields = n_hubs + int(features.size());
  Breakdown b;
  b.by_hub.assign(n_hubs, std::vector<std::uint32_t>(n_tiers, 0));
  b.feature_on.assign(features.size(), 0);
  Word x;
  for (std::uint32_t w = 0; w < words_; ++w) {
    const std::uint64_t m = set.word(w);
    if (!m) continue;
    view(w, x);
    const std::uint32_t n = popcount64(m);
    for (int i = 0; i < n_fields; ++i) {
      if (i < n_hubs) {
        if (i >= low_fields_) b.by_hub[i][x.value[i]] += n;
        else
          for (int t = 0; t < n_tiers; ++t) b.by_hub[i][t] += popcount64(m & low_exactly_[i][t]);
      } else {
        if (i >= low_fields_) b.feature_on[i - n_hubs] += x.value[i] ? n : 0;
        else b.feature_on[i - n_hubs] += popcount64(m & low_exactly_[i][1]);
      }
    }
  }
  return b;
}

int Model::hub_index(std::string_view id) const { return find(hubs, id); }
int Model::tier_index(std::string_view id) const { return find(tiers, id); }
int Model::feature_index(std::string_view id) const { return find(features, id); }
const Profile* Model::profile(std::string_view id) const {
  for (const auto& p : profiles)
    if (p.id == id) return &p;
  return nullptr;
}
std::string Model::hub_list() const { return ids(hubs); }
std::string Model::tier_list() const { return ids(tiers); }
std::string Model::feature_list() const { return ids(features); }

AccountSet& AccountSet::operator&=(const AccountSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= o.words_[i];
  return *this;
}
AccountSet& AccountSet::operator|=(const AccountSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] |= o.words_[i];
  return *this;
}
AccountSet& AccountSet::subtract(const AccountSet& o) {
  for (std::size_t i = 0; i < words_.size(); ++i) words_[i] &= ~o.words_[i];
  return *this;
}
std::uint32_t AccountSet::count() const {
  std::uint32_t n = 0;
  for (auto w : words_) n += popcount64(w);
  return n;
}

}  // namespace tierscope
