// Surface: explain (HubSpot error texts, token info; with a config the fix applied and its report).
// Invariants beyond fuzz::outcome (known error codes, errors one line): a result names a known cause,
// its scopes are strings, and a report after a fix is a check report.
#include <set>

#include "fuzz.hpp"

namespace {
void check(const tierscope::Outcome& out) {
  auto j = fuzz::outcome(out);
  if (j.is_null()) return;
  static const std::set<std::string> causes = {
      "tier-lacks-scope", "url-insufficient-scopes", "url-scope-mismatch", "invalid-scope", "app-not-permitted",
      "invalid-client-id", "installing-user-permissions", "missing-scopes", "missing-object-read-scope",
      "not-public-api", "account-feature", "grant-drift", "unknown"};
  fuzz::require(j["cause"].is_null() || causes.count(j["cause"].get<std::string>()) == 1, "a known cause");
  fuzz::require(j["scopes"].is_array() && j["explanation"].is_string() && j["fix"].is_array(), "the contract's members");
  for (const auto& s : j["scopes"]) fuzz::require(s.is_string() && !s.get<std::string>().empty(), "scopes are names");
  if (j.contains("report")) fuzz::require(j["report"]["profiles"].is_array(), "the report after the fix is a check report");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string t = fuzz::text(data, size);
  check(tierscope::explain(t, "", ""));
  auto [config, error] = fuzz::split(t);  // the first line as an app config (list, URL or JSON), the rest the error
  if (!error.empty()) check(tierscope::explain(error, config, ""));
  return 0;
}
