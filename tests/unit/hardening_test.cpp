// Issue 9: bad input of every kind is a parse-error / bad-options with what and where, never an
// internal error; text from the input cannot break Markdown or a terminal; redirect URIs and
// percent-escapes are checked.
#include "helpers.hpp"
#include "text.hpp"

namespace {
tierscope::Outcome refused(const tierscope::Outcome& out, const std::string& code) {
  INFO("error: " << out.error_code << ": " << out.error);
  CHECK_FALSE(out.ok);
  CHECK(out.error_code == code);
  CHECK(out.error.find("internal") == std::string::npos);
  CHECK(out.error.find('\n') == std::string::npos);
  return out;
}
const char* kConfig = R"({"name": "A", "auth": {"requiredScopes": ["oauth", "automation"]}})";
}  // namespace

TEST_CASE("numbers too large for a double are a parse-error that says where") {
  auto out = refused(tierscope::check_text("[1e400]", ""), "parse-error");
  CHECK(out.error.find("1e400") != std::string::npos);
  CHECK(out.error.find("line 1, column 2") != std::string::npos);
  out = refused(tierscope::check_text("{\n  \"scopes\": [\"oauth\"],\n  \"n\": -1e999\n}", ""), "parse-error");
  CHECK(out.error.find("line 3, column 8") != std::string::npos);
  refused(tierscope::check_text("oauth", "{\"withoutConditional\": 1e400}"), "bad-options");
  refused(tierscope::check_fields("{\"required\": [1e400]}", ""), "parse-error");
  refused(tierscope::render_markdown("[1e400]"), "parse-error");
  refused(tierscope::build_urls(kConfig, "{\"eu\": 1e400}"), "bad-options");
  out = refused(tierscope::load_catalog(R"({"as_of": "x", "scopes": [{"name": "a", "requires": 1e999}]})"), "parse-error");
  CHECK(out.error.find("the catalog") != std::string::npos);
}

TEST_CASE("a catalog with a field of the wrong type is a parse-error, and the catalog in use stays") {
  auto before = tierscope::catalog_info();
  refused(tierscope::load_catalog(
              R"({"as_of": "2026-01-01", "scopes": [{"name": "a", "confidence": "documented", "requires": "any", "sensitive": "yes"}]})"),
          "parse-error");
  refused(tierscope::load_catalog(std::string(10000, '[')), "parse-error");
  refused(tierscope::load_catalog("{\"as_of\": \"2026\\u0000\", \"scopes\": []}"), "parse-error");
  CHECK(tierscope::catalog_info() == before);
}

TEST_CASE("NUL written as \\u0000 inside a JSON string is refused like a raw NUL, with where") {
  auto out = refused(tierscope::check_text("{\"scopes\": [\"oauth\", \"a\\u0000b\"]}", ""), "parse-error");
  CHECK(out.error.find("NUL") != std::string::npos);
  CHECK(out.error.find("line 1, column 24") != std::string::npos);
  refused(tierscope::check_fields(R"({"required": "x\u0000"})", ""), "parse-error");
  refused(tierscope::check_text("oauth", R"({"profiles": ["\u0000"]})"), "bad-options");
  // an escaped backslash followed by u0000 is text, not a NUL
  CHECK(tierscope::check_text(R"({"scopes": ["a\\u0000"]})", "").ok);
}

TEST_CASE("Markdown of a JSON value that is not a report is a parse-error") {
  refused(tierscope::render_markdown(R"({"profiles": "x"})"), "parse-error");
  refused(tierscope::render_markdown("{}"), "parse-error");
  auto r = check_ok("oauth automation");
  r["coverage"]["combinations"]["total"] = 1e300;
  refused(tierscope::render_markdown(r.dump()), "parse-error");
  r = check_ok("oauth automation");
  r["coverage"]["profiles"]["installs"] = -1;
  refused(tierscope::render_markdown(r.dump()), "parse-error");
}

TEST_CASE("control characters from the input cannot break Markdown or a terminal") {
  auto out = tierscope::check_text("{\"scopes\": [\"\\u001b]0;pwned\\u0007\\u001b[2J\", \"a|b`c\\nd\", \"x\\u009by\\u202ez\"]}", "");
  REQUIRE(out.ok);
  auto md = tierscope::render_markdown(out.json);
  REQUIRE(md.ok);
  for (unsigned char c : md.json) CHECK((c >= 0x20 || c == '\n'));
  CHECK(md.json.find("\\\\u001b\\]0;pwned\\\\u0007") != std::string::npos);  // \\u001b\]0;pwned
  CHECK(md.json.find("\xc2\x9b") == std::string::npos);  // C1 CSI
  CHECK(md.json.find("\xe2\x80\xae") == std::string::npos);  // right-to-left override
  CHECK(md.json.find("a\\|b\\`c\\\\u000ad") != std::string::npos);
  // every table row of the Markdown has the same number of cells
  std::size_t start = 0;
  while ((start = md.json.find("\n| ", start)) != std::string::npos) {
    auto end = md.json.find('\n', start + 1);
    std::string row = md.json.substr(start + 1, end - start - 1);
    std::size_t bars = 0;
    for (std::size_t i = 0; i < row.size(); ++i) bars += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    CHECK(bars == 5);
    start = end;
  }
  // diagnostics' messages quote names with their control characters escaped: one line each
  const json report = json::parse(out.json);
  for (const auto& d : report["diagnostics"]) {
    std::string m = d["message"];
    for (unsigned char c : m) CHECK(c >= 0x20);
  }
  CHECK(tierscope::escape_controls("a\tb\x7f") == "a\\u0009b\\u007f");
  CHECK(tierscope::escape_controls("caf\xc3\xa9 \xe2\x80\x94") == "caf\xc3\xa9 \xe2\x80\x94");  // ordinary text stays
}

TEST_CASE("a crafted report cannot break out of a code span or the URL block") {
  auto r = check_ok("oauth automation");
  r["diagnostics"] = json::array({{{"severity", "error"}, {"code", "x` <img src=x onerror=alert(1)>"}, {"message", "m"}}});
  r["url_check"] = {{"ok", false}, {"rules_failed", {1}}, {"fixed_url", "https://a\n```\n<script>alert(1)</script>"}};
  auto md = tierscope::render_markdown(r.dump());
  REQUIRE(md.ok);
  auto unescaped = [&](const std::string& what) {  // what, not preceded by Markdown's backslash escape
    for (auto at = md.json.find(what); at != std::string::npos; at = md.json.find(what, at + 1))
      if (at == 0 || md.json[at - 1] != '\\') return true;
    return false;
  };
  CHECK_FALSE(unescaped("<img"));
  CHECK_FALSE(unescaped("<script>"));
  CHECK_FALSE(unescaped("`"));  // the backticks of the code span are the only ones, and there are none
  CHECK(md.json.find("\n```\n<") == std::string::npos);
}

TEST_CASE("the URL builder accepts https redirect URIs, and http only on this machine") {
  for (const char* ok : {"https://example.com/cb", "HTTPS://x.example", "http://localhost", "http://localhost:3000/oauth",
                         "http://127.0.0.1:8080/cb?x=1", "http://[::1]:5000/cb"}) {
    CAPTURE(ok);
    auto out = tierscope::build_urls(kConfig, json{{"redirectUri", ok}}.dump());
    INFO(out.error);
    CHECK(out.ok);
  }
  for (const char* bad : {"javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "http://example.com/cb",
                          "http://localhost.evil.example/cb", "http://127.0.0.1.evil.example", "https://", "https:/x",
                          "https://a b", "https://x\x01", "//example.com", "ftp://x"}) {
    CAPTURE(bad);
    auto out = refused(tierscope::build_urls(kConfig, json{{"redirectUri", bad}}.dump()), "bad-options");
    CHECK(out.error.find("redirectUri") != std::string::npos);
  }
  auto out = refused(tierscope::build_urls(R"J({"auth": {"redirectUrls": ["javascript:alert(1)"], "requiredScopes": ["oauth"]}})J", ""),
                     "parse-error");
  CHECK(out.error.find("redirect") != std::string::npos);
}

TEST_CASE("a malformed percent-escape in the URL's scope is a bad-encoding error diagnostic") {
  auto r = check_ok("https://app.hubspot.com/oauth/authorize?client_id=1&scope=oau%2");
  REQUIRE(has_code(r, "bad-encoding"));
  CHECK(diag(r, "bad-encoding")["severity"] == "error");
  CHECK(diag(r, "bad-encoding")["message"].get<std::string>().find("\"%2\"") != std::string::npos);
  CHECK(status(r, "free") == "invalid-scope");
  r = check_ok("https://app.hubspot.com/oauth/authorize?scope=oauth%20automation&optional_scope=%zz");
  CHECK(has_code(r, "bad-encoding"));
  r = check_ok("https://app.hubspot.com/oauth/authorize?scope=oauth%20automation&redirect_uri=%");
  CHECK_FALSE(has_code(r, "bad-encoding"));  // only the scope parameters are read
  CHECK(tierscope::bad_percent_escape("a%2") == std::optional<std::size_t>(1));
  CHECK(tierscope::bad_percent_escape("a%20%7e%") == std::optional<std::size_t>(7));
  CHECK_FALSE(tierscope::bad_percent_escape("a%20b%7E"));
}

TEST_CASE("percent-decoded values that are not UTF-8 never reach the output") {
  auto out = tierscope::check_pair(kConfig, "https://app.hubspot.com/oauth/authorize?redirect_uri=https%3A%2F%2F%FF&client_id=%C3&scope=oauth%20automation", "");
  INFO(out.error);
  CHECK(out.ok);
  out = tierscope::build_urls(kConfig, "");
  CHECK(out.ok);
}
