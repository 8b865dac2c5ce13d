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

// == takes 1 (unsigned) and 1 (signed) as equal: the trees must have the same types too (the harness
// asks is_number_unsigned()).
bool same_types(const ojson& a, const ojson& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (a.is_object()) {
    for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
      if (i.key() != j.key() || !same_types(*i, *j)) return false;
  } else if (a.is_array()) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (!same_types(a[i], b[i])) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("fuzz scanner takes what nlohmann takes") {
  for (const char* text : {"0", "-0", "-1.5e+3", "1E2", "\"\"", "[]", "{}", " [1, {\"a\": [true, false, null]}] ",
                           "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"", "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"",
                           "18446744073709551616", "-9223372036854775809", "1e308", "18446744073709551615", "-9223372036854775808",
                           "{\"a\": 1, \"b\": 2, \"a\": [3]}"}) {
    ojson tree;
    CHECK_MESSAGE(scans(text, tree), text);
    CHECK(tree == ojson::parse(text));
    CHECK_MESSAGE(same_types(tree, ojson::parse(text)), text);
  }
  for (const char* text : {"", " ", "01", "1.", ".5", "-", "1e", "+1", "1e999", "-1e999", "tru", "nul", "[1,]", "{\"a\":1,}",
                           "{\"a\"}", "{1:2}", "[1 2]", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
                           "\"\x01\"", "\"\xc0\xaf\"", "\"\xe0\x80\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
                           "\"\xc3\"", "\"abc", "[1] 2", "{\"a\":1}}"}) {
    ojson tree;
    CHECK_MESSAGE(!scans(text, tree), text);
    CHECK(!ojson::accept(text));
  }
  const std::string huge = "1" + std::string(400, '0');  // an integer beyond a double: nlohmann's "number overflow"
  ojson tree;
  CHECK(!scans(huge, tree));
  CHECK(!ojson::accept(huge));
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
    CHECK(same_types(whole, ojson::parse(out.json)));
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
      CHECK(same_types(tree, ojson::parse(s)));
      ++accepted;
    }
  }
  CHECK(accepted > 100);  // the mutations reach both sides
}
