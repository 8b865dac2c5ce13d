// tierscope public API: text in, JSON text out. Every function here is noexcept: failures come back
// as an Outcome with ok == false and a readable message. The CLI and the wasm bindings call only this.
#pragma once
#include <string>
#include <string_view>

namespace tierscope {

struct Outcome {
  bool ok = false;
  std::string json;        // the result (ok == true), 2-space indented, no trailing newline
  std::string error_code;  // ok == false: "parse-error" | "input-too-large" | "bad-options" | "internal-error"
  std::string error;       // ok == false: what and where, one line
};

// Options, a JSON object (empty string = defaults):
//   {"withoutConditional": bool, "account": {"hubs": {"marketing": "professional", ...},
//    "features": ["sensitive_data", ...]}, "profiles": ["free", ...] (rows to keep; default all)}
// check_text: the input is anything a user pastes (list, install URL, app config), auto-detected.
Outcome check_text(std::string_view text, std::string_view options_json) noexcept;
// check_fields: {"required": [..]|"a b", "conditional": ..., "optional": ..., "url": "https://..."}
Outcome check_fields(std::string_view fields_json, std::string_view options_json) noexcept;
// parse_text: {"format", "request": {required, conditional, optional}, "diagnostics": [...]}
Outcome parse_text(std::string_view text) noexcept;
// list_scopes: a JSON array of catalog entries whose name, area or tier text contains filter
// (case-insensitive; empty = all): {name, area, tier_text, requires, confidence, source, sensitive,
// deprecated, replaced_by, label, group}
Outcome list_scopes(std::string_view filter) noexcept;
// render_markdown: a report (as produced by check_*) as a Markdown summary for pull requests.
Outcome render_markdown(std::string_view report_json) noexcept;
// {"as_of": "...", "scopes": N}
std::string catalog_info() noexcept;
std::string version() noexcept;

// Replace the built-in catalog with another one (CLI --catalog). Validates it; on failure the
// built-in catalog stays and the Outcome says why.
Outcome load_catalog(std::string_view catalog_json) noexcept;

}  // namespace tierscope
