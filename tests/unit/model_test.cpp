#include <doctest/doctest.h>

#include <algorithm>

#include "model.hpp"

using namespace tierscope;

TEST_CASE("the account model has 65,536 configurations and 19 standard profiles") {
  CHECK(kConfigurations == 65536u);
  CHECK(AccountSet::all().count() == 65536u);
  CHECK(AccountSet::none().count() == 0u);
  const auto& p = standard_profiles();
  REQUIRE(p.size() == 19);
  CHECK(p[0].id == "free");
  CHECK(p[0].config == 0u);
  CHECK(p[1].id == "marketing-starter");
  CHECK(p[2].name == "Marketing Hub Professional");
  CHECK(p[18].id == "commerce-enterprise");
  for (const auto& prof : p)
    for (int h = 0; h < kHubs; ++h) CHECK(tier_of(prof.config, h) == (h == prof.hub ? prof.tier : 0));
}

TEST_CASE("condition sets match a direct count") {
  // hub h at least tier t: (4 - t) choices for h, 4^5 for the others, 2^4 features.
  for (int h = 0; h < kHubs; ++h)
    for (int t = 0; t < kTiers; ++t) {
      CHECK(hub_at_least(h, t).count() == std::uint32_t((4 - t) * 1024 * 16));
      CHECK(hub_at(h, t).count() == 16384u);
    }
  // some hub at least t: all minus those with every hub below t.
  for (int t = 0; t < kTiers; ++t) {
    std::uint32_t below = 1;
    for (int h = 0; h < kHubs; ++h) below *= std::uint32_t(t);
    CHECK(hub_at_least(-1, t).count() == (4096u - below) * 16u);
  }
  for (int f = 0; f < kFeatures; ++f) CHECK(feature_on(f).count() == 32768u);
  AccountSet both = hub_at_least(0, 2);
  both &= feature_on(3);
  CHECK(both.count() == 16384u);
  CHECK(hub_at_least(0, 2).count_within(feature_on(3)) == 16384u);
}

TEST_CASE("condition sets hold exactly the configurations they name, bit for bit") {
  std::uint32_t wrong = 0;
  for (std::uint32_t c = 0; c < kConfigurations; ++c) {
    int best = 0;
    for (int h = 0; h < kHubs; ++h) {
      int t = int(c / (1u << (2 * h))) % 4;  // independent decoding
      best = std::max(best, t);
      for (int k = 0; k < kTiers; ++k) {
        wrong += hub_at_least(h, k).test(c) != (t >= k);
        wrong += hub_at(h, k).test(c) != (t == k);
      }
    }
    for (int k = 0; k < kTiers; ++k) wrong += hub_at_least(-1, k).test(c) != (best >= k);
    for (int f = 0; f < kFeatures; ++f) wrong += feature_on(f).test(c) != bool((c >> (12 + f)) & 1);
  }
  CHECK(wrong == 0u);
}

TEST_CASE("ids resolve and unknown ids do not") {
  CHECK(hub_index("data") == 4);
  CHECK(hub_index("ops") == -1);
  CHECK(tier_index("enterprise") == 3);
  CHECK(tier_index("Enterprise") == -1);
  CHECK(feature_index("sensitive_data") == 3);
  CHECK(feature_index("nope") == -1);
}

#include "labels.hpp"

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
