// Fuzz target for `calls` (libFuzzer): any bytes as the calls (and, split at the first NUL-free
// "\n---\n", an app config) must give a calls report or a readable error. In a report every call's
// chosen scopes are in the least-privilege set, and `report` covers its profiles. Built with
// `bash scripts/fuzz.sh SECONDS calls`; replayed over tests/fuzz/calls-seeds by ctest.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "operations_builtin.hpp"
#include "tierscope/api.hpp"

namespace {
void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

void check(const tierscope::Outcome& out) {
  if (!out.ok) {
    require(!out.error.empty(), "an error has a message");
    require(out.error_code == "parse-error" || out.error_code == "input-too-large" || out.error_code == "bad-options",
            "an error has a known code");
    return;
  }
  auto j = nlohmann::json::parse(out.json, nullptr, false);
  require(!j.is_discarded(), "the output is JSON");
  const auto& lp = j["least_privilege"];
  std::set<std::string> chosen;
  for (const auto& s : lp["required"]) chosen.insert(s.get<std::string>());
  for (const auto& s : lp["optional"]) chosen.insert(s.get<std::string>());
  require(chosen.count("oauth") == 1, "oauth is required");
  for (const auto& c : j["calls"]) {
    require(c["operation"].is_null() == (c["match"] == "none"), "an operation exactly when matched");
    if (c["chosen"].is_null()) continue;
    for (const auto& s : c["chosen"]) require(chosen.count(s.get<std::string>()) == 1, "a call's scopes are in the set");
  }
  const auto& r = j["report"];
  require(r["profiles"].size() == r["coverage"]["profiles"]["total"], "the report covers its profiles");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool loaded = tierscope::load_operations(tierscope::builtin_operations_json()).ok;
  require(loaded, "the built-in operations table loads");
  std::string text(reinterpret_cast<const char*>(data), size);
  check(tierscope::calls(text, "", ""));
  auto cut = text.find("\n---\n");
  if (cut != std::string::npos) check(tierscope::calls(text.substr(0, cut), text.substr(cut + 5), ""));
  return 0;
}
