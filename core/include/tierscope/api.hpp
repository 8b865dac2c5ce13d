// tierscope public API: text in, JSON text out. Every function here is noexcept: failures come back
// as an Outcome with ok == false and a readable message. The CLI and the wasm bindings call only this.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tierscope {

struct Outcome {
  bool ok = false;
  std::string json;        // the result (ok == true), 2-space indented, no trailing newline
  std::string error_code;  // ok == false: "parse-error" | "input-too-large" | "bad-options" | "internal-error"
  std::string error;       // ok == false: what and where, one line
};

// Options, a JSON object (empty string = defaults):
//   {"withoutConditional": bool, "account": {"hubs": {"marketing": "professional", ...},
//    "features": ["sensitive_data", ...]}, "profiles": ["free", ...] (rows to keep; default all),
//    "lean": bool (leave out each profile's "granted" list, most of a long request's report: for a
//    page that paints its matrix first)}
// check_text: the input is anything a user pastes (list, install URL, app config), auto-detected.
Outcome check_text(std::string_view text, std::string_view options_json) noexcept;
// check_fields: {"required": [..]|"a b", "conditional": ..., "optional": ..., "url": "https://..."}
Outcome check_fields(std::string_view fields_json, std::string_view options_json) noexcept;
// parse_text: {"format", "request": {required, conditional, optional}, "diagnostics": [...]}
Outcome parse_text(std::string_view text) noexcept;
// list_scopes: a JSON array of catalog entries whose name, area or tier text contains filter
// (case-insensitive; empty = all): {name, area, tier_text, requires, confidence, source, sensitive,
// deprecated, retired_on, replaced_by, notes, api_spec_hint, label, group}
Outcome list_scopes(std::string_view filter) noexcept;
// render_markdown: a report (as produced by check_*) as a Markdown summary for pull requests.
Outcome render_markdown(std::string_view report_json) noexcept;
// check_pair: an app config and an install URL together: the report of check_text for the URL
// (with the config's kinds), plus url-config-mismatch diagnostics for RULES.md rules 1-7, every
// profile's status url-mismatch / insufficient-scopes when HubSpot refuses the URL for every
// account, and "url_check": {"ok", "rules_failed": [..], "fixed_url"}.
Outcome check_pair(std::string_view config_text, std::string_view url_text, std::string_view options_json) noexcept;
// build_urls: correct install URLs from an app config: {"app_name", "urls": [{"label", "scopes",
// "optional_scopes", "url", "installs_profiles", "combinations"}], "diagnostics"}.
// Options: {"clientId", "redirectUri", "eu": bool, "accountId"}.
Outcome build_urls(std::string_view config_text, std::string_view options_json) noexcept;
// migrate: an OAuth 1-era scope list -> replacements, who could approve it then and who gets the
// permission error now, and which scopes to make optional.
Outcome migrate(std::string_view text) noexcept;
// diff: two inputs (before and after an app update): added/removed/changed scopes, whether existing
// installs must re-authorize, the profiles whose status changes. Options as for check_text.
Outcome diff(std::string_view before_text, std::string_view after_text, std::string_view options_json) noexcept;

// calls: the API calls an app makes (lines of `METHOD /path`, URLs, or a HAR file; auto-detected)
// -> each call's operation and scope alternatives, the least-privilege scope set, and with an app
// config (config_text not empty: a config, install URL or scope list) the scopes it requests that no
// call needs (unused) and the calls none of its scopes covers (uncovered); plus the check report of
// the least-privilege set. Options as for check_text. Needs an operations table (load_operations).
Outcome calls(std::string_view calls_text, std::string_view config_text, std::string_view options_json) noexcept;
// calls on a HAR file of any size, read in pieces (a file streamed by the CLI, File.stream() in the
// page): feed() each piece in order, then finish() gives what calls() gives for the whole HAR, with
// positions in bytes. Only each request's method and URL are kept; headers, cookies and bodies are
// skipped unread. After a failed feed() the reader only answers that failure. finish() may be called
// again (another config or options) for the same calls; feed() after finish() is an error.
class CallsHarReader {
 public:
  CallsHarReader();
  ~CallsHarReader();
  CallsHarReader(const CallsHarReader&) = delete;
  CallsHarReader& operator=(const CallsHarReader&) = delete;
  Outcome feed(std::string_view piece) noexcept;  // ok: json is empty
  Outcome finish(std::string_view config_text, std::string_view options_json) noexcept;
  unsigned long long bytes() const noexcept;      // read so far

 private:
  struct Impl;
  Impl* impl_;
};
// Loads the operations table (data/api-operations.json) that calls() matches against:
// {"operations": N, "commit": "..."}. The CLI loads its built-in copy; the JS API loads it lazily.
Outcome load_operations(std::string_view operations_json) noexcept;

// explain: a HubSpot error text (install page in any of its languages, redirect error query, API 403
// body as JSON / repr / log line / HTTP response, hs CLI message) or a token's info -> {schema_version,
// input: {format, language}, cause, scopes, match, explanation, fix: [{action, scopes, why}], report?,
// grant?, diagnostics} (docs/report.md "explain"). config_text (may be empty): the app's config; the
// fix is applied to it and "report" is its check report after the fix. Options as for check_text.
Outcome explain(std::string_view text, std::string_view config_text, std::string_view options_json) noexcept;
// The HubSpot error wordings explain() recognises (data/hubspot-errors.json): for the page's preview.
Outcome error_wordings() noexcept;
// check_project: a HubSpot developer project given as {"path": "text", ...} (paths relative to the
// folder, '/' separated) -> the project document (docs/report.md "project"): platform version, app
// config, features and the scopes they imply, diagnostics with file, line and JSON path, and the check
// report of the app's request. No hsproject.json: parse-error. Needs the rules (load_project_rules).
// The files read are those the CLI's folder walk reads (project_file_read): a whole folder may be given;
// node_modules, .git, dist, build, ..., package-lock.json, files over 1 MiB and other kinds are left out
// (diff_projects keeps the .json files, scan_calls the source files).
Outcome check_project(std::string_view files_json, std::string_view options_json) noexcept;
// diff_projects: two versions of a project (as for check_project) -> auth/distribution changes that
// uninstall the app everywhere, what each feature change adds to the scopes, and diff() of the requests.
Outcome diff_projects(std::string_view before_json, std::string_view after_json, std::string_view options_json) noexcept;
// scan_calls: the HubSpot API calls found in JS/TS and Python source files ({"path": "text", ...}):
// literal paths and URLs, and the methods of HubSpot's official clients (load_client_methods) ->
// the calls report (as calls()), each call with "file", "line" (in that file), "via" (literal |
// client) and "client_method". config_text as for calls(). Needs load_operations.
Outcome scan_calls(std::string_view files_json, std::string_view config_text, std::string_view options_json) noexcept;
// Loads data/client-methods.json (the clients' method table): {"javascript": {package, version}, "python": ...}.
Outcome load_client_methods(std::string_view client_methods_json) noexcept;
// Loads data/sources/project-rules.json: {"as_of", "platform_versions": [..]}. The CLI loads its copy.
Outcome load_project_rules(std::string_view rules_json) noexcept;

// The check reports of the calls after this one (check_text, check_fields, check_pair) as compact JSON
// text (no new lines or indentation) when on: the same document, fewer bytes, for a caller that parses
// it at once (the wasm module's check()). Off by default (the 2-space indented text above); per thread.
void set_compact_reports(bool on) noexcept;
// The check reports of the calls after this one in the wasm module's wire form for check() when on: the
// array [names, report], where each of the report's name lists (each profile's, the account's and each
// suggestion's scopes) is a number, its offset in coded_report_lists(): the list's length, then its
// indexes into names (web/tierscope.js puts the names back). Off by default; per thread.
void set_coded_reports(bool on) noexcept;
// The name lists of this thread's last coded report: {words, count}, valid until the next report.
std::pair<const std::uint32_t*, std::size_t> coded_report_lists() noexcept;

// {"as_of": "...", "scopes": N}
std::string catalog_info() noexcept;
std::string version() noexcept;

// Replace the built-in catalog with another one (CLI --catalog). Validates it; on failure the
// built-in catalog stays and the Outcome says why.
Outcome load_catalog(std::string_view catalog_json) noexcept;

}  // namespace tierscope
