// The fuzz harnesses' scanner (tests/fuzz/fuzz.hpp, fuzz::Scanner) takes exactly the texts nlohmann's
// parser takes, and the tree it keeps is nlohmann's: on reports and on mutated reports.
#include <random>

#include <doctest/doctest.h>

#include "../fuzz/fuzz.hpp"

namespace {
using ojson = nlohmann::ordered_json;

fuzz::Keep some(std::string_view path) {
  static constexpr std::string_view listed[] = {"tool.version", "request", "diagnostics", "profiles.status", "coverage.profiles"};
  return fuzz::keep_listed(path, listed);
}

bool scans(const std::string& text, ojson& tree, fuzz::KeepFn keep = nullptr) {
  return fuzz::Scanner(text, keep).read(tree);
}
}  // namespace

TEST_CASE("fuzz scanner takes what nlohmann takes") {
  for (const char* text : {"0", "-0", "-1.5e+3", "1E2", "\"\"", "[]", "{}", " [1, {\"a\": [true, false, null]}] ",
                           "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"",
                           "18446744073709551616", "-9223372036854775809", "1e308"}) {
    ojson tree;
    CHECK_MESSAGE(scans(text, tree), text);
    CHECK(tree == ojson::parse(text));
  }
  for (const char* text : {"", " ", "01", "1.", ".5", "-", "1e", "+1", "1e999", "-1e999", "tru", "nul", "[1,]", "{\"a\":1,}",
                           "{\"a\"}", "{1:2}", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
                           "\"\x01\"", "\"\xc0\xaf\"", "\"\xe0\x80\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
                           "\"\xc3\"", "\"abc", "[1] 2", "{\"a\":1}}"}) {
    ojson tree;
    CHECK_MESSAGE(!scans(text, tree), text);
    CHECK(!ojson::accept(text));
  }
}

TEST_CASE("fuzz scanner on reports and mutated reports") {
  std::mt19937 rng(23);
  static const char* pieces[] = {"\\u", "\\ud800", "\\udc00", "\"", ",", "}", "]", "{", "[", "1e999", "-0", "01", "1.",
                                 "\xc3", "\xe0\x80\x80", "\xed\xa0\x80", "\x01", "\\n", "\\x", "tru", "\\u00e9", "\\ud83d\\ude00",
                                 " ", "1E+2", "\xc2\x85", "\x7f"};
  std::size_t accepted = 0;
  for (const char* input : {"oauth crm.objects.contacts.read tickets automation", "crm.objects.contacts.write\ncms.domains.read",
                            "https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20tickets&redirect_uri=https://x.example"}) {
    auto out = tierscope::check_text(input, "");
    REQUIRE(out.ok);
    ojson whole, kept;
    REQUIRE(scans(out.json, whole));
    CHECK(whole == ojson::parse(out.json));
    REQUIRE(scans(out.json, kept, some));
    CHECK(kept["profiles"].size() == whole["profiles"].size());
    CHECK(kept["profiles"][0] == ojson{{"status", whole["profiles"][0]["status"]}});
    CHECK(kept["coverage"] == ojson{{"profiles", whole["coverage"]["profiles"]}});
    CHECK(kept["diagnostics"] == whole["diagnostics"]);
    std::string text = out.json;
    for (std::size_t q; (q = text.find("\"message\"")) != std::string::npos;) text[q + 2] = 'a';  // mutations may break a message
    for (int m = 0; m < 300; ++m) {
      std::string s = text;
      std::size_t at = rng() % s.size();
      if (m % 2 == 0) {  // inside a string or after a colon: often still JSON
        std::size_t q = s.find(m % 4 == 0 ? '"' : ':', at);
        if (q != std::string::npos) s.insert(q + 1, m % 4 == 0 ? pieces[rng() % (sizeof pieces / sizeof *pieces)] : "-12.5e-3");
      } else if (m % 3 == 0) {
        s.erase(at, 1 + rng() % 3);
      } else {
        s[at] = char(rng());
      }
      ojson tree;
      bool ok = scans(s, tree);
      REQUIRE(ok == ojson::accept(s));
      if (!ok) continue;
      CHECK(tree == ojson::parse(s));
      ++accepted;
    }
  }
  CHECK(accepted > 100);  // the mutations reach both sides
}
