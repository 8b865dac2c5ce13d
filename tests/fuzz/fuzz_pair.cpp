// Surface: an app config and its install URL (check_pair), and the URL builder (build_urls).
// Input: the install URL on the first line, the app config after it (build_urls: the config, with
// the first line as its options).
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [url, config] = fuzz::split(fuzz::text(data, size));
  auto pair = tierscope::check_pair(config, url, "");
  fuzz::outcome(pair, "report");
  if (pair.ok) {
    auto md = tierscope::render_markdown(pair.json);
    fuzz::require(md.ok, "a pair report renders as Markdown", &md);
  }
  fuzz::outcome(tierscope::build_urls(config, url));
  return 0;
}
