// Surface: API calls -> scopes (calls). Input: the calls (a list of "METHOD /path" lines, URLs or a
// HAR file); after a line "---", an app config to compare them with.
#include "fuzz.hpp"
#include "operations_builtin.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool loaded = tierscope::load_operations(tierscope::builtin_operations_json()).ok;  // as the CLI does
  fuzz::require(loaded, "the built-in operations table loads");
  std::string t = fuzz::text(data, size), config;
  auto cut = t.find("\n---\n");
  if (cut != std::string::npos) {
    config = t.substr(cut + 5);
    t.resize(cut);
  }
  fuzz::outcome(tierscope::calls(t, config, ""));
  return 0;
}
