// Terminal rendering of reports and catalog listings for the CLI.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace tierscope_cli {
std::string render_table(const nlohmann::json& report, bool color);
std::string render_scopes(const nlohmann::json& entries);
std::string render_urls(const nlohmann::json& built);
std::string render_migrate(const nlohmann::json& migration);
std::string render_diff(const nlohmann::json& diff);

// Whether a scope in a profile's `disputed` is there because no source speaks of that profile (the
// report's undocumented-availability warning names the scope, no sources-disagree warning does), not
// because the sources disagree.
template <class Json>
bool undocumented_there(const Json& report, const std::string& scope) {
  bool undocumented = false;
  for (const auto& d : report["diagnostics"])
    if (d["scope"] == scope) {
      if (d["code"] == "sources-disagree") return false;
      undocumented = undocumented || d["code"] == "undocumented-availability";
    }
  return undocumented;
}
}
