// Surface: check_text / check_fields with options, and the report as Markdown.
// Input: the options on the first line, the input after it. One evaluation per input: the input goes
// to check_fields when it names a field of that object ("required", "conditional", "optional",
// "url"), to check_text otherwise (a list, URL or app config); the report is parsed once, checked,
// and rendered as Markdown from that parse. The parse is one pass (fuzz::Scanner): the one-line check
// of every message and a tree of only what markdown_report reads (not the granted lists, verify,
// by_hub, by_feature: most of a report's bytes).
#include <stdexcept>

#include "fuzz.hpp"
#include "report/markdown.hpp"

namespace {
bool names_a_field(const std::string& input) {
  if (input.find_first_not_of(" \t\r\n") == std::string::npos || input[input.find_first_not_of(" \t\r\n")] != '{')
    return false;
  for (const char* key : {"\"required\"", "\"conditional\"", "\"optional\"", "\"url\""})
    if (input.find(key) != std::string::npos) return true;
  return false;
}

// What markdown_report (core/src/report/markdown.cpp) and the harness read of a report.
fuzz::Keep markdown_reads(std::string_view path) {
  static constexpr std::string_view reads[] = {
      "tool.version", "catalog.as_of", "input", "request", "diagnostics", "profiles.name", "profiles.status",
      "profiles.missing", "profiles.dropped", "coverage.profiles", "coverage.combinations", "suggestions",
      "account.status", "account.missing", "account.dropped", "account.account", "url_check"};
  return fuzz::keep_listed(path, reads);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [options, input] = fuzz::split(fuzz::text(data, size));
  auto report = names_a_field(input) ? tierscope::check_fields(input, options) : tierscope::check_text(input, options);
  auto j = fuzz::outcome_kept(report, markdown_reads);
  if (report.ok) {
    fuzz::report_covers(j);
    std::string md;
    try {
      md = tierscope::markdown_report(j);
    } catch (const std::exception&) {
      fuzz::require(false, "a report renders as Markdown");
    }
    fuzz::require(!md.empty(), "a report renders as Markdown");
  }
  return 0;
}
