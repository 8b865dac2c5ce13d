#include <doctest/doctest.h>

#include <stdexcept>

#include "helpers.hpp"

using namespace tierscope;

namespace {
const std::vector<std::string> kTiers = {"free", "starter", "professional", "enterprise"};
const std::vector<std::string> kHubs = {"marketing", "sales", "service", "content", "data", "commerce", "smart_crm"};
const std::vector<std::string> kFeatures = {"website_addon", "transactional_email_addon", "business_units_addon", "sensitive_data"};
json hubspot_like(const json& scopes) { return small_catalog(kTiers, kHubs, kFeatures, scopes); }
std::string catalog_with(const json& scope) { return hubspot_like(json::array({scope})).dump(); }
std::string load_error(const std::string& text) {
  try {
    Catalog::from_json(text);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("the built-in catalog is the project's copy") {
  auto c = Catalog::builtin();
  json file = json::parse(read_text(TIERSCOPE_CATALOG_PATH));
  CHECK(file["format"] == 2);
  CHECK(c->as_of == file["as_of"]);
  CHECK(c->scopes.size() == file["scopes"].size());
  CHECK(c->model->profiles.size() == file["profiles"].size());
  REQUIRE(c->find("oauth"));
  CHECK(c->find("oauth")->requirement == Requirement::Any);
  REQUIRE(c->find("contacts"));
  CHECK(c->find("contacts")->retired());
  CHECK(c->find("contacts")->replaced_by.size() == 6);
  REQUIRE(c->find("automation"));
  const Scope* automation = c->find("automation");
  CHECK(automation->confidence == "docs-table");
  CHECK(automation->details().evidence.size() >= 2);  // the docs table and the API spec
  for (const auto& e : automation->details().evidence) CHECK(e.url.rfind("https://", 0) == 0);
  REQUIRE(c->alias_target("settings.users.team.write"));
  CHECK(*c->alias_target("settings.users.team.write") == "settings.users.teams.write");
  CHECK(!c->alias_target("oauth"));
  json info = json::parse(catalog_info());
  CHECK(info["scopes"] == file["scopes"].size());
  CHECK(info["configurations"] == 196608);  // 4^6 x 3 (no Revenue Hub Starter) x 2^4
  CHECK(info["hubs"].size() == 7);
  CHECK(info["hubs"][6]["id"] == "smart_crm");
  CHECK(info["profiles"].size() == 21);
  CHECK(info["profiles"][20]["id"] == "smart_crm-enterprise");
  CHECK(info["profiles"][20]["hub"] == "smart_crm");
  CHECK(info["profiles"][0]["hub"].is_null());
  CHECK(info["profiles"][0]["tier"] == "free");
}

TEST_CASE("the built-in catalog (the compiled-in table) holds what the full data file says") {
  auto built_in = Catalog::builtin();
  auto from_file = Catalog::from_json(read_text(TIERSCOPE_CATALOG_PATH));
  CHECK(built_in->as_of == from_file->as_of);
  const Model& a = *built_in->model;
  const Model& b = *from_file->model;
  auto same_named = [](const std::vector<Named>& x, const std::vector<Named>& y) {
    REQUIRE(x.size() == y.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
      CAPTURE(y[i].id);
      CHECK(x[i].id == y[i].id);
      CHECK(x[i].name == y[i].name);
      CHECK(x[i].aliases == y[i].aliases);
      CHECK(x[i].hs_key == y[i].hs_key);
      CHECK(x[i].hs_levels == y[i].hs_levels);
      CHECK(x[i].sold == y[i].sold);
    }
  };
  same_named(a.tiers, b.tiers);
  same_named(a.hubs, b.hubs);
  same_named(a.features, b.features);
  CHECK(a.configurations() == b.configurations());
  REQUIRE(a.profiles.size() == b.profiles.size());
  for (std::size_t i = 0; i < a.profiles.size(); ++i) {
    CAPTURE(b.profiles[i].id);
    CHECK(a.profiles[i].id == b.profiles[i].id);
    CHECK(a.profiles[i].name == b.profiles[i].name);
    CHECK(a.profiles[i].hub == b.profiles[i].hub);
    CHECK(a.profiles[i].tier == b.profiles[i].tier);
    CHECK(a.profiles[i].config == b.profiles[i].config);
  }
  // The profiles' names as the generator wrote them (generate.py's profile_name), read, never derived.
  json file = json::parse(read_text(TIERSCOPE_CATALOG_PATH));
  for (std::size_t i = 0; i < a.profiles.size(); ++i) CHECK(a.profiles[i].name == file["profiles"][i]["name"]);
  CHECK(a.profiles.back().name == a.hubs.back().name + " " + a.tiers.back().name);
  json nameless = hubspot_like(json::array({{{"name", "oauth"}, {"requires", "any"}, {"confidence", "docs-table"}}}));
  nameless["profiles"][1].erase("name");
  CHECK(Catalog::from_json(nameless.dump())->model->profiles[1].name == nameless["profiles"][1]["id"]);
  REQUIRE(built_in->scopes.size() == from_file->scopes.size());
  for (std::size_t i = 0; i < built_in->scopes.size(); ++i) {
    const Scope& x = built_in->scopes[i];
    const Scope& y = from_file->scopes[i];
    CAPTURE(y.name);
    CHECK(x.name == y.name);
    CHECK(x.area == y.area);
    CHECK(x.tier_text == y.tier_text);
    CHECK(x.confidence == y.confidence);
    CHECK(x.retired_on == y.retired_on);
    CHECK(x.requirement == y.requirement);
    CHECK(x.sensitive == y.sensitive);
    CHECK(x.deprecated == y.deprecated);
    CHECK(x.replaced_by == y.replaced_by);
    CHECK(x.requires_json.dump() == y.requires_json.dump());  // the same text, key order included
    CHECK(x.requires_any_source_json.dump() == y.requires_any_source_json.dump());
    CHECK(built_in->requirements.grant(x.strict_id).alternatives.size() ==
          from_file->requirements.grant(y.strict_id).alternatives.size());
    CHECK(built_in->find(y.name) == &x);
  }
  CHECK(built_in->requirements.size() == from_file->requirements.size());
  CHECK(built_in->aliases == from_file->aliases);
  CHECK(built_in->read_only_suffix == from_file->read_only_suffix);
  CHECK(built_in->read_scope_suffix == from_file->read_scope_suffix);
}

TEST_CASE("a damaged compiled-in table fails with a message, never reads past its end") {
  CHECK_THROWS_WITH_AS(Catalog::from_blob(""), "catalog: the compiled-in table is damaged", std::runtime_error);
  CHECK_THROWS_AS(Catalog::from_blob(std::string_view("\0\x7f", 2)), std::runtime_error);
  CHECK_THROWS_AS(Catalog::from_blob(std::string_view("\xff\xff\xff\xff\xff\xff", 6)), std::runtime_error);
}

// A scope's notes and evidence read from the compiled-in table equal the full file's, field by field.
static void check_same_details(const ScopeDetails& a, const ScopeDetails& b) {
  CHECK(a.notes == b.notes);
  REQUIRE(a.evidence.size() == b.evidence.size());
  for (std::size_t k = 0; k < a.evidence.size(); ++k) {
    const Evidence& x = a.evidence[k];
    const Evidence& y = b.evidence[k];
    CHECK(x.source == y.source);
    CHECK(x.kind == y.kind);
    CHECK(x.as_of == y.as_of);
    CHECK(x.url == y.url);
    CHECK(x.note == y.note);
    CHECK(x.decides == y.decides);
    CHECK(x.requires_json == y.requires_json);
    CHECK(x.grant.kind == y.grant.kind);
    REQUIRE(x.grant.alternatives.size() == y.grant.alternatives.size());
    for (std::size_t g = 0; g < x.grant.alternatives.size(); ++g) {
      REQUIRE(x.grant.alternatives[g].size() == y.grant.alternatives[g].size());
      for (std::size_t c = 0; c < x.grant.alternatives[g].size(); ++c) {
        const Condition& p = x.grant.alternatives[g][c];
        const Condition& q = y.grant.alternatives[g][c];
        CHECK((p.hub == q.hub && p.min_tier == q.min_tier && p.feature == q.feature));
      }
    }
  }
}

TEST_CASE("the built-in catalog reads the scopes' notes and evidence on first use, the same as the full file has them") {
  auto built_in = Catalog::builtin();
  auto from_file = Catalog::from_json(read_text(TIERSCOPE_CATALOG_PATH));  // read at once, from the entries
  REQUIRE(built_in->scopes.size() == from_file->scopes.size());
  std::size_t evidence = 0, notes = 0;
  for (std::size_t i = 0; i < from_file->scopes.size(); ++i) {
    const ScopeDetails& a = built_in->scopes[i].details();
    const ScopeDetails& b = from_file->scopes[i].details();
    CAPTURE(from_file->scopes[i].name);
    CHECK(&a == &built_in->scopes[i].details());  // read once, then kept
    check_same_details(a, b);
    evidence += a.evidence.size();
    notes += a.notes.size();
  }
  CHECK(evidence > 250);  // the comparison covered real data (301 evidence entries today)
  CHECK(notes > 50);
  // The whole listing (every scope with its notes and evidence) is the same text either way.
  std::string listed = list_scopes("").json;
  set_current_catalog(from_file);
  CHECK(list_scopes("").json == listed);
  set_current_catalog(built_in);
}

namespace tierscope::detail {
extern const unsigned char kCatalogBlob[];
extern const std::size_t kCatalogBlobSize;
}  // namespace tierscope::detail

TEST_CASE("the compiled-in table reads each scope's details on its own first use, in any order") {
  // A catalog of its own (not the shared built-in one, which other tests have read already): the
  // scopes' details are read last one first, so every string a scope names by number comes from the
  // scopes before it, which have not been read into objects yet.
  auto fresh = Catalog::from_blob(std::string_view(reinterpret_cast<const char*>(detail::kCatalogBlob), detail::kCatalogBlobSize));
  auto from_file = Catalog::from_json(read_text(TIERSCOPE_CATALOG_PATH));
  REQUIRE(fresh->scopes.size() == from_file->scopes.size());
  std::size_t evidence = 0;
  for (std::size_t i = fresh->scopes.size(); i--;) {
    const ScopeDetails& a = fresh->scopes[i].details();
    const ScopeDetails& b = from_file->scopes[i].details();
    CAPTURE(from_file->scopes[i].name);
    check_same_details(a, b);
    evidence += a.evidence.size();
  }
  CHECK(evidence > 250);
}

TEST_CASE("catalog validation names what is wrong and where") {
  json ok = {{"name", "x.read"}, {"requires", json::array({json::array({{{"hub", "sales"}, {"min_tier", "starter"}}})})},
             {"confidence", "docs-table"}};
  CHECK(load_error(catalog_with(ok)) == "");
  json bad_hub = ok;
  bad_hub["requires"][0][0]["hub"] = "ops";
  CHECK(load_error(catalog_with(bad_hub)).find("unknown hub \"ops\"") != std::string::npos);
  CHECK(load_error(catalog_with(bad_hub)).find("scopes[0] (x.read)") != std::string::npos);
  json bad_tier = ok;
  bad_tier["requires"][0][0]["min_tier"] = "gold";
  CHECK(load_error(catalog_with(bad_tier)).find("unknown tier \"gold\"") != std::string::npos);
  json bad_feature = ok;
  bad_feature["requires"] = json::array({json::array({{{"feature", "jetpack"}}})});
  CHECK(load_error(catalog_with(bad_feature)).find("unknown feature \"jetpack\"") != std::string::npos);
  json bad_conf = ok;
  bad_conf["confidence"] = "rumour";
  CHECK(load_error(catalog_with(bad_conf)).find("unknown confidence") != std::string::npos);
  json bad_req = ok;
  bad_req["requires"] = "everyone";
  CHECK(load_error(catalog_with(bad_req)).find("requires: must be \"any\", null or a list of alternatives") != std::string::npos);
  CHECK(load_error(json({{"as_of", "x"}, {"scopes", json::array()}}).dump()).find("catalog: format: this tierscope reads catalog format 2") == 0);
  json bad_model = hubspot_like(json::array());
  bad_model["tiers"] = json::array({{{"id", "only"}}});
  CHECK(load_error(bad_model.dump()).find("between 2 and 8 tiers") != std::string::npos);
  json bad_profile = hubspot_like(json::array());
  bad_profile["profiles"][1]["hubs"] = {{"ops", "starter"}};
  CHECK(load_error(bad_profile.dump()).find("profiles[1] (marketing-starter): unknown hub \"ops\"") != std::string::npos);
  json bad_evidence = ok;
  bad_evidence["evidence"] = json::array({{{"source", "x"}, {"kind", "rumour"}, {"decides", true}}});
  CHECK(load_error(catalog_with(bad_evidence)).find("evidence[0]: unknown kind \"rumour\"") != std::string::npos);
  json bad_any = ok;
  bad_any["requires_any_source"] = json::array({json::array({{{"hub", "sales"}, {"min_tier", "platinum"}}})});
  CHECK(load_error(catalog_with(bad_any)).find("requires_any_source[0][0]: unknown tier \"platinum\"") != std::string::npos);
  CHECK(load_error("[1,2").find("catalog: invalid JSON at line 1") == 0);
  json dup = hubspot_like(json::array({ok, ok}));
  CHECK(load_error(dup.dump()).find("duplicate name") != std::string::npos);
}

TEST_CASE("load_catalog replaces the catalog and a bad one keeps the old") {
  auto bad = load_catalog("{\"as_of\": 3}");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error_code == "parse-error");
  std::size_t builtin_scopes = Catalog::builtin()->scopes.size();
  CHECK(json::parse(catalog_info())["scopes"] == builtin_scopes);
  json tiny = hubspot_like(json::array({{{"name", "oauth"}, {"requires", "any"}, {"confidence", "docs-table"}},
                                       {{"name", "x.read"}, {"requires", json::array({json::array({{{"feature", "sensitive_data"}}})})},
                                        {"confidence", "docs-table"}}}));
  auto good = load_catalog(tiny.dump());
  REQUIRE(good.ok);
  auto report = json::parse(check_text("x.read", "").json);
  CHECK(report["catalog"]["as_of"] == "2030-01-01");
  CHECK(report["coverage"]["combinations"]["installs"] == 131072);  // half of 262,144
  set_current_catalog(Catalog::builtin());
  CHECK(json::parse(catalog_info())["scopes"] == builtin_scopes);
}

TEST_CASE("a hub's tiers: the tiers HubSpot sells of it, and a profile at another tier is refused") {
  json doc = hubspot_like(json::array({{{"name", "oauth"}, {"requires", "any"}, {"confidence", "docs-table"}}}));
  doc["hubs"][5]["tiers"] = json::array({"free", "professional", "enterprise"});
  std::string error = load_error(doc.dump());
  CHECK(error.find("commerce-starter") != std::string::npos);
  CHECK(error.find("HubSpot sells no starter tier of commerce") != std::string::npos);
  json profiles = json::array();
  for (const auto& p : doc["profiles"])
    if (p["id"] != "commerce-starter") profiles.push_back(p);
  doc["profiles"] = profiles;
  auto c = Catalog::from_json(doc.dump());
  CHECK(c->model->configurations() == 196608u);
  CHECK_FALSE(c->model->sells(5, 1));
  doc["hubs"][5]["tiers"] = json::array({"professional", "enterprise"});
  CHECK(load_error(doc.dump()).find("must have the lowest tier (free)") != std::string::npos);
  doc["hubs"][5]["tiers"] = "free";
  CHECK(load_error(doc.dump()).find("\"tiers\" must be an array of tier ids") != std::string::npos);
}
