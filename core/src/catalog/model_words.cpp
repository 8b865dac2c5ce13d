// The word-at-a-time arithmetic over account configurations (the evaluator's hot code: compiled
// -O3 in the wasm build, see web/CMakeLists.txt); the model's set-up is in model.cpp.
#include <algorithm>

#include "catalog/model.hpp"

namespace tierscope {

// Native x86 builds with GCC get a copy of the counting loops using the popcnt instruction, chosen at
// load time on CPUs that have it (wasm has i64.popcnt anyway; clang 14 leaves member clones unresolved).
#if defined(__x86_64__) && defined(__ELF__) && defined(__GNUC__) && !defined(__clang__)
#define TS_COUNTING __attribute__((target_clones("popcnt", "default")))
#else
#define TS_COUNTING
#endif

namespace {
inline int popcount64(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return __builtin_popcountll(x);
#else
  int n = 0;
  for (; x; x &= x - 1) ++n;
  return n;
#endif
}

}  // namespace

// The fields one word's index fixes (those above bit 6): its index shifted, and what the model worked
// out for it once (index_words).
struct Model::Word {
  std::uint64_t valid = 0;
  int best_high = 0;   // highest tier among the hubs above bit 6
  std::uint32_t base = 0;  // the word's first configuration: the fields above bit 6 read from it
};

void Model::index_words() {
  word_info_.assign(words_, 0);
  const int n_hubs = int(hubs.size());
  for (std::uint32_t w = 0; w < words_; ++w) {
    const std::uint32_t base = w << 6;
    int best = 0;
    bool ok = true;
    for (int i = low_fields_; i < n_hubs; ++i) {
      const int v = int((base >> (i * width_)) & tier_mask_);
      best = std::max(best, v);
      ok = ok && v < int(tiers.size()) && sells(i, v);
    }
    word_info_[w] = std::uint8_t((ok ? 0x80 : 0) | best);
  }
}

void Model::view(std::uint32_t w, Word& x) const {
  const std::uint8_t info = word_info_[w];
  x.base = w << 6;
  x.best_high = info & 0x7f;
  x.valid = info & 0x80 ? low_valid_ : 0;
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
      else if (int(c.feature >= 0 ? (x.base >> (feature_base_ + c.feature)) & 1 : (x.base >> (field * width_)) & tier_mask_) < min)
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
    if (tier_of(config, h) >= int(tiers.size()) || !sells(h, tier_of(config, h))) return false;
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


// Per word: the fields above bit 6 are fixed by its index, so each adds the word's count to its value;
// the low fields vary within the word, so the word is added to a count per bit position (bit-sliced:
// slice k holds bit k of the 64 counts, a carry ripples up), read per field and value at the end.
TS_COUNTING Model::Breakdown Model::breakdown(const AccountSet& set) const {
  const int n_hubs = int(hubs.size()), n_tiers = int(tiers.size()), n_fields = n_hubs + int(features.size());
  Breakdown b;
  b.by_hub.assign(n_hubs, std::vector<std::uint32_t>(n_tiers, 0));
  b.feature_on.assign(features.size(), 0);
  std::array<std::uint64_t, 32> slice{};  // a count per position is at most the words (< 2^32)
  for (std::uint32_t w = 0; w < words_; ++w) {
    const std::uint64_t m = set.word(w);
    if (!m) continue;
    for (std::uint64_t carry = m, *k = slice.data(); carry; ++k) {
      const std::uint64_t t = *k & carry;
      *k ^= carry;
      carry = t;
    }
    const std::uint32_t n = popcount64(m), base = w << 6;
    for (int i = low_fields_; i < n_hubs; ++i) b.by_hub[i][(base >> (i * width_)) & tier_mask_] += n;
    for (int i = std::max(low_fields_, n_hubs); i < n_fields; ++i)
      if ((base >> (feature_base_ + i - n_hubs)) & 1) b.feature_on[i - n_hubs] += n;
  }
  if (low_fields_ == 0) return b;
  std::array<std::uint32_t, 64> at{};  // at[p]: the words with bit p set (the configurations 64w + p in the set)
  for (int p = 0; p < 64; ++p)
    for (int k = 0; k < 32; ++k) at[p] |= std::uint32_t((slice[k] >> p) & 1) << k;
  auto in = [&](std::uint64_t mask) {
    std::uint32_t n = 0;
    for (int p = 0; p < 64; ++p) n += (mask >> p) & 1 ? at[p] : 0;
    return n;
  };
  // low_exactly_[field][value]: the positions p where that field has that value.
  for (int i = 0; i < low_fields_; ++i) {
    if (i < n_hubs)
      for (int t = 0; t < n_tiers; ++t) b.by_hub[i][t] += in(low_exactly_[i][t]);
    else
      b.feature_on[i - n_hubs] += in(low_exactly_[i][1]);
  }
  return b;
}

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
TS_COUNTING std::uint32_t AccountSet::count() const {
  std::uint32_t n = 0;
  for (auto w : words_) n += popcount64(w);
  return n;
}

}  // namespace tierscope

namespace tierscope {

// Word by word for one or two sets; for more, a block of words at a time: the block ANDed set after set
// (plain loops over arrays, which the compiler unrolls or vectorizes), then counted.
TS_COUNTING std::uint32_t count_and_all(const AccountSet& start, const std::vector<const AccountSet*>& sets) {
  std::uint32_t n = 0;
  const std::size_t words = start.words(), k = sets.size();
  const std::uint64_t* a = start.data();
  if (k == 0) {
    for (std::size_t i = 0; i < words; ++i) n += popcount64(a[i]);
    return n;
  }
  const std::uint64_t* b = sets[0]->data();
  if (k == 1) {
    for (std::size_t i = 0; i < words; ++i) n += popcount64(a[i] & b[i]);
    return n;
  }
  const std::uint64_t* c = sets[1]->data();
  if (k == 2) {
    for (std::size_t i = 0; i < words; ++i) n += popcount64(a[i] & b[i] & c[i]);
    return n;
  }
  constexpr std::size_t kBlock = 256;
  std::uint64_t acc[kBlock];
  const std::uint64_t* last = sets[k - 1]->data();
  for (std::size_t at = 0; at < words; at += kBlock) {
    const std::size_t len = std::min(kBlock, words - at);
    for (std::size_t i = 0; i < len; ++i) acc[i] = a[at + i] & b[at + i] & c[at + i];
    for (std::size_t s = 2; s + 1 < k; ++s) {
      const std::uint64_t* d = sets[s]->data() + at;
      for (std::size_t i = 0; i < len; ++i) acc[i] &= d[i];
    }
    for (std::size_t i = 0; i < len; ++i) n += popcount64(acc[i] & last[at + i]);
  }
  return n;
}

}  // namespace tierscope
