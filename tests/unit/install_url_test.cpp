#include "helpers.hpp"

namespace {
const char* kConfig = R"({"name": "Demo", "auth": {"redirectUrls": ["https://x.example/cb"],
  "requiredScopes": ["oauth", "crm.objects.contacts.read"], "optionalScopes": ["automation"],
  "conditionallyRequiredScopes": ["tickets", "social"]}})";
const std::string kBase = "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https%3A%2F%2Fx.example%2Fcb";

json pair(const std::string& query, const std::string& config = kConfig) {
  auto out = tierscope::check_pair(config, kBase + query, "");
  INFO(out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}
std::vector<int> rules(const json& r) { return r["url_check"]["rules_failed"].get<std::vector<int>>(); }
}  // namespace

TEST_CASE("a URL that matches its config passes and is evaluated with the config's kinds") {
  json r = pair("&scope=oauth%20crm.objects.contacts.read%20social&optional_scope=automation");
  CHECK(r["url_check"]["ok"] == true);
  CHECK(rules(r).empty());
  CHECK_FALSE(has_code(r, "url-config-mismatch"));
  CHECK(r["request"]["conditional"] == json::array({"social"}));
  CHECK(r["input"]["app_name"] == "Demo");
  CHECK(status(r, "free") == "permission-error");  // social is conditional and requested here
  CHECK(status(r, "marketing-professional") == "installs");
  CHECK(r["url_check"]["fixed_url"] == kBase + "&scope=oauth%20crm.objects.contacts.read%20social&optional_scope=automation");
}

TEST_CASE("rule 1 alone: insufficient-scopes for every account") {
  json r = pair("&scope=oauth&optional_scope=automation");
  CHECK(rules(r) == std::vector<int>{1});
  for (const auto& p : r["profiles"]) CHECK(p["status"] == "insufficient-scopes");
  CHECK(combos(r) == 0u);
  const json& d = diag(r, "url-config-mismatch");
  CHECK(d["message"].get<std::string>().rfind("Rule 1:", 0) == 0);
  CHECK(d["suggestion"]["action"] == "add-to-scope");
  CHECK(d["suggestion"]["scopes"] == json::array({"crm.objects.contacts.read"}));
}

TEST_CASE("rules 2 to 7 each give url-mismatch and name the rule") {
  struct Case { std::string query; int rule; std::string scope; };
  for (const auto& c : std::vector<Case>{
           {"&scope=oauth%20crm.objects.contacts.read%20files", 2, "files"},
           {"&scope=oauth%20crm.objects.contacts.read&optional_scope=automation%20files", 3, "files"},
           {"&scope=oauth%20crm.objects.contacts.read&optional_scope=tickets", 4, "tickets"},
           {"&scope=oauth%20crm.objects.contacts.read%20automation", 5, "automation"},
           {"&scope=crm.objects.contacts.read", 6, "oauth"},
           {"&scope=oauth,crm.objects.contacts.read", 7, ""}}) {
    CAPTURE(c.query);
    json r = pair(c.query);
    auto failed = rules(r);
    CHECK(std::find(failed.begin(), failed.end(), c.rule) != failed.end());
    CHECK(r["url_check"]["ok"] == false);
    bool named = false;
    for (const auto& d : r["diagnostics"])
      if (d["code"] == "url-config-mismatch" && d["message"].get<std::string>().rfind("Rule " + std::to_string(c.rule) + ":", 0) == 0) {
        named = true;
        if (!c.scope.empty()) CHECK(d["suggestion"]["scopes"] == json::array({c.scope}));
      }
    CHECK(named);
    std::string expected = c.rule == 7 ? "invalid-scope" : "url-mismatch";  // commas: HubSpot reads one invalid name
    CHECK(status(r, "marketing-enterprise") == expected);
  }
}

TEST_CASE("the fixed URL is what the config says, and it passes the check") {
  json bad = pair("&scope=automation&optional_scope=tickets");
  std::string fixed = bad["url_check"]["fixed_url"];
  CHECK(fixed == kBase + "&scope=oauth%20crm.objects.contacts.read%20tickets&optional_scope=automation");
  auto again = tierscope::check_pair(kConfig, fixed, "");
  REQUIRE(again.ok);
  CHECK(json::parse(again.json)["url_check"]["ok"] == true);
}

TEST_CASE("check_pair names the input in errors and refuses the wrong kinds") {
  auto bad_json = tierscope::check_pair("{", kBase + "&scope=oauth", "");
  CHECK(bad_json.error.rfind("the app config: ", 0) == 0);
  auto bad_url = tierscope::check_pair(kConfig, "https://app.hubspot.com/oauth/authorize?client_id=1", "");
  CHECK(bad_url.error.rfind("the install URL: ", 0) == 0);
  auto swapped = tierscope::check_pair("oauth tickets", kBase + "&scope=oauth", "");
  CHECK(swapped.error.find("must be an app config") != std::string::npos);
  auto priv = tierscope::check_pair(R"({"scopes": ["oauth"]})", kBase + "&scope=oauth", "");
  CHECK(priv.error.find("private app") != std::string::npos);
}

TEST_CASE("check_pair names its input config+url, and its Markdown says so, with the URL check and the custom account") {
  const std::string account = R"({"account": {"hubs": {"marketing": "professional", "sales": "starter"}}})";
  auto bad = tierscope::check_pair(kConfig, kBase + "&scope=oauth%20crm.objects.contacts.read%20automation", account);
  REQUIRE(bad.ok);
  json r = json::parse(bad.json);
  CHECK(r["input"]["format"] == "config+url");
  CHECK(r["input"]["host"] == "app.hubspot.com");
  // The URL alone is still an install-url.
  CHECK(check_ok(kBase + "&scope=oauth")["input"]["format"] == "install-url");
  auto md = tierscope::render_markdown(bad.json);
  REQUIRE(md.ok);
  const std::string& m = md.json;
  CAPTURE(m);
  CHECK(m.find("\n- Input: app config + install URL (the scopes below are the URL's)\n") != std::string::npos);
  CHECK(m.find("install-url") == std::string::npos);
  CHECK(m.find("\n**Install URL check**: the install URL breaks rule 5 (see the diagnostics); HubSpot refuses it on every account.\n") !=
        std::string::npos);
  CHECK(m.find("**Corrected install URL**\n\n```\n" + r["url_check"]["fixed_url"].get<std::string>() + "\n```") != std::string::npos);
  // The custom account names every hub at its tier (the report's own account object; Markdown escapes "_").
  std::string hubs;
  const auto in_order = nlohmann::ordered_json::parse(bad.json);
  for (const auto& item : in_order["account"]["account"]["hubs"].items()) {
    std::string hub;
    for (char c : item.key()) hub += c == '_' ? std::string("\\_") : std::string(1, c);
    hubs += (hubs.empty() ? "" : ", ") + hub + " " + item.value().get<std::string>();
  }
  CHECK(m.find("\n**Your custom account** (" + hubs + "): ⛔ URL mismatch · missing") != std::string::npos);
  CHECK(hubs.find("marketing professional, sales starter") != std::string::npos);
  // A URL that matches: the check says so, no corrected URL.
  auto good = tierscope::check_pair(kConfig, kBase + "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation", "");
  REQUIRE(good.ok);
  const std::string ok = tierscope::render_markdown(good.json).json;
  CHECK(ok.find("\n**Install URL check**: the install URL matches the app config.\n") != std::string::npos);
  CHECK(ok.find("Corrected install URL") == std::string::npos);
  CHECK(ok.find("Your custom account") == std::string::npos);
}

TEST_CASE("install URL builder: base plus one per conditional scope, encoded, EU and pinned") {
  auto out = tierscope::build_urls(kConfig, R"({"clientId": "abc 1", "eu": true, "accountId": "42"})");
  REQUIRE(out.ok);
  json b = json::parse(out.json);
  REQUIRE(b["urls"].size() == 4);
  CHECK(b["urls"][0]["label"] == "base");
  CHECK(b["urls"][0]["url"] ==
        "https://app-eu1.hubspot.com/oauth/42/authorize?client_id=abc%201&redirect_uri=https%3A%2F%2Fx.example%2Fcb"
        "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation");
  CHECK(b["urls"][0]["installs_profiles"] == tierscope::Catalog::builtin()->model->profiles.size());
  CHECK(b["urls"][1]["label"] == "with tickets");
  CHECK(b["urls"][2]["label"] == "with social");
  CHECK(b["urls"][2]["combinations"] == tierscope::Catalog::builtin()->model->configurations() / 2);  // social: marketing professional or higher
  CHECK(b["urls"][3]["scopes"] == json::array({"oauth", "crm.objects.contacts.read", "tickets", "social"}));
  // Every built URL passes the consistency check against its own config.
  for (const auto& u : b["urls"]) {
    auto c = tierscope::check_pair(kConfig, u["url"].get<std::string>(), "");
    REQUIRE(c.ok);
    CHECK(json::parse(c.json)["url_check"]["ok"] == true);
  }
  json plain = json::parse(tierscope::build_urls(R"({"auth": {"requiredScopes": ["tickets"]}})", "").json);
  CHECK(plain["urls"][0]["url"] ==
        "https://app.hubspot.com/oauth/authorize?client_id=YOUR_CLIENT_ID&redirect_uri=YOUR_REDIRECT_URI&scope=oauth%20tickets");
  CHECK(plain["diagnostics"][0]["code"] == "url-placeholder");
  CHECK_FALSE(tierscope::build_urls("oauth tickets", "").ok);
  CHECK_FALSE(tierscope::build_urls(kConfig, R"({"accountId": "12a"})").ok);
}

TEST_CASE("migration preview: OAuth 1 list, replacements, who fails at re-auth, what to make optional") {
  auto out = tierscope::migrate("contacts content reports social automation");
  REQUIRE(out.ok);
  json m = json::parse(out.json);
  CHECK(m["scopes"][0]["scope"] == "contacts");
  CHECK(m["scopes"][0]["status"] == "retired");
  CHECK(m["scopes"][0]["replaced_by"].size() == 6);
  CHECK(m["scopes"][2]["status"] == "deprecated");
  auto req = m["migrated"]["required"].get<std::vector<std::string>>();
  CHECK(std::find(req.begin(), req.end(), "contacts") == req.end());
  CHECK(std::find(req.begin(), req.end(), "crm.objects.deals.write") != req.end());
  CHECK(std::find(req.begin(), req.end(), "oauth") != req.end());
  for (const auto& p : m["profiles"]) CHECK(p["oauth1"] == "approved");
  CHECK(m["profiles"][0]["id"] == "free");
  CHECK(m["profiles"][0]["oauth2"] == "permission-error");
  CHECK(m["profiles"][0]["missing"] == json::array({"automation", "social"}));  // content: sources disagree on free
  CHECK(m["coverage"]["oauth1"]["profiles"] == tierscope::Catalog::builtin()->model->profiles.size());
  CHECK(m["coverage"]["oauth1"]["combinations"] == tierscope::Catalog::builtin()->model->configurations());
  CHECK(m["coverage"]["oauth2"]["profiles"] == 0);
  CHECK(m["recommendation"]["optional"] == json::array({"automation", "content", "reports", "social"}));
  CHECK(m["recommendation"]["coverage"]["profiles"] == tierscope::Catalog::builtin()->model->profiles.size());
  json typo = json::parse(tierscope::migrate("tickts").json);
  CHECK(typo["scopes"][0]["status"] == "unknown");
  CHECK(typo["scopes"][0]["replaced_by"] == json::array({"tickets"}));  // a confident fix only
  json unsure = json::parse(tierscope::migrate("crm.objects.contcts.read").json);
  CHECK(unsure["scopes"][0]["replaced_by"].empty());  // a spelling guess stays in the note
  CHECK(unsure["scopes"][0]["note"].get<std::string>().find("did you mean crm.objects.contacts.read?") != std::string::npos);
}

TEST_CASE("diff: added, removed, changed kinds, re-authorization and changed profiles") {
  auto out = tierscope::diff(R"({"auth": {"requiredScopes": ["oauth", "tickets", "social"], "optionalScopes": ["files"]}})",
                             R"({"auth": {"requiredScopes": ["oauth", "tickets", "automation"], "optionalScopes": ["social"]}})", "");
  REQUIRE(out.ok);
  json d = json::parse(out.json);
  CHECK(d["added"]["required"] == json::array({"automation"}));
  CHECK(d["removed"]["optional"] == json::array({"files"}));
  CHECK(d["changed_kind"] == json::array({{{"scope", "social"}, {"from", "required"}, {"to", "optional"}}}));
  CHECK(d["reauthorize"] == true);
  CHECK(d["reauthorize_note"].get<std::string>().find("App Marketplace Access") != std::string::npos);
  // social -> automation: where the docs table and the API spec disagree on automation (another hub at
  // professional or higher), a permission error becomes uncertain. On Smart CRM the 2023 table (social's only
  // source) says nothing, so social was uncertain there; automation's 2026 spec alone speaks of Smart CRM.
  REQUIRE(d["profiles"].size() == 13);
  for (const auto& p : d["profiles"]) {
    const std::string id = p["id"];
    CAPTURE(id);
    if (id.rfind("smart_crm-", 0) == 0) {
      CHECK(p["before"] == "uncertain");
      CHECK(p["after"] == (id == "smart_crm-starter" ? "permission-error" : "installs"));
      continue;
    }
    CHECK(p["before"] == "permission-error");
    CHECK(p["after"] == "uncertain");
  }
  json removed_only = json::parse(tierscope::diff("oauth tickets automation", "oauth tickets", "").json);
  CHECK(removed_only["reauthorize"] == false);
  CHECK(removed_only["removed"]["required"] == json::array({"automation"}));
  // all but marketing and Smart CRM professional and enterprise
  REQUIRE(removed_only["profiles"].size() == check_ok("oauth")["profiles"].size() - 4);
  CHECK(removed_only["profiles"][0]["before"] == "permission-error");
  CHECK(removed_only["profiles"][0]["after"] == "installs");
  CHECK(removed_only["coverage"]["after"]["combinations"] == tierscope::Catalog::builtin()->model->configurations());
  auto bad = tierscope::diff("oauth", "{", "");
  CHECK(bad.error.rfind("after: ", 0) == 0);
}

TEST_CASE("each rule's message names HubSpot's outcome once, and rule 6 replaces missing-oauth") {
  json r1 = pair("&scope=oauth&optional_scope=automation");
  std::string m1 = diag(r1, "url-config-mismatch")["message"];
  CHECK(m1.find("provided scopes are insufficient") == m1.rfind("provided scopes are insufficient"));
  json r6 = pair("&scope=crm.objects.contacts.read");
  CHECK_FALSE(has_code(r6, "missing-oauth"));
  json r7 = pair("&scope=oauth,crm.objects.contacts.read");
  std::string m7;
  for (const auto& d : r7["diagnostics"])
    if (d["code"] == "url-config-mismatch" && d["message"].get<std::string>().rfind("Rule 7", 0) == 0) m7 = d["message"];
  CHECK(m7.find("invalid scope name") != std::string::npos);
  CHECK(m7.find("mismatch between") == std::string::npos);
  json b = json::parse(tierscope::build_urls(kConfig, "").json);
  CHECK(b["redirect_uri"] == "https://x.example/cb");
  CHECK(b["diagnostics"][0]["message"] == "Replace YOUR_CLIENT_ID with your app's value.");
}
