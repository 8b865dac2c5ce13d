// Surface: API calls -> scopes (calls). Any bytes as the calls (and, split at the first "\n---\n",
// an app config) give a calls report or a readable error. In a report every call's chosen scopes are
// in the least-privilege set, oauth is required, and `report` covers its profiles. One evaluation per
// input, with the config when the input has one: a HAR of even size through the streamed HAR reader,
// anything else through calls().
#include <set>
#include <string_view>

#include "fresh.hpp"
#include "fuzz.hpp"
#include "operations_builtin.hpp"

namespace {
// What check() reads of a calls report (fuzz::Scanner: every message is checked, only these are built).
fuzz::Keep reads(std::string_view path) {
  static constexpr std::string_view listed[] = {
      "least_privilege.required", "least_privilege.optional", "least_privilege.install_everywhere.required",
      "least_privilege.install_everywhere.optional", "calls.operation", "calls.match", "calls.chosen",
      "report.profiles.id", "report.coverage.profiles.total"};
  return fuzz::keep_listed(path, listed);
}

void check(const tierscope::Outcome& out) {
  auto j = fuzz::outcome_kept(out, reads);
  if (!out.ok) return;
  const auto& lp = j["least_privilege"];
  std::set<std::string> chosen;
  for (const auto& s : lp["required"]) chosen.insert(s.get<std::string>());
  for (const auto& s : lp["optional"]) chosen.insert(s.get<std::string>());
  fuzz::require(chosen.count("oauth") == 1, "oauth is required");
  // Install everywhere: the same scopes, split into required and optional.
  const auto& ie = lp["install_everywhere"];
  std::set<std::string> everywhere;
  for (const auto& s : ie["required"]) everywhere.insert(s.get<std::string>());
  for (const auto& s : ie["optional"]) everywhere.insert(s.get<std::string>());
  fuzz::require(everywhere == chosen, "install_everywhere has the same scopes");
  for (const auto& c : j["calls"]) {
    fuzz::require(c["operation"].is_null() == (c["match"] == "none"), "an operation exactly when matched");
    if (c["chosen"].is_null()) continue;
    for (const auto& s : c["chosen"]) fuzz::require(chosen.count(s.get<std::string>()) == 1, "a call's scopes are in the set");
  }
  const auto& r = j["report"];
  fuzz::require(r["profiles"].size() == r["coverage"]["profiles"]["total"], "the report covers its profiles");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Fresh fresh;  // first: what the core keeps is emptied after everything below
  static const bool loaded = tierscope::load_operations(tierscope::builtin_operations_json()).ok;  // as the CLI does
  fuzz::require(loaded, "the built-in operations table loads");
  std::string text = fuzz::text(data, size);
  auto cut = text.find("\n---\n");
  std::string_view calls = std::string_view(text).substr(0, cut);
  std::string_view config = cut == std::string::npos ? std::string_view() : std::string_view(text).substr(cut + 5);
  // One evaluation per input: a HAR (a JSON object) of even size goes through the streamed HAR reader,
  // in pieces (a report or a readable error, never a crash); anything else through calls().
  auto first = calls.find_first_not_of(" \t\r\n");
  if (size % 2 == 0 && first != std::string_view::npos && calls[first] == '{') {
    tierscope::CallsHarReader reader;
    for (std::size_t at = 0, step = 1 + size % 13; at < calls.size(); at += step) {
      auto fed = reader.feed(calls.substr(at, step));
      if (!fed.ok) {
        fuzz::error(fed);  // a readable error
        break;
      }
    }
    check(reader.finish(config, ""));  // after a failed piece: that same error again
  } else {
    check(tierscope::calls(calls, config, ""));
  }
  return 0;
}
