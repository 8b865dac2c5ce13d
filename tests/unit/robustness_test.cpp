// Random and mutated inputs: every call returns a report or a readable error, never a crash.
#include <random>

#include "helpers.hpp"

namespace {
const char* kSeeds[] = {
    R"({"config": {"auth": {"type": "oauth", "requiredScopes": ["oauth", "automation"], "optionalScopes": ["content"]}}})",
    R"({"name": "x", "auth": {"requiredScopes": ["oauth"], "conditionallyRequiredScopes": ["tickets"]}})",
    R"({"scopes": ["crm.objects.contacts.read", "tickets"]})",
    "https://app.hubspot.com/oauth/123/authorize?client_id=1&scope=oauth%20tickets&optional_scope=social",
    "oauth, crm.objects.contacts.read\nautomation%20content+social",
};
}  // namespace

TEST_CASE("mutated and random inputs never crash and always explain themselves") {
  std::mt19937 rng(7);
  const std::string alphabet = "{}[]\",:%+ \n\t\\azAZ09.-_=&?/#\x80\xc3\xff";
  for (int i = 0; i < 3000; ++i) {
    std::string text = kSeeds[rng() % 5];
    int edits = 1 + int(rng() % 6);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(at, 1 + rng() % 4); break;
        case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: text[at] = alphabet[rng() % alphabet.size()]; break;
      }
    }
    auto out = tierscope::check_text(text, "");
    if (out.ok) {
      json r = json::parse(out.json);  // the report is valid JSON
      CHECK(r["profiles"].size() == tierscope::Catalog::builtin()->model->profiles.size());
    } else {
      CHECK((out.error_code == "parse-error" || out.error_code == "input-too-large"));
      CHECK(out.error.size() > 10);
    }
    auto parsed = tierscope::parse_text(text);
    CHECK(parsed.ok == out.ok);
  }
}

TEST_CASE("API entry points refuse garbage options and reports cleanly") {
  for (const char* opts : {"{", "[]", "null", "{\"account\": 5}", "{\"profiles\": [null]}"}) {
    auto out = tierscope::check_text("oauth", opts);
    CAPTURE(opts);
    if (std::string(opts) == "null") CHECK(out.ok);
    else CHECK((!out.ok && (out.error_code == "bad-options" || out.error_code == "parse-error")));
  }
  CHECK_FALSE(tierscope::render_markdown("").ok);
  CHECK_FALSE(tierscope::render_markdown("[1,2,3]").ok);
  CHECK_FALSE(tierscope::check_fields("[]", "").ok);
  CHECK_FALSE(tierscope::check_fields(std::string(2 << 20, ' '), "").ok);
  CHECK(tierscope::list_scopes(std::string("\xff")).error_code == "parse-error");
}
