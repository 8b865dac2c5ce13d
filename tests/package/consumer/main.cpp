// Prints the installed library's version and one report's first profile status.
#include <cstdio>
#include <string>

#include <tierscope/api.hpp>
#include <tierscope/version.hpp>

int main() {
  auto out = tierscope::check_text("oauth automation", R"({"profiles": ["marketing-professional"]})");
  if (!out.ok) return 1;
  bool installs = out.json.find("\"status\": \"installs\"") != std::string::npos;
  std::printf("%s %s %s\n", TIERSCOPE_VERSION_STRING, tierscope::version().c_str(), installs ? "installs" : "?");
  return installs && tierscope::version() == TIERSCOPE_VERSION_STRING ? 0 : 1;
}
