// A report as Markdown, for pull-request comments (CLI --format markdown, JS markdown()).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace tierscope {
// Throws std::runtime_error when the report lacks a field it needs.
std::string markdown_report(const nlohmann::ordered_json& report);
}
