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
}
