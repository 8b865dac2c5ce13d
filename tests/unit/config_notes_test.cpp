// App configs that say more than HubSpot reads (conflicting-keys) and apps that install into one account
// (single-account-app).
#include "helpers.hpp"

namespace {
std::vector<std::string> req(const json& r, const char* kind) { return r["request"][kind].get<std::vector<std::string>>(); }

std::vector<std::string> messages(const json& r, const std::string& code) {
  std::vector<std::string> out;
  for (const auto& d : r["diagnostics"])
    if (d["code"] == code) {
      CHECK(d["severity"] == (code == "conflicting-keys" ? "warning" : "info"));
      CHECK(d["scope"].is_null());
      CHECK(d["suggestion"].is_null());
      out.push_back(d["message"]);
    }
  return out;
}

bool has(const std::vector<std::string>& msgs, const std::string& text) {
  for (const auto& m : msgs)
    if (m.find(text) != std::string::npos) return true;
  return false;
}
}  // namespace

TEST_CASE("conflicting-keys: scopes and requiredScopes in a private app.json") {
  json r = check_ok(R"({"name": "P", "scopes": ["crm.objects.contacts.read", "tickets"], "requiredScopes": ["tickets", "automation"]})");
  CHECK(r["input"]["format"] == "private-app");
  CHECK(req(r, "required") == std::vector<std::string>{"crm.objects.contacts.read", "tickets"});  // scopes is read
  auto m = messages(r, "conflicting-keys");
  REQUIRE(m.size() == 1);
  CHECK(has(m, "both scopes and requiredScopes: tierscope read scopes"));
  CHECK(has(m, "ignored requiredScopes"));
  CHECK(has(m, "ignored requiredScopes (scopes only there are not evaluated)"));
}

TEST_CASE("conflicting-keys: auth.scopes next to auth.requiredScopes, top-level scopes next to auth") {
  json r = check_ok(R"({"name": "Pub", "scopes": ["oauth"],
      "auth": {"requiredScopes": ["oauth", "tickets"], "scopes": "oauth tickets", "optionalScopes": []}})");
  CHECK(r["input"]["format"] == "public-app");
  CHECK(req(r, "required") == std::vector<std::string>{"oauth", "tickets"});
  auto m = messages(r, "conflicting-keys");
  REQUIRE(m.size() == 2);
  CHECK(has(m, "both auth.requiredScopes and auth.scopes: tierscope read auth.requiredScopes"));
  CHECK(has(m, "both auth.requiredScopes and scopes"));
  // Nothing to say about a clean config, or about a null key.
  CHECK(messages(check_ok(R"({"auth": {"requiredScopes": ["oauth"], "scopes": null}})"), "conflicting-keys").empty());
}

TEST_CASE("conflicting-keys: both config.auth and auth — config.auth.scopes") {
  json r = check_ok(R"({"uid": "a", "type": "app", "config": {"name": "Both",
      "auth": {"type": "oauth", "requiredScopes": ["oauth", "crm.objects.deals.read"], "scopes": ["oauth", "automation"]}},
      "auth": {"requiredScopes": ["oauth", "automation"]}})");
  CHECK(r["input"]["format"] == "app-hsmeta");
  CHECK(req(r, "required") == std::vector<std::string>{"crm.objects.deals.read", "oauth"});
  auto m = messages(r, "conflicting-keys");
  REQUIRE(m.size() == 2);
  CHECK(has(m, "both config.auth and auth: tierscope read config.auth and ignored auth "));
  CHECK(has(m, "both config.auth.requiredScopes and config.auth.scopes"));
}

TEST_CASE("single-account-app: private app.json and static auth say they install into one account") {
  json priv = check_ok(R"({"name": "Mine", "scopes": ["crm.objects.contacts.read"]})");
  auto m = messages(priv, "single-account-app");
  REQUIRE(m.size() == 1);
  CHECK(has(m, "installed in one HubSpot account only"));
  CHECK(has(m, "which accounts it could be installed in"));
  json stat = check_ok(R"({"config": {"auth": {"type": "static", "requiredScopes": ["oauth", "tickets"]}}})");
  CHECK(messages(stat, "single-account-app").size() == 1);
  CHECK(has(messages(stat, "single-account-app"), "static-auth"));
  // OAuth apps (any file) and plain lists do not get it.
  CHECK(messages(check_ok(R"({"config": {"auth": {"type": "oauth", "requiredScopes": ["oauth"]}}})"), "single-account-app").empty());
  CHECK(messages(check_ok(R"({"auth": {"requiredScopes": ["oauth"]}})"), "single-account-app").empty());
  CHECK(messages(check_ok("oauth tickets"), "single-account-app").empty());
  // The tier matrix is still there: it says where such an app could go.
  CHECK(status(priv, "free") == "installs");
}
