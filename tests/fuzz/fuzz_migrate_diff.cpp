// Surface: the OAuth 1 migration (migrate) and the before/after comparison (diff).
// Input: migrate reads all of it; diff reads the first line as before, the rest as after.
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string t = fuzz::text(data, size);
  fuzz::outcome(tierscope::migrate(t));
  auto [before, after] = fuzz::split(t);
  fuzz::outcome(tierscope::diff(before, after, ""));
  return 0;
}
