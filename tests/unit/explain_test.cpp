// explain: HubSpot's error texts and token info -> cause, scopes, fix (docs/report.md "explain").
#include "helpers.hpp"

namespace {
json explain_ok(const std::string& text, const std::string& config = "") {
  auto out = tierscope::explain(text, config, "");
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}
std::string sample(const std::string& name) { return read_text(std::string(TIERSCOPE_EXPLAIN_SAMPLES) + "/" + name); }
bool any_action(const json& r, const std::string& action, const std::string& scope) {
  for (const auto& f : r["fix"])
    if (f["action"] == action && (scope.empty() || std::find(f["scopes"].begin(), f["scopes"].end(), scope) != f["scopes"].end())) return true;
  return false;
}
}  // namespace

TEST_CASE("explain: every sample gives the cause, format, language and scopes of expect.json") {
  json expect = json::parse(sample("expect.json"));
  for (const auto& item : expect.items()) {
    const std::string file = item.key();  // (clang 14 captures no structured binding in CAPTURE's lambda)
    const json& want = item.value();
    CAPTURE(file);
    json r = explain_ok(sample(file));
    CHECK(r["cause"] == want["cause"]);
    CHECK(r["input"]["format"] == want["format"]);
    CHECK(r["input"]["language"] == want["language"]);
    CHECK(r["scopes"] == want["scopes"]);
    if (want.contains("match")) CHECK(r["match"] == want["match"]);
    CHECK(r["schema_version"] == 1);
  }
}

TEST_CASE("explain: the document's members, in the contract's order") {
  json r = explain_ok(sample("403.json"));
  std::vector<std::string> keys;
  for (const auto& [k, v] : r.items()) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  CHECK(keys == std::vector<std::string>{"cause", "diagnostics", "explanation", "fix", "input", "match", "schema_version", "scopes"});
  auto out = tierscope::explain(sample("403.json"), "", "");
  CHECK(out.json.find("\"schema_version\"") < out.json.find("\"input\""));
  CHECK(out.json.find("\"fix\"") < out.json.find("\"diagnostics\""));
}

TEST_CASE("explain: 403 any -> add the alternative most tiers have — all -> each, optional when it locks tiers out") {
  json any = explain_ok(sample("403.json"));  // leads.read (Sales Pro) or contacts.read (every account)
  CHECK(any_action(any, "add", "crm.objects.contacts.read"));
  CHECK_FALSE(any_action(any, "add", "crm.objects.leads.read"));
  CHECK_FALSE(any_action(any, "add-optional", "crm.objects.leads.read"));
  json all = explain_ok(sample("403-python.txt"));  // deals.read (every account) + custom.read (Enterprise)
  CHECK(any_action(all, "add", "crm.objects.deals.read"));
  CHECK(any_action(all, "add-optional", "crm.objects.custom.read"));
  CHECK(all["explanation"].get<std::string>().find("locks out") != std::string::npos);
}

TEST_CASE("explain: a retired name is said to be retired with its replacements, never added") {
  json r = explain_ok(sample("403-legacy.json"));
  std::string text = r["explanation"];
  CHECK(text.find("\"contacts\" is retired") != std::string::npos);
  CHECK(text.find("crm.objects.contacts.read") != std::string::npos);
  CHECK_FALSE(any_action(r, "add", "contacts"));
  CHECK_FALSE(any_action(r, "add-optional", "contacts"));
  CHECK(any_action(r, "replace", "contacts"));
}

TEST_CASE("explain: with a config the fix is applied and report is the check after it") {
  std::string config = sample("config.json");  // requires automation (Marketing Pro)
  json before = check_ok(config);
  json r = explain_ok(sample("install-2026.txt"), config);
  REQUIRE(r.contains("report"));
  CHECK(r["report"]["request"]["optional"].dump().find("automation") != std::string::npos);
  CHECK(r["report"]["request"]["required"].dump().find("automation") == std::string::npos);
  CHECK(r["report"]["coverage"]["profiles"]["installs"].get<int>() > before["coverage"]["profiles"]["installs"].get<int>());
  // The older wording names no scope: the config's required scopes that lock tiers out are named.
  json older = explain_ok(sample("install-older.txt"), config);
  CHECK(older["scopes"] == json::array({"automation"}));
  CHECK(any_action(older, "make-optional", "automation"));
  // A 403 naming a scope the config lacks: it is added to the config.
  json added = explain_ok(sample("hs-objects.txt"), config);
  CHECK(added["report"]["request"]["required"].dump().find("crm.objects.deals.read") != std::string::npos);
}

TEST_CASE("explain: token info with a config -> grant drift") {
  std::string config = sample("config.json");
  json r = explain_ok(sample("token-access.json"), config);  // granted oauth + contacts.read only
  CHECK(r["cause"] == "grant-drift");
  CHECK(r["grant"]["missing_required"] == json::array({"automation", "tickets"}));
  CHECK(r["grant"]["dropped_optional"] == json::array({"marketing-email"}));
  CHECK(r["grant"]["extra"] == json::array());
  CHECK(r["grant"]["reauthorize"] == true);
  CHECK(any_action(r, "reauthorize", "automation"));
  json agree = explain_ok(sample("token-introspect.json"), config);
  CHECK(agree["cause"].is_null());
  CHECK(agree["grant"]["reauthorize"] == false);
  json alone = explain_ok(sample("token-access.json"));
  CHECK(alone["grant"]["missing_required"].is_null());
  json extra = explain_ok(R"({"token":"x","scopes":["oauth","crm.objects.contacts.read","automation","tickets","content"]})", config);
  CHECK(extra["cause"] == "grant-drift");
  CHECK(extra["grant"]["extra"] == json::array({"content"}));
}

TEST_CASE("explain: wrappers, whitespace and nesting do not change what is read") {
  json flat = explain_ok(sample("403.json"));
  // A JS console repr, doubly escaped, with CRLF and tabs around it.
  std::string repr =
      "\r\n\t Error: HTTP-Code: 403\\nMessage: An error occurred.\\nBody: {\\\"status\\\":\\\"error\\\",\\\"errors\\\":[{\\\"message\\\":"
      "\\\"One   or more of the following\\nscopes are required.\\\",\\\"context\\\":{\\\"requiredGranularScopes\\\":[\\\"crm.objects.leads.read\\\","
      "\\\"crm.objects.contacts.read\\\"]}}],\\\"category\\\":\\\"MISSING_SCOPES\\\"}\r\n";
  json r = explain_ok(repr);
  CHECK(r["cause"] == "missing-scopes");
  CHECK(r["match"] == "any");
  CHECK(r["scopes"] == flat["scopes"]);
  // Curly quotes, upper case, a non-breaking space.
  json page = explain_ok("COULDN\xE2\x80\x99T COMPLETE THE CONNECTION\n\nAuthorization failed because your account lacks access to the required\xC2\xA0scopes [automation]");
  CHECK(page["cause"] == "tier-lacks-scope");
  CHECK(page["scopes"] == json::array({"automation"}));
}

TEST_CASE("explain: not recognised, and which language was not") {
  json r = explain_ok("Something went wrong, try again later.");
  CHECK(r["cause"] == "unknown");
  CHECK(r["diagnostics"][0]["code"] == "error-not-recognised");
  json it = explain_ok(sample("install-it.txt"));
  CHECK(it["diagnostics"][0]["code"] == "language-not-recognised");
  CHECK(it["diagnostics"][0]["message"].get<std::string>().find("Italian") != std::string::npos);
  json ko = explain_ok("\xEC\x97\xB0\xEA\xB2\xB0\xEC\x9D\x84 \xEC\x99\x84\xEB\xA3\x8C\xED\x95\xA0 \xEC\x88\x98 \xEC\x97\x86\xEC\x8A\xB5\xEB\x8B\x88\xEB\x8B\xA4");
  CHECK(ko["input"]["language"] == "ko");
  CHECK(ko["diagnostics"][0]["message"].get<std::string>().find("Korean") != std::string::npos);
}

TEST_CASE("explain: hostile input gets a clear one-line error") {
  std::string big = "{\"message\":\"" + std::string(1 << 20, 'a') + "\"}";
  auto out = tierscope::explain(big, "", "");
  CHECK_FALSE(out.ok);
  CHECK(out.error_code == "input-too-large");
  std::string nested;
  for (int i = 0; i < 200; ++i) nested += "{'body': \"{\\\"";
  out = tierscope::explain(nested, "", "");
  CHECK_FALSE(out.ok);
  CHECK(out.error_code == "parse-error");
  CHECK(out.error.find("nested deeper than") != std::string::npos);
  CHECK(out.error.find('\n') == std::string::npos);
  out = tierscope::explain("   \n ", "", "");
  CHECK_FALSE(out.ok);
  CHECK(out.error.find("empty") != std::string::npos);
  out = tierscope::explain(sample("403.json"), "{not json", "");
  CHECK_FALSE(out.ok);
  CHECK(out.error.rfind("the app config: ", 0) == 0);
  // A large body under the limit is read (linear time), and a long bracketed list is bounded.
  std::string list = "{\"category\":\"MISSING_SCOPES\",\"context\":{\"missingScopes\":[";
  for (int i = 0; i < 50000; ++i) list += "\"s" + std::to_string(i) + "\",";
  list += "\"tickets\"]}}";
  json r = explain_ok(list);
  CHECK(r["scopes"].size() <= 2000);
}
