#include <doctest/doctest.h>

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "catalog.hpp"
#include "tierscope/api.hpp"

using namespace tierscope;
using nlohmann::json;

namespace {
std::string catalog_with(const json& scope) {
  json doc = {{"as_of", "2030-01-01"}, {"scopes", json::array({scope})}};
  return doc.dump();
}
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
  CHECK(c->as_of == "2026-11-28");
  CHECK(c->scopes.size() == 287);
  REQUIRE(c->find("oauth"));
  CHECK(c->find("oauth")->requirement == Requirement::Any);
  REQUIRE(c->find("contacts"));
  CHECK(c->find("contacts")->retired());
  CHECK(c->find("contacts")->replaced_by.size() == 6);
  REQUIRE(c->find("automation"));
  CHECK(c->find("automation")->available.count() == 32768u);  // marketing >= professional
  CHECK(c->alias_target("settings.users.team.write").value() == "settings.users.teams.write");
  CHECK(!c->alias_target("oauth"));
  CHECK(json::parse(catalog_info())["scopes"] == 287);
}

TEST_CASE("catalog validation names what is wrong and where") {
  json ok = {{"name", "x.read"}, {"requires", json::array({json::array({{{"hub", "sales"}, {"min_tier", "starter"}}})})},
             {"confidence", "documented"}};
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
  CHECK(load_error(catalog_with(bad_req)).find("\"requires\"") != std::string::npos);
  CHECK(load_error("{\"as_of\": \"x\", \"hubs\": [{\"id\": \"ops\"}], \"scopes\": []}").find("unknown hub \"ops\"") !=
        std::string::npos);
  CHECK(load_error("[1,2").find("not valid JSON") != std::string::npos);
  json dup = {{"as_of", "x"}, {"scopes", json::array({ok, ok})}};
  CHECK(load_error(dup.dump()).find("duplicate name") != std::string::npos);
}

TEST_CASE("load_catalog replaces the catalog and a bad one keeps the old") {
  auto bad = load_catalog("{\"as_of\": 3}");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error_code == "parse-error");
  CHECK(json::parse(catalog_info())["scopes"] == 287);
  json tiny = {{"as_of", "2030-01-01"},
               {"scopes", json::array({{{"name", "oauth"}, {"requires", "any"}, {"confidence", "documented"}},
                                       {{"name", "x.read"}, {"requires", json::array({json::array({{{"feature", "sensitive_data"}}})})},
                                        {"confidence", "documented"}}})}};
  auto good = load_catalog(tiny.dump());
  REQUIRE(good.ok);
  auto report = json::parse(check_text("x.read", "").json);
  CHECK(report["catalog"]["as_of"] == "2030-01-01");
  CHECK(report["coverage"]["combinations"]["installs"] == 32768);
  set_current_catalog(Catalog::builtin());
  CHECK(json::parse(catalog_info())["scopes"] == 287);
}
