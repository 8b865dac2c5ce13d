// A report as Markdown, for pull-request comments (CLI --format markdown, JS markdown()).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace tierscope {
// Throws std::runtime_error when the report lacks a field it needs.
std::string markdown_report(const nlohmann::ordered_json& report);

// Whether a check report read no scope (its empty-request diagnostic): its profiles are what an app
// asking for nothing gets, so the Markdown and the CLI's table give no verdict (as the page, site/verdict.js).
template <class Json>
bool no_scope_read(const Json& report) {
  for (const auto& d : report.at("diagnostics"))
    if (d.at("code") == "empty-request") return true;
  return false;
}

// The pieces, shared with the CLI's Markdown of migrate and diff:
// text from the input (scope names, notes) with Markdown and HTML inert in a table cell, and control
// characters written as \u001b;
std::string markdown_cell(const std::string& text);
// an array of strings as "a, b" ("–" when empty);
std::string markdown_list(const nlohmann::ordered_json& names);
// a status with its sign ("✅ installs", "❌ permission error", ...).
std::string markdown_status(const std::string& status);
}
