#include <doctest/doctest.h>

#include <algorithm>

#include "catalog/model.hpp"

using namespace tierscope;

#include "catalog/catalog.hpp"

namespace {
std::vector<Named> named(std::initializer_list<const char*> ids) {
  std::vector<Named> out;
  for (const char* id : ids) {
    Named n;
    n.id = id;
    n.name = std::string("Name of ") + id;
    out.push_back(n);
  }
  return out;
}
Grant alternatives(std::vector<std::vector<Condition>> alts) { return {Requirement::Alternatives, std::move(alts)}; }
Condition hub(int h, int t) { return {h, t, -1}; }
// `hubs` with hub i selling only the tiers in sold[i] (empty: every tier).
std::vector<Named> selling(std::vector<Named> hubs, std::vector<std::vector<std::string>> sold) {
  for (std::size_t i = 0; i < sold.size(); ++i) hubs[i].sold = sold[i];
  return hubs;
}
Condition feature(int f) { return {-1, 0, f}; }

// Every set the model computes a word at a time, checked configuration by configuration against
// an independent decoding (mixed radix over the valid configurations only: hubs at tiers they sell).
void check_model(const Model& m) {
  const int H = int(m.hubs.size()), T = int(m.tiers.size()), F = int(m.features.size());
  std::vector<Grant> grants = {Grant{}, Grant{Requirement::Any, {}}};
  for (int h = -1; h < H; ++h)
    for (int t = 0; t < T; ++t) grants.push_back(alternatives({{hub(h, t)}}));
  for (int f = 0; f < F; ++f) grants.push_back(alternatives({{feature(f)}}));
  grants.push_back(alternatives({{hub(0, T - 1), feature(F - 1)}, {hub(-1, 1)}}));
  grants.push_back(alternatives({{hub(H - 1, 1)}, {hub(0, T - 1)}}));
  std::uint32_t wrong = 0, seen = 0;
  std::uint64_t expected = std::uint64_t(1) << F, all_tiers = std::uint64_t(1) << F;
  for (int h = 0; h < H; ++h) {
    int sold = 0;
    for (int t = 0; t < T; ++t) sold += m.sells(h, t);
    expected *= std::uint64_t(sold), all_tiers *= std::uint64_t(T);
  }
  AccountSet all = m.all();
  CHECK(all.count() == expected);
  CHECK(m.configurations() == expected);
  for (const Grant& g : grants) {
    AccountSet set = m.where_all({&g});
    std::vector<std::vector<std::uint32_t>> by_hub(H, std::vector<std::uint32_t>(T, 0));
    std::vector<std::uint32_t> on(F, 0);
    std::uint32_t n = 0;
    for (std::uint32_t c = 0; c < m.words() * 64; ++c) {
      if (!m.valid(c)) {
        wrong += set.test(c) || all.test(c);
        continue;
      }
      bool want = m.grants(g, c);
      wrong += set.test(c) != want;
      if (!want) continue;
      ++n;
      for (int h = 0; h < H; ++h) ++by_hub[h][m.tier_of(c, h)];
      for (int f = 0; f < F; ++f) on[f] += m.has_feature(c, f);
    }
    ++seen;
    CHECK(set.count() == n);
    Model::Breakdown b = m.breakdown(set);
    CHECK(b.by_hub == by_hub);
    CHECK(b.feature_on == on);
  }
  // grants() itself against a decoding that does not use the model's bit layout.
  std::uint32_t index = 0;
  std::vector<int> tier(H, 0), feat(F, 0);
  for (std::uint64_t k = 0; k < all_tiers; ++k) {
    std::uint64_t rest = k;
    for (int h = 0; h < H; ++h) tier[h] = int(rest % T), rest /= T;
    for (int f = 0; f < F; ++f) feat[f] = int(rest % 2), rest /= 2;
    std::uint32_t c = 0;
    for (int h = 0; h < H; ++h) c = m.with_tier(c, h, tier[h]);
    for (int f = 0; f < F; ++f)
      if (feat[f]) c = m.with_feature(c, f);
    bool sold = true;
    for (int h = 0; h < H; ++h) sold = sold && m.sells(h, tier[h]);
    if (!sold) {  // a tier HubSpot does not sell: no configuration, in no set
      wrong += m.valid(c) || all.test(c);
      continue;
    }
    int best = *std::max_element(tier.begin(), tier.end());
    wrong += m.grants(alternatives({{hub(-1, 1)}}), c) != (best >= 1);
    wrong += m.grants(alternatives({{hub(0, T - 1), feature(F - 1)}}), c) != (tier[0] == T - 1 && feat[F - 1]);
    wrong += !all.test(c);
    ++index;
  }
  CHECK(index == expected);
  CHECK(seen == grants.size());
  CHECK(wrong == 0u);
}
}  // namespace

TEST_CASE("the built-in model: 7 hubs (Smart CRM included), 4 tiers, Revenue Hub sold without Starter, 4 features = 196,608 configurations") {
  const Model& m = *Catalog::builtin()->model;
  CHECK(m.hubs.size() == 7);
  CHECK(m.hub_index("smart_crm") == 6);
  CHECK(m.hubs[6].name == "Smart CRM");
  const int commerce = m.hub_index("commerce"), starter = m.tier_index("starter");
  REQUIRE(commerce == 5);
  // HubSpot sells every tier of six hubs, and Free, Professional and Enterprise of Revenue Hub: 4^6 x 3 x 2^4.
  for (int h = 0; h < 7; ++h)
    for (int t = 0; t < 4; ++t) CHECK(m.sells(h, t) == !(h == commerce && t == starter));
  CHECK(m.sold_list(commerce) == "free, professional, enterprise");
  CHECK(m.configurations() == 196608u);
  CHECK(m.words() == 4096u);  // the sets keep 2 bits a hub: 2^18 indexes / 64
  CHECK(m.all().count() == 196608u);
  const auto& p = m.profiles;
  REQUIRE(p.size() == 1 + 7 * 3 - 1);  // free, then every hub at each tier above free that HubSpot sells
  CHECK(p[0].id == "free");
  CHECK(p[0].config == 0u);
  CHECK(p[0].hub == -1);
  CHECK(p[1].id == "marketing-starter");
  CHECK(p[2].name == "Marketing Hub Professional");
  CHECK(p.back().id == "smart_crm-enterprise");
  CHECK(m.profile("commerce-starter") == nullptr);
  CHECK(m.profile("commerce-professional") != nullptr);
  for (const auto& prof : p) {
    CHECK(m.valid(prof.config));
    for (int h = 0; h < 7; ++h) CHECK(m.tier_of(prof.config, h) == (h == prof.hub ? prof.tier : 0));
  }
  CHECK_FALSE(m.valid(m.with_tier(0, commerce, starter)));  // no set ever holds a Revenue Hub Starter account
  // hub h at least tier t: the sold tiers of h from t up, times the others' sold tiers, times 2^4 features.
  for (int h = 0; h < 7; ++h)
    for (int t = 0; t < 4; ++t) {
      Grant g = alternatives({{hub(h, t)}});
      std::uint32_t choices = 0;
      for (int k = t; k < 4; ++k) choices += m.sells(h, k);
      std::uint32_t others = h == commerce ? 4096 : 1024 * 3;
      CHECK(m.where_all({&g}).count() == choices * others * 16);
    }
  // Any hub at Starter or higher: every account but those with every hub at Free.
  Grant any_starter = alternatives({{hub(-1, 1)}});
  CHECK(m.where_all({&any_starter}).count() == 196608u - 16u);
}

TEST_CASE("word-at-a-time sets equal a direct decoding, for models of several shapes") {
  SUBCASE("7 hubs x 4 tiers x 4 features") { check_model(Model(named({"f", "s", "p", "e"}), named({"a", "b", "c", "d", "e", "f", "g"}), named({"w", "x", "y", "z"}))); }
  SUBCASE("3 hubs x 3 tiers x 2 features (not a power of two: some indexes are no configuration)") {
    check_model(Model(named({"low", "mid", "high"}), named({"one", "two", "three"}), named({"x", "y"})));
  }
  SUBCASE("2 hubs x 2 tiers x 1 feature (fewer than 64 configurations)") {
    check_model(Model(named({"free", "paid"}), named({"one", "two"}), named({"x"})));
  }
  SUBCASE("4 hubs x 5 tiers x 3 features (3 bits a tier)") {
    check_model(Model(named({"t0", "t1", "t2", "t3", "t4"}), named({"a", "b", "c", "d"}), named({"x", "y", "z"})));
  }
  SUBCASE("7 hubs x 4 tiers, the sixth hub sold without its second tier (HubSpot's shape)") {
    Model m(named({"f", "s", "p", "e"}), selling(named({"a", "b", "c", "d", "e", "f", "g"}), {{}, {}, {}, {}, {}, {"f", "p", "e"}}),
            named({"w", "x", "y", "z"}));
    CHECK(m.configurations() == 196608u);
    check_model(m);
  }
  SUBCASE("3 hubs x 3 tiers, hubs sold at their lowest tier only or without the middle one (low bits of a word)") {
    Model m(named({"low", "mid", "high"}), selling(named({"one", "two", "three"}), {{"low"}, {"low", "high"}}), named({"x", "y"}));
    CHECK(m.configurations() == 1u * 2 * 3 * 4);
    check_model(m);
  }
}

TEST_CASE("a model that does not fit is refused with a reason") {
  CHECK_THROWS_WITH_AS(Model(named({"only"}), named({"a"}), {}), doctest::Contains("between 2 and 8 tiers"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b"}), named({"x", "x"}), {}), doctest::Contains("duplicate id \"x\""), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b"}), named({"any"}), {}), doctest::Contains("\"any\""), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b", "c", "d"}), named({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}), named({"x"})),
                       doctest::Contains("too many"), std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b"}), selling(named({"x"}), {{"a", "c"}}), {}), doctest::Contains("x sells an unknown tier \"c\""),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b"}), selling(named({"x"}), {{"b"}}), {}), doctest::Contains("x must have the lowest tier (a)"),
                       std::invalid_argument);
  CHECK_THROWS_WITH_AS(Model(named({"a", "b"}), selling(named({"x"}), {{"a", "a"}}), {}), doctest::Contains("twice"), std::invalid_argument);
}

TEST_CASE("ids resolve and unknown ids do not") {
  const Model& m = *Catalog::builtin()->model;
  CHECK(m.hub_index("data") == 4);
  CHECK(m.hub_index("ops") == -1);
  CHECK(m.tier_index("enterprise") == 3);
  CHECK(m.tier_index("Enterprise") == -1);
  CHECK(m.feature_index("sensitive_data") == 3);
  CHECK(m.feature_index("nope") == -1);
  CHECK(m.profile("smart_crm-professional") != nullptr);
  CHECK(m.profile("crm-professional") == nullptr);
  // A profile id of a tier HubSpot does not sell says so; any other unknown id lists what is valid.
  CHECK(m.profile_error("commerce-starter") ==
        "no profile \"commerce-starter\": HubSpot sells no Starter tier of Revenue Hub (formerly Commerce Hub); its tiers: free, professional, enterprise");
  CHECK(m.profile_error("crm-professional").rfind("unknown profile \"crm-professional\" (free or <hub>-<tier>, hub one of marketing", 0) == 0);
  CHECK(m.profile_error("x\ny").find('\n') == std::string::npos);  // one line: control characters escaped
  CHECK(m.profile_error("x\ny").rfind("unknown profile \"x", 0) == 0);
  CHECK(m.not_sold(5, 1) == "HubSpot sells no Starter tier of Revenue Hub (formerly Commerce Hub); its tiers: free, professional, enterprise");
}

#include "catalog/labels.hpp"

TEST_CASE("labels are plain words") {
  CHECK(label_for("crm.objects.deals.write").text == "Change deals");
  CHECK(label_for("crm.schemas.contacts.read").text == "View contacts property settings");
  CHECK(label_for("crm.schemas.contacts.read").group == "CRM settings");
  CHECK(label_for("crm.objects.contacts.sensitive.read.v2").text == "View sensitive data of contacts");
  CHECK(label_for("oauth").group == "Basic access");
  CHECK(label_for("payment-links-read").text == "View payment links");
  CHECK(label_for("payment-links-read").group == "Commerce");
  CHECK(label_for("something.new").text == "Use something new");
}
