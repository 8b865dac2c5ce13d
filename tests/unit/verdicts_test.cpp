// Evidence into verdicts, on small hand-made catalogs (format 2): sources that agree, disagree, say
// nothing, or disagree about an add-on; suggestions that never promise a disputed profile; and
// models of other shapes, to show that nothing about HubSpot's products is built in.
#include "helpers.hpp"

namespace {
json cond(const std::string& hub, const std::string& tier) { return {{"hub", hub}, {"min_tier", tier}}; }
json feat(const std::string& f) { return {{"feature", f}}; }
json evidence(const std::string& source, const std::string& kind, const json& requires_, bool decides = true) {
  return {{"source", source}, {"kind", kind}, {"requires", requires_}, {"as_of", "2026-01-01"},
          {"url", "https://example.com/" + kind}, {"note", nullptr}, {"decides", decides}};
}
json scope(const std::string& name, const json& requires_, const json& ev, const std::string& confidence,
           const json& any_source = json()) {
  json s = {{"name", name}, {"area", "test"}, {"tier_text", nullptr}, {"requires", requires_}};
  if (!any_source.is_null()) s["requires_any_source"] = any_source;
  s["confidence"] = confidence;
  s["evidence"] = ev;
  return s;
}

json hubspot_like() {
  json mpro = json::array({json::array({cond("marketing", "professional")})});
  json anypro = json::array({json::array({cond("any", "professional")})});
  json salesent = json::array({json::array({cond("sales", "enterprise")})});
  json salespro = json::array({json::array({cond("sales", "professional")})});
  json tx = json::array({json::array({cond("marketing", "professional"), feat("transactional_email_addon")})});
  json scopes = json::array({
      scope("oauth", "any", json::array(), "docs-table"),
      scope("agree.pro", mpro, json::array({evidence("Docs table", "docs-table", mpro), evidence("API spec", "api-spec", mpro)}), "docs-table"),
      scope("disputed.pro", mpro,
            json::array({evidence("Docs table", "docs-table", mpro), evidence("API spec", "api-spec", anypro),
                         evidence("A beta file", "api-spec", "any", false)}),
            "docs-table", anypro),
      scope("sales.ent", salesent, json::array({evidence("Docs table", "docs-table", salesent), evidence("API spec", "api-spec", salespro)}),
            "docs-table", salespro),
      scope("unverified.x", nullptr, json::array({evidence("A beta file", "api-spec", json::array({json::array({cond("sales", "starter")})}), false)}),
            "unverified"),
      scope("addon.tx", tx, json::array({evidence("Docs table", "docs-table", tx), evidence("API spec", "api-spec", mpro)}), "docs-table", mpro),
      scope("second.y", json::array({json::array({cond("service", "starter")})}),
            json::array({evidence("A blog", "secondary", json::array({json::array({cond("service", "starter")})}))}), "secondary"),
      // One statement, older than smart_crm (docs/catalog.md rule 12): silent there, so disputed there, yet nothing disagrees.
      scope("silent.old", json::array({json::array({cond("content", "enterprise")})}),
            json::array({evidence("Old table", "docs-table", json::array({json::array({cond("content", "enterprise")})}))}),
            "docs-table", json::array({json::array({cond("content", "enterprise")}), json::array({cond("smart_crm", "starter")})})),
  });
  return small_catalog({"free", "starter", "professional", "enterprise"},
                       {"marketing", "sales", "service", "content", "data", "commerce", "smart_crm"},
                       {"website_addon", "transactional_email_addon", "business_units_addon", "sensitive_data"}, scopes);
}

std::vector<std::string> statuses(const json& r) {
  std::vector<std::string> out;
  for (const auto& p : r["profiles"]) out.push_back(p["status"]);
  return out;
}

const json* find_diag(const json& r, const std::string& code, const std::string& scope) {
  for (const auto& d : r["diagnostics"])
    if (d["code"] == code && d["scope"] == scope) return &d;
  return nullptr;
}
}  // namespace

TEST_CASE("sources that agree: a confident verdict, nothing disputed") {
  UseCatalog use(hubspot_like());
  json r = check_ok("agree.pro");
  CHECK(status(r, "free") == "permission-error");
  CHECK(profile(r, "free")["missing"] == json::array({"agree.pro"}));
  CHECK(status(r, "sales-professional") == "permission-error");
  CHECK(status(r, "marketing-professional") == "installs");
  CHECK(profile(r, "marketing-professional")["disputed"] == json::array());
  CHECK(r["coverage"]["combinations"] == json({{"installs", 131072}, {"disputed", 0}, {"total", 262144}}));
  CHECK_FALSE(has_code(r, "sources-disagree"));
}

TEST_CASE("sources that disagree: uncertain where they do, a sources-disagree warning naming who says what") {
  UseCatalog use(hubspot_like());
  json r = check_ok("disputed.pro");
  CHECK(status(r, "marketing-professional") == "installs");  // both grant it
  CHECK(status(r, "free") == "permission-error");            // neither does
  CHECK(status(r, "sales-starter") == "permission-error");
  for (const char* id : {"sales-professional", "service-enterprise", "smart_crm-professional"}) {
    CAPTURE(id);
    CHECK(status(r, id) == "uncertain");  // one grants, one does not: never a confident verdict
    CHECK(profile(r, id)["disputed"] == json::array({"disputed.pro"}));
    CHECK(profile(r, id)["missing"].empty());
    CHECK(profile(r, id)["granted"] == json::array({"oauth"}));  // not surely granted
  }
  CHECK(r["coverage"]["profiles"]["uncertain"] == 12);  // the 6 other hubs at professional and enterprise
  // Some hub at professional or higher (4^7 - 2^7 hub choices, x 16), minus marketing at professional or higher.
  CHECK(r["coverage"]["combinations"]["installs"] == 131072);
  CHECK(r["coverage"]["combinations"]["disputed"] == (16384 - 128) * 16 - 131072);
  const json* d = find_diag(r, "sources-disagree", "disputed.pro");
  REQUIRE(d);
  CHECK((*d)["severity"] == "warning");
  std::string msg = (*d)["message"];
  CHECK(msg.find("sales Hub professional") != std::string::npos);    // the profiles, by name
  CHECK(msg.find("smart_crm Hub enterprise") != std::string::npos);
  CHECK(msg.find("marketing Hub professional,") == std::string::npos);  // not where they agree
  CHECK(msg.find("Docs table (docs-table, 2026-01-01): marketing Hub professional or higher") != std::string::npos);
  CHECK(msg.find("API spec (api-spec, 2026-01-01): professional or higher of any hub") != std::string::npos);
  CHECK(msg.find("A beta file") == std::string::npos);  // evidence that does not decide is not a side
  CHECK((*d)["suggestion"] == json({{"action", "make-optional"}, {"scopes", {"disputed.pro"}}}));
}

TEST_CASE("unverified: uncertain on every account, no dispute, non-deciding evidence shown as a hint") {
  UseCatalog use(hubspot_like());
  json r = check_ok("unverified.x");
  for (const auto& s : statuses(r)) CHECK(s == "uncertain");
  CHECK(profile(r, "free")["unverified"] == json::array({"unverified.x"}));
  CHECK(profile(r, "free")["disputed"].empty());
  CHECK(r["coverage"]["combinations"]["installs"] == 262144);  // counted as available
  CHECK(r["coverage"]["combinations"]["disputed"] == 0);
  CHECK_FALSE(has_code(r, "sources-disagree"));
  const json* u = find_diag(r, "undocumented-availability", "unverified.x");
  REQUIRE(u);
  CHECK((*u)["message"].get<std::string>().find("A beta file: sales Hub starter or higher") != std::string::npos);
}

TEST_CASE("an add-on the sources disagree about: the custom account decides what is certain") {
  UseCatalog use(hubspot_like());
  json r = check_ok("addon.tx", R"({"account": {"hubs": {"marketing": "professional"}, "features": ["transactional_email_addon"]}})");
  CHECK(status(r, "marketing-enterprise") == "uncertain");  // no add-on: the docs table says no, the spec yes
  CHECK(status(r, "sales-enterprise") == "permission-error");
  CHECK(r["account"]["status"] == "installs");
  CHECK(r["account"]["disputed"].empty());
  json without = check_ok("addon.tx", R"({"account": {"hubs": {"marketing": "enterprise"}}})");
  CHECK(without["account"]["status"] == "uncertain");
  CHECK(without["account"]["disputed"] == json::array({"addon.tx"}));
  const json* d = find_diag(without, "sources-disagree", "addon.tx");
  REQUIRE(d);
  CHECK((*d)["message"].get<std::string>().find("Custom account") != std::string::npos);
  CHECK((*d)["message"].get<std::string>().find("marketing Hub professional or higher with transactional_email_addon add-on") !=
        std::string::npos);
  // A filtered report with only the custom account still names it.
  json only = check_ok("addon.tx", R"({"profiles": ["free"], "account": {"hubs": {"marketing": "enterprise"}}})");
  REQUIRE(find_diag(only, "sources-disagree", "addon.tx"));
  json none = check_ok("addon.tx", R"({"profiles": ["free"]})");
  CHECK_FALSE(find_diag(none, "sources-disagree", "addon.tx"));
}

TEST_CASE("an optional disputed scope never blocks — the token may lack it") {
  UseCatalog use(hubspot_like());
  json r = fields_ok({{"required", "oauth"}, {"optional", "disputed.pro"}});
  const json& sp = profile(r, "sales-professional");
  CHECK(sp["status"] == "installs");
  CHECK(sp["disputed"] == json::array({"disputed.pro"}));
  CHECK(sp["granted"] == json::array({"oauth"}));
  CHECK(sp["dropped"].empty());  // not surely dropped either
  CHECK(profile(r, "free")["dropped"] == json::array({"disputed.pro"}));
  CHECK(profile(r, "marketing-professional")["granted"] == json::array({"disputed.pro", "oauth"}));
  CHECK(r["coverage"]["combinations"]["disputed"] == 0);
  const json* d = find_diag(r, "sources-disagree", "disputed.pro");
  REQUIRE(d);
  CHECK((*d)["suggestion"].is_null());
}

TEST_CASE("secondary-source only for a tier from a secondary source") {
  UseCatalog use(hubspot_like());
  json r = check_ok("second.y agree.pro");
  CHECK(has_code(r, "secondary-source", "second.y"));
  CHECK_FALSE(has_code(r, "secondary-source", "agree.pro"));
}

TEST_CASE("suggestions never claim to unlock a profile that would still be disputed") {
  UseCatalog use(hubspot_like());
  json r = check_ok("disputed.pro sales.ent");
  CHECK(status(r, "marketing-professional") == "permission-error");  // sales.ent: no source grants it there
  CHECK(status(r, "service-professional") == "permission-error");    // the same, and disputed.pro disputed
  CHECK(status(r, "sales-professional") == "uncertain");             // both disputed
  CHECK(status(r, "sales-enterprise") == "uncertain");               // disputed.pro disputed
  const json* only_sales = nullptr;
  for (const auto& s : r["suggestions"])
    if (s["scopes"] == json::array({"sales.ent"})) only_sales = &s;
  REQUIRE(only_sales);
  CHECK((*only_sales)["unlocks"] == json::array({"marketing-professional", "marketing-enterprise"}));
  bool both = false;
  for (const auto& s : r["suggestions"])
    if (s["scopes"] == json::array({"disputed.pro", "sales.ent"})) {
      both = true;
      CHECK(std::find(s["unlocks"].begin(), s["unlocks"].end(), "service-professional") != s["unlocks"].end());
    }
  CHECK(both);
}

TEST_CASE("every suggestion, applied, makes the profiles it unlocks install, with the combinations it names") {
  UseCatalog use(hubspot_like());
  for (const char* text : {"disputed.pro sales.ent", "agree.pro sales.ent", "addon.tx disputed.pro", "second.y sales.ent agree.pro",
                           "disputed.pro sales.ent second.y addon.tx"}) {
    CAPTURE(text);
    json r = check_ok(text);
    CHECK_FALSE(r["suggestions"].empty());
    for (const auto& s : r["suggestions"]) {
      std::string required, optional;
      for (const auto& n : r["request"]["required"]) {
        bool moved = std::find(s["scopes"].begin(), s["scopes"].end(), n) != s["scopes"].end();
        (moved ? optional : required) += n.get<std::string>() + " ";
      }
      json after = fields_ok({{"required", required}, {"optional", optional}});
      for (const auto& id : s["unlocks"]) CHECK(status(after, id) == "installs");
      CHECK(after["coverage"]["combinations"]["installs"] == s["combinations"]);
    }
  }
}

TEST_CASE("a 3-hub model with 3 tiers: profiles, account, coverage follow the file") {
  json scopes = json::array({
      scope("oauth", "any", json::array(), "docs-table"),
      scope("b.plus", json::array({json::array({cond("b", "plus")})}), json::array(), "api-spec",
            json::array({json::array({cond("any", "plus")})})),
  });
  UseCatalog use(small_catalog({"basic", "plus", "max"}, {"a", "b", "c"}, {"f1"}, scopes));
  json info = json::parse(tierscope::catalog_info());
  CHECK(info["configurations"] == 54);  // 3^3 x 2
  CHECK(info["profiles"].size() == 7);
  json r = check_ok("b.plus", R"({"account": {"hubs": {"c": "max"}, "features": ["f1"]}})");
  REQUIRE(r["profiles"].size() == 7);
  CHECK(r["profiles"][0]["id"] == "basic");
  CHECK(r["profiles"][0]["tier"] == "basic");
  CHECK(r["profiles"][6]["id"] == "c-max");
  CHECK(r["profiles"][6]["hub"] == "c");
  CHECK(status(r, "b-plus") == "installs");
  CHECK(status(r, "a-max") == "uncertain");
  CHECK(status(r, "basic") == "permission-error");
  CHECK(r["account"]["status"] == "uncertain");
  CHECK(r["account"]["account"] == json({{"hubs", {{"a", "basic"}, {"b", "basic"}, {"c", "max"}}}, {"features", {"f1"}}}));
  // b at plus or higher: 2 of 3 tiers -> 18 x 2 = 36 of 54... of which all surely; some hub plus: 27 - 1 = 26 hub choices.
  CHECK(r["coverage"]["combinations"] == json({{"installs", 36}, {"disputed", (26 - 18) * 2}, {"total", 54}}));
  CHECK(r["coverage"]["by_hub"]["b"] == json({{"basic", 0}, {"plus", 18}, {"max", 18}}));
  CHECK(r["coverage"]["by_hub"]["c"] == json({{"basic", 12}, {"plus", 12}, {"max", 12}}));
  CHECK(r["coverage"]["by_feature"]["f1"] == json({{"off", 18}, {"on", 18}}));
  CHECK(r["coverage"]["profiles"]["total"] == 7);
  auto bad = tierscope::check_text("oauth", R"({"account": {"hubs": {"marketing": "max"}}})");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("unknown hub \"marketing\" (a, b, c)") != std::string::npos);
  auto bad_profile = tierscope::check_text("oauth", R"({"profiles": ["marketing-starter"]})");
  CHECK_FALSE(bad_profile.ok);
  CHECK(tierscope::check_text("oauth", R"({"profiles": ["a-plus"]})").ok);
}

TEST_CASE("scope listing carries every piece of evidence with its link") {
  UseCatalog use(hubspot_like());
  auto out = tierscope::list_scopes("disputed.pro");
  REQUIRE(out.ok);
  json list = json::parse(out.json);
  REQUIRE(list.size() == 1);
  const json& e = list[0];
  CHECK(e["requires_any_source"] == json::array({json::array({cond("any", "professional")})}));
  REQUIRE(e["evidence"].size() == 3);
  CHECK(e["evidence"][0] == evidence("Docs table", "docs-table", json::array({json::array({cond("marketing", "professional")})})));
  CHECK(e["evidence"][2]["decides"] == false);
  CHECK_FALSE(e.contains("source"));
  json agree = json::parse(tierscope::list_scopes("agree.pro").json)[0];
  CHECK(agree["requires_any_source"] == agree["requires"]);
}

TEST_CASE("a profile no deciding source speaks of: undocumented-availability, not sources-disagree") {
  UseCatalog use(hubspot_like());
  json r = check_ok("silent.old", R"({"account": {"hubs": {"smart_crm": "starter"}}})");
  CHECK(status(r, "smart_crm-starter") == "uncertain");  // the verdict stays: never a confident one
  CHECK(profile(r, "smart_crm-starter")["disputed"] == json::array({"silent.old"}));
  CHECK(status(r, "content-enterprise") == "installs");
  CHECK(status(r, "free") == "permission-error");
  CHECK(r["account"]["status"] == "uncertain");
  CHECK_FALSE(find_diag(r, "sources-disagree", "silent.old"));  // one statement: nothing disagrees
  const json* u = find_diag(r, "undocumented-availability", "silent.old");
  REQUIRE(u);
  std::string msg = (*u)["message"];
  CHECK(msg.find("smart_crm Hub starter, smart_crm Hub professional, smart_crm Hub enterprise, Custom account:") != std::string::npos);
  CHECK(msg.find("Old table (docs-table, 2026-01-01): content Hub enterprise") != std::string::npos);
  CHECK((*u)["suggestion"] == json({{"action", "make-optional"}, {"scopes", {"silent.old"}}}));
  // Where one source grants and another does not, the warning stays sources-disagree.
  json d = check_ok("disputed.pro", R"({"account": {"hubs": {"smart_crm": "professional"}}})");
  CHECK(find_diag(d, "sources-disagree", "disputed.pro"));
  CHECK_FALSE(find_diag(d, "undocumented-availability", "disputed.pro"));
}
