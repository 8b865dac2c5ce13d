#include "catalog/model.hpp"

#include <algorithm>

#include "text.hpp"

namespace tierscope {

namespace {
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
  for (const auto& hub : hubs) {
    std::uint32_t sold = hub.sold.empty() ? (1u << tiers.size()) - 1 : 0;
    for (const auto& t : hub.sold) {
      int i = tier_index(t);
      if (i < 0) throw std::invalid_argument("hubs: " + hub.id + " sells an unknown tier \"" + t + "\" (" + ids(tiers) + ")");
      if ((sold >> i) & 1) throw std::invalid_argument("hubs: " + hub.id + " lists tier \"" + t + "\" twice");
      sold |= 1u << i;
    }
    if (!(sold & 1)) throw std::invalid_argument("hubs: " + hub.id + " must have the lowest tier (" + tiers[0].id + ")");
    sold_.push_back(sold);
    std::uint32_t n = 0;
    for (std::uint32_t b = sold; b; b &= b - 1) ++n;
    configurations_ *= n;
  }
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
        ok = ok && v < int(tiers.size()) && sells(i, v);
      }
    }
    for (int k = 0; k <= best && k < kMaxTiers; ++k) low_any_at_least_[k] |= bit;
    if (ok) low_valid_ |= bit;
  }
  index_words();
  all_ = where_all({});
}

int Model::hub_index(std::string_view id) const { return find(hubs, id); }
int Model::hub_by_key(std::string_view key) const {
  int h = find(hubs, key);
  for (std::size_t i = 0; i < hubs.size() && h < 0; ++i)
    for (const auto& a : hubs[i].aliases)
      if (a == key) h = int(i);
  return h;
}
int Model::tier_index(std::string_view id) const { return find(tiers, id); }
int Model::feature_index(std::string_view id) const { return find(features, id); }
const Profile* Model::profile(std::string_view id) const {
  for (const auto& p : profiles)
    if (p.id == id) return &p;
  return nullptr;
}
std::string Model::hub_list() const {
  std::string out;
  for (const auto& h : hubs) {
    out += (out.empty() ? "" : ", ") + h.id;
    for (std::size_t i = 0; i < h.aliases.size(); ++i) out += (i ? "/" : " or ") + h.aliases[i];
  }
  return out;
}
std::string Model::tier_list() const { return ids(tiers); }
std::string Model::sold_list(int hub) const {
  std::string out;
  for (int t = 0; t < int(tiers.size()); ++t)
    if (sells(hub, t)) out += (out.empty() ? "" : ", ") + tiers[t].id;
  return out;
}
std::string Model::not_sold(int hub, int tier) const {
  return "HubSpot sells no " + tiers[tier].name + " tier of " + hubs[hub].name + "; its tiers: " + sold_list(hub);
}
std::string Model::profile_error(std::string_view id) const {
  for (int h = 0; h < int(hubs.size()); ++h)
    for (int t = 1; t < int(tiers.size()); ++t)
      if (!sells(h, t) && id == hubs[h].id + "-" + tiers[t].id)
        return "no profile " + quote_name(id) + ": " + not_sold(h, t);
  return "unknown profile " + quote_name(id) + " (" + profiles.front().id + " or <hub>-<tier>, hub one of " + hub_list() + ")";
}
std::string Model::feature_list() const { return ids(features); }

}  // namespace tierscope
