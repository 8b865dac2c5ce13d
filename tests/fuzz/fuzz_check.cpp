// Surface: check_text / check_fields with options, and the report as Markdown.
// Input: the options on the first line, the input after it.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [options, input] = fuzz::split(fuzz::text(data, size));
  auto report = tierscope::check_text(input, options);
  fuzz::outcome(report, "report");
  fuzz::outcome(tierscope::check_fields(input, options), "report");
  if (report.ok) {
    auto md = tierscope::render_markdown(report.json);
    fuzz::require(md.ok && !md.json.empty(), "a report renders as Markdown", &md);
  }
  return 0;
}
