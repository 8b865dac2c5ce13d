// Fuzz target for the core's public API (libFuzzer). Every call must return a report or a readable
// error; a report must be JSON over the 19 profiles. Built with scripts/fuzz.sh (clang, ASan, UBSan);
// replayed over tests/fuzz/seeds by ctest in every native build (replay_main.cpp).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "tierscope/api.hpp"

namespace {
void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

void check_outcome(const tierscope::Outcome& out, bool is_report) {
  if (!out.ok) {
    require(!out.error.empty(), "an error has a message");
    require(out.error_code == "parse-error" || out.error_code == "input-too-large" || out.error_code == "bad-options",
            "an error has a known code");
    return;
  }
  auto j = nlohmann::json::parse(out.json, nullptr, false);
  require(!j.is_discarded(), "the output is JSON");
  if (is_report) require(j["profiles"].size() <= 19 && j["coverage"]["profiles"]["total"] == 19, "a report covers 19 profiles");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto report = tierscope::check_text(text, "");
  check_outcome(report, true);
  check_outcome(tierscope::parse_text(text), false);
  check_outcome(tierscope::check_fields(text, ""), true);
  check_outcome(tierscope::check_text("oauth", text), true);  // the text as options
  check_outcome(tierscope::migrate(text), false);
  check_outcome(tierscope::build_urls(text, ""), false);
  // Split at the first newline: an app config and an install URL, or before/after.
  auto nl = text.find('\n');
  std::string a = text.substr(0, nl), b = nl == std::string::npos ? "" : text.substr(nl + 1);
  check_outcome(tierscope::check_pair(b, a, ""), true);
  check_outcome(tierscope::diff(a, b, ""), false);
  if (report.ok) {
    auto md = tierscope::render_markdown(report.json);
    require(md.ok && !md.json.empty(), "a report renders as Markdown");
  }
  return 0;
}
