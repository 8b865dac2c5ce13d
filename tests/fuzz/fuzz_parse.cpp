// Surface: reading what a user pastes (parse_text), the catalog search, and Markdown from any JSON.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string t = fuzz::text(data, size);
  fuzz::outcome(tierscope::parse_text(t));
  fuzz::outcome(tierscope::list_scopes(t));
  auto md = tierscope::render_markdown(t);  // Markdown text, not JSON: only its errors are checked
  if (!md.ok) fuzz::outcome(md);
  return 0;
}
