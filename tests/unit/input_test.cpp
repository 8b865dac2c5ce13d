#include "helpers.hpp"

using tierscope::check_text;

namespace {
std::vector<std::string> req(const json& r, const char* kind) { return r["request"][kind].get<std::vector<std::string>>(); }
std::string error_of(const std::string& text) {
  auto out = check_text(text, "");
  CHECK_FALSE(out.ok);
  return out.error;
}
}  // namespace

TEST_CASE("plain lists: every separator, blanks trimmed, empty entries ignored") {
  for (std::string text : {"crm.objects.contacts.read automation", "crm.objects.contacts.read,automation",
                           " crm.objects.contacts.read ,\n\n automation ,, ", "crm.objects.contacts.read%20automation",
                           "crm.objects.contacts.read+automation", "crm.objects.contacts.read;\tautomation\r\n"}) {
    CAPTURE(text);
    json r = check_ok(text);
    CHECK(r["input"]["format"] == "list");
    CHECK(req(r, "required") == std::vector<std::string>{"automation", "crm.objects.contacts.read", "oauth"});
  }
}

TEST_CASE("a JSON array of names is a list") {
  json r = check_ok("[\"oauth\", \"tickets\"]");
  CHECK(r["input"]["format"] == "list");
  CHECK(req(r, "required") == std::vector<std::string>{"oauth", "tickets"});
}

TEST_CASE("install URLs: scope, optional_scope, percent-decoding, hosts, pinned path") {
  json r = check_ok(
      "https://app.hubspot.com/oauth/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fx.example%2Fcb"
      "&scope=oauth%20crm.objects.contacts.read+automation&optional_scope=content%20tickets&state=1");
  CHECK(r["input"]["format"] == "install-url");
  CHECK(r["input"]["host"] == "app.hubspot.com");
  CHECK(r["input"]["account_id"].is_null());
  CHECK(req(r, "required") == std::vector<std::string>{"automation", "crm.objects.contacts.read", "oauth"});
  CHECK(req(r, "optional") == std::vector<std::string>{"content", "tickets"});
  CHECK_FALSE(has_code(r, "unrecognized-url"));

  json eu = check_ok("https://app-eu1.hubspot.com/oauth/123456/authorize?scope=oauth%2Ctickets&client_id=x");
  CHECK(eu["input"]["host"] == "app-eu1.hubspot.com");
  CHECK(eu["input"]["account_id"] == "123456");
  CHECK(has_code(eu, "comma-separated"));  // %2C decodes to a comma: HubSpot rejects it
  CHECK(status(eu, "free") == "invalid-scope");

  json other = check_ok("https://example.com/oauth/authorize?scope=oauth");
  CHECK(has_code(other, "unrecognized-url"));
  CHECK(other["input"]["host"] == "example.com");
  json no_scheme = check_ok("app.hubspot.com/oauth/authorize?scope=oauth%20tickets");
  CHECK(no_scheme["input"]["format"] == "install-url");
}

TEST_CASE("a URL without scope is an error that says so") {
  CHECK(error_of("https://app.hubspot.com/oauth/authorize?client_id=1&optional_scope=tickets").find("no scope parameter") !=
        std::string::npos);
  CHECK(error_of("https://app.hubspot.com/oauth/authorize").find("no scope parameter") != std::string::npos);
  CHECK(error_of("https://app.hubspot.com/oauth/authorize?scope=a b").find("spaces") != std::string::npos);
}

TEST_CASE("app configs: app-hsmeta.json, public-app.json, private app.json") {
  json hsmeta = check_ok(R"({"uid": "my_app", "type": "app", "config": {"name": "Deal Sync",
      "auth": {"type": "oauth", "redirectUrls": ["https://x.example/cb"],
               "requiredScopes": ["oauth", "crm.objects.deals.read"],
               "optionalScopes": ["automation"], "conditionallyRequiredScopes": ["tickets"]}}})");
  CHECK(hsmeta["input"]["format"] == "app-hsmeta");
  CHECK(hsmeta["input"]["app_name"] == "Deal Sync");
  CHECK(req(hsmeta, "required") == std::vector<std::string>{"crm.objects.deals.read", "oauth"});
  CHECK(req(hsmeta, "conditional") == std::vector<std::string>{"tickets"});
  CHECK(req(hsmeta, "optional") == std::vector<std::string>{"automation"});

  json static_auth = check_ok(R"({"config": {"auth": {"type": "static", "requiredScopes": ["oauth"], "optionalScopes": ["automation"]}}})");
  CHECK(has_code(static_auth, "static-auth-optional"));
  CHECK(req(static_auth, "optional").empty());
  // The ignored scopes are named, with the fix: remove them (never make them optional).
  const json& ignored = diag(static_auth, "static-auth-optional");
  CHECK(ignored["message"].get<std::string>().find("(\"automation\")") != std::string::npos);
  CHECK(ignored["suggestion"]["action"] == "remove");
  CHECK(ignored["suggestion"]["scopes"] == json::array({"automation"}));

  // A scope also required stays required: the fix never removes it, and the text does not call it left out.
  json both = check_ok(R"({"config": {"auth": {"type": "static", "requiredScopes": ["oauth", "tickets"],
      "optionalScopes": ["tickets", "automation"], "conditionallyRequiredScopes": ["tickets"]}}})");
  CHECK(req(both, "required") == std::vector<std::string>{"oauth", "tickets"});
  const json& kept = diag(both, "static-auth-optional");
  CHECK(kept["suggestion"]["scopes"] == json::array({"automation"}));
  std::string text = kept["message"];
  CHECK(text.find("(\"automation\")") != std::string::npos);
  CHECK(text.find("\"tickets\"") == std::string::npos);
  // Only scopes that are required anyway: nothing is left out, nothing to remove.
  json dup = check_ok(R"({"config": {"auth": {"type": "static", "requiredScopes": ["oauth", "tickets"], "optionalScopes": ["tickets"]}}})");
  CHECK_FALSE(has_code(dup, "static-auth-optional"));
  CHECK(req(dup, "required") == std::vector<std::string>{"oauth", "tickets"});

  json pub = check_ok(R"({"name": "Pub", "auth": {"requiredScopes": ["oauth"], "optionalScopes": ["social"],
      "conditionallyRequiredScopes": []}})");
  CHECK(pub["input"]["format"] == "public-app");
  CHECK(pub["input"]["app_name"] == "Pub");
  CHECK(req(pub, "optional") == std::vector<std::string>{"social"});

  json priv = check_ok(R"({"name": "Private", "scopes": ["crm.objects.contacts.read"]})");
  CHECK(priv["input"]["format"] == "private-app");
  CHECK(req(priv, "required") == std::vector<std::string>{"crm.objects.contacts.read"});  // no oauth for private apps
  CHECK_FALSE(has_code(priv, "missing-oauth"));
}

TEST_CASE("config errors say what and where") {
  std::string e = error_of("{\n  \"auth\": {\n    \"requiredScopes\": [\"oauth\",]\n  }\n}");
  CHECK(e.find("line 3") != std::string::npos);
  CHECK(e.find("column") != std::string::npos);
  CHECK(error_of(R"({"auth": {"requiredScopes": ["oauth", 7]}})").find("auth.requiredScopes[1] must be a scope name") != std::string::npos);
  CHECK(error_of(R"({"auth": {"requiredScopes": {"a": 1}}})").find("auth.requiredScopes must be an array") != std::string::npos);
  CHECK(error_of(R"({"hello": 1})").find("not an app config") != std::string::npos);
  CHECK(error_of("{").find("invalid JSON") != std::string::npos);
  // Quotes around names (a pasted JSON or Python list without brackets) are dropped.
  CHECK(check_ok("\"oauth\", 'tickets'")["request"]["required"] == json::array({"oauth", "tickets"}));
}

TEST_CASE("hostile input is refused with a clear message, never a crash") {
  std::string deep(200000, '[');
  std::string e = error_of(deep);
  CHECK(e.find("nested deeper than 64") != std::string::npos);
  CHECK(e.find("line 1, column 65") != std::string::npos);

  auto big = check_text(std::string(10 * 1024 * 1024, 'a'), "");
  CHECK_FALSE(big.ok);
  CHECK(big.error_code == "input-too-large");
  CHECK(big.error.find("limit is 1048576 bytes") != std::string::npos);

  e = error_of(std::string("oauth\ntick\0ets", 14));
  CHECK(e.find("NUL byte at byte offset 10 (line 2, column 5)") != std::string::npos);

  e = error_of("oauth \xff\xfe tickets");
  CHECK(e.find("not valid UTF-8 at byte offset 6") != std::string::npos);
  CHECK(error_of("\xed\xa0\x80").find("UTF-8") != std::string::npos);  // a UTF-16 surrogate

  std::string many;
  for (int i = 0; i < 2001; ++i) many += "s" + std::to_string(i) + " ";
  auto too_many = check_text(many, "");
  CHECK(too_many.error_code == "input-too-large");
  CHECK(error_of(std::string(300, 'x')).find("300 characters") != std::string::npos);

  // Odd but valid text: the quoted word is read as a name (well formed, unknown), the rest is not a scope.
  json r = check_ok("<script>alert(1)</script> \"quoted\" ünïcødé");
  CHECK(r["profiles"][0]["status"] == "unknown-scope");
  CHECK(r["request"]["required"] == json::array({"oauth", "quoted"}));
}

TEST_CASE("fields input: arrays or strings, plus a URL") {
  json r = fields_ok({{"required", "oauth automation"}, {"optional", json::array({"tickets"})}, {"conditional", ""}});
  CHECK(req(r, "required") == std::vector<std::string>{"automation", "oauth"});
  CHECK(req(r, "optional") == std::vector<std::string>{"tickets"});
  json u = fields_ok({{"url", "https://app.hubspot.com/oauth/authorize?scope=oauth&optional_scope=social"}});
  CHECK(u["input"]["format"] == "install-url");
  CHECK(req(u, "optional") == std::vector<std::string>{"social"});
  auto bad = tierscope::check_fields(R"({"required": 3})", "");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("required must be an array") != std::string::npos);
  auto unknown = tierscope::check_fields(R"({"requried": "oauth"})", "");
  CHECK(unknown.error.find("unknown field \"requried\"") != std::string::npos);
}

TEST_CASE("parse_text reports format, request and diagnostics") {
  auto out = tierscope::parse_text(R"({"auth": {"requiredScopes": ["oauth", "contacts"]}})");
  REQUIRE(out.ok);
  json p = json::parse(out.json);
  CHECK(p["format"] == "public-app");
  CHECK(p["request"]["required"] == json::array({"contacts", "oauth"}));
  CHECK(p["diagnostics"][0]["code"] == "retired-scope");
}
