// Issue 23: every error and diagnostic message that quotes user text is one line of plain text.
// Each case puts a newline followed by a GitHub workflow command ("\n::error file=x::injected"), or
// another control character, into one place the input reaches a message, and checks that the
// message is one line, with the character written as \u000a (escape_controls, core/src/text.hpp).
#include <functional>

#include "helpers.hpp"
#include "operations_builtin.hpp"
#include "text.hpp"

namespace {
const std::string kInject = "x\n::error file=x::injected";
const std::string kInjectJson = "x\\n::error file=x::injected";  // the same, written as a JSON string

bool one_line(const std::string& s) { return tierscope::escape_controls(s) == s; }

// An error: refused, one line, the newline written as \u000a (so the quoted text is still readable).
void one_line_error(const tierscope::Outcome& out, const std::string& code) {
  INFO("error: " << out.error_code << ": " << tierscope::escape_controls(out.error));
  REQUIRE_FALSE(out.ok);
  CHECK(out.error_code == code);
  CHECK(one_line(out.error));
  CHECK(out.error.find("\\u000a::error file=x::injected") != std::string::npos);
}

// A result: every "message" anywhere in it is one line, and (quotes) at least one quotes the
// injected text escaped (a list splits "x\n::error" into names instead).
void one_line_messages(const tierscope::Outcome& out, bool quotes = true) {
  INFO("error: " << out.error_code << ": " << tierscope::escape_controls(out.error));
  REQUIRE(out.ok);
  int quoting = 0;
  std::function<void(const json&)> walk = [&](const json& j) {
    if (j.is_object()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        if (it.key() == "message" && it->is_string()) {
          const std::string& m = it->get_ref<const std::string&>();
          INFO("message: " << tierscope::escape_controls(m));
          CHECK(one_line(m));
          if (m.find("\\u000a::error") != std::string::npos || m.find("\\u001b") != std::string::npos) ++quoting;
        } else {
          walk(*it);
        }
      }
    } else if (j.is_array()) {
      for (const auto& e : j) walk(e);
    }
  };
  const json j = json::parse(out.json);
  walk(j);
  INFO("diagnostics: " << (j.contains("diagnostics") ? j["diagnostics"].dump() : std::string("none")));
  CHECK((quoting > 0 || !quotes));
}
}  // namespace

TEST_CASE("escape_controls: newlines, other controls and bidi overrides become \\uXXXX — its output is unchanged by it") {
  CHECK(tierscope::escape_controls("a\nb\r\x1b\x7f") == "a\\u000ab\\u000d\\u001b\\u007f");
  CHECK(tierscope::escape_controls("\xc2\x85 \xe2\x80\xae \xe2\x81\xa6") == "\\u0085 \\u202e \\u2066");
  CHECK(tierscope::escape_controls("crm.objects.contacts.read \xc3\xa9") == "crm.objects.contacts.read \xc3\xa9");
  const std::string once = tierscope::escape_controls(kInject);
  CHECK(tierscope::escape_controls(once) == once);
  CHECK(tierscope::quote_name(kInject) == "\"x\\u000a::error file=x::injected\"");
}

TEST_CASE("options: an unknown option key, account field, hub, feature or profile is quoted on one line") {
  // The fuzz finding of issue 23 and its JS API form: ts.check('oauth', {'with\n::error file=x::injected': true}).
  one_line_error(tierscope::check_text("oauth", "{\"with\\n::error file=x::injected\": true}"), "bad-options");
  one_line_error(tierscope::check_text("oauth", "{\"account\": {\"" + kInjectJson + "\": 1}}"), "bad-options");
  one_line_error(tierscope::check_text("oauth", "{\"account\": {\"hubs\": {\"" + kInjectJson + "\": \"professional\"}}}"),
                 "bad-options");
  one_line_error(tierscope::check_text("oauth", "{\"account\": {\"features\": [\"" + kInjectJson + "\"]}}"), "bad-options");
  one_line_error(tierscope::check_text("oauth", "{\"profiles\": [\"" + kInjectJson + "\"]}"), "bad-options");
  one_line_error(tierscope::check_fields("{\"required\": [\"oauth\"]}", "{\"" + kInjectJson + "\": true}"), "bad-options");
  one_line_error(tierscope::diff("oauth", "oauth", "{\"" + kInjectJson + "\": true}"), "bad-options");
  one_line_error(tierscope::calls("GET /crm/v3/objects/contacts", "", "{\"" + kInjectJson + "\": true}"), "bad-options");
}

TEST_CASE("the reproducer of issue 23 (fuzz_check) is a one-line bad-options error") {
  // The fuzz input of the issue, kept as tests/fuzz/seeds/check/: options on the first line.
  std::string root = TIERSCOPE_CATALOG_PATH;
  root = root.substr(0, root.rfind("/data/"));
  const std::string input = read_text(root + "/tests/fuzz/seeds/check/issue23-newline-in-option-key.txt");
  REQUIRE(input.find('\n') != std::string::npos);
  auto out = tierscope::check_text(input.substr(input.find('\n') + 1), input.substr(0, input.find('\n')));
  REQUIRE_FALSE(out.ok);
  CHECK(out.error_code == "bad-options");
  CHECK(one_line(out.error));
  CHECK(out.error.find("unknown option \"withoutCo") != std::string::npos);
  INFO("error: " << out.error);
  CHECK(out.error.find("\\u000aditional") != std::string::npos);
}

TEST_CASE("fields, config keys, redirect URLs and options of build_urls are quoted on one line") {
  one_line_error(tierscope::check_fields("{\"" + kInjectJson + "\": []}", ""), "parse-error");
  one_line_error(tierscope::build_urls(R"({"name": "A", "auth": {"requiredScopes": ["oauth"]}})",
                                       "{\"redirectUri\": \"https://a.example/" + kInjectJson + "\"}"),
                 "bad-options");
  one_line_error(tierscope::build_urls(R"({"name": "A", "auth": {"requiredScopes": ["oauth"]}})",
                                       "{\"redirectUri\": \"javascript:" + kInjectJson + "\"}"),
                 "bad-options");
}

TEST_CASE("a JSON syntax error that quotes the input is one line") {
  auto out = tierscope::check_text("{\"scopes\": [tru\x1b[2J]}", "");
  REQUIRE_FALSE(out.ok);
  CHECK(one_line(out.error));
  out = tierscope::check_text("oauth", "{\"lean\": fals\n::error::x}");
  REQUIRE_FALSE(out.ok);
  CHECK(out.error_code == "bad-options");
  CHECK(one_line(out.error));
}

TEST_CASE("scope names in diagnostics are quoted on one line") {
  // An app config's scope with a newline (a JSON string), and a list's scope with an escape sequence.
  one_line_messages(tierscope::check_text(R"({"name": "A", "auth": {"requiredScopes": ["oauth", ")" + kInjectJson + R"("]}})", ""), false);
  one_line_messages(tierscope::check_text("oauth crm.objects.contacts.reed\x1b[2J", ""));
  one_line_messages(tierscope::check_fields("{\"required\": [\"oauth\", \"" + kInjectJson + "\"]}", ""), false);
  // An install URL's scope parameter with an encoded newline (%0A).
  one_line_messages(tierscope::check_text(
      "https://app.hubspot.com/oauth/authorize?client_id=1&redirect_uri=https://a.example/cb&scope=oauth%20x%0A::error%20file=x::injected",
      ""),
      false);
}

TEST_CASE("call lines and paths in calls diagnostics are quoted on one line") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  one_line_messages(tierscope::calls("GET /crm/v3/objects/contacts\x1b[2J\nFROB /x\x1b]0;t\x07", "", ""));
  one_line_messages(tierscope::calls("[\"GET /crm/v3/objects/" + kInjectJson + "\", \"BREW " + kInjectJson + "\"]", "", ""));
  // A request to another host: the hosts left out are quoted (a fuzz finding: a control character in one).
  one_line_messages(tierscope::calls("https://x\x1b[2J.example/crm/v3/objects/contacts\nhttps://" + kInject + "/crm/v3/deals", "", ""));
  one_line_messages(tierscope::calls("\x1b{\"crm.objects.carts.writelttps://ies\": [{\"request\": {\"method\":", "", ""));
  // The app config given with the calls: its errors are prefixed and stay one line.
  auto out = tierscope::calls("GET /crm/v3/objects/contacts", "{\"" + kInjectJson + "\": [\x1b}", "");
  REQUIRE_FALSE(out.ok);
  CHECK(out.error.rfind("the app config: ", 0) == 0);
  CHECK(one_line(out.error));
}

TEST_CASE("catalog keys, hub names and scope names in catalog errors are quoted on one line") {
  const auto before = tierscope::catalog_info();
  const std::string head = R"({"format": 2, "as_of": "2026-01-01", "tiers": [{"id": "free"}, {"id": "pro"}], "hubs": [{"id": "sales"}], )";
  one_line_error(tierscope::load_catalog(head + R"("profiles": [{"id": "p", "hubs": {")" + kInjectJson + R"(": "pro"}}], "scopes": []})"),
                 "parse-error");
  one_line_error(tierscope::load_catalog(head + R"("profiles": [{"id": ")" + kInjectJson + R"(", "hubs": {"nope": "pro"}}], "scopes": []})"),
                 "parse-error");
  one_line_error(tierscope::load_catalog(head + R"("profiles": [{"id": "p"}], "scopes": [{"name": ")" + kInjectJson +
                                         R"(", "confidence": "nope"}]})"),
                 "parse-error");
  CHECK(tierscope::catalog_info() == before);
}

TEST_CASE("scopes quoted by the install-URL rules of a pair are on one line") {
  // A fuzz_pair finding: a control character in optional_scope reached rule 3's message raw.
  const std::string config = R"({"uid": "a", "type": "app", "config": {"name": "A", "distribution": "marketplace", "auth": {"type": "oauth", )"
                             R"("redirectUrls": ["http://localhost:3000/cb"], "requiredScopes": ["oauth"], "optionalScopes": ["forms"]}}})";
  one_line_messages(tierscope::check_pair(
      config, "https://app.hubspot.com/oauth/authorize?client_id=abc&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcb&scope=oauth&optional_scope=content\x1b[2Jforms", ""));
}
