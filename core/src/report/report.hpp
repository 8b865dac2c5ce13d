// The JSON report of docs/report.md, and the other JSON documents of the API.
#pragma once
#include <nlohmann/json.hpp>

#include "evaluate/evaluate.hpp"
#include "report/json_writer.hpp"

namespace tierscope {
struct UrlCheck;  // install_url.hpp
using ojson = nlohmann::ordered_json;

// The version of the JSON documents' shape (docs/report.schema.json): raised when a field changes
// meaning or goes away (adding fields does not raise it).
constexpr int kSchemaVersion = 1;
// {"schema_version": N, "tool": {...}, "catalog": {...}}: the first fields of every document the core produces.
void write_header(JsonWriter& w, const Catalog& catalog);  // the three members, into an open object
ojson header_json(const Catalog& catalog);
// {"as_of", "scopes", "configurations", "tiers", "hubs", "features", "profiles"}: the catalog and its model.
ojson catalog_info_json(const Catalog& catalog);
void write_request(JsonWriter& w, const Request& req);
ojson request_json(const Request& req);
void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& diags);
ojson diagnostics_json(const std::vector<Diagnostic>& diags);
// The check report (docs/report.md), written directly; url_check: check_pair's verdict on the URL, or null.
// coded: the wasm module's wire form for check() (web/tierscope.js rebuilds the report from it): the array
// [names, report], where names is the evaluation's scope names and every name list of the profiles (also
// the account's) and of the suggestions is a number instead: the list's offset in coded_lists(), which
// holds its length, then its indexes into names.
std::string report_text(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                        const Catalog& catalog, const UrlCheck* url_check, bool coded = false);
// The name lists of the last coded report of this thread (valid until the next one).
const std::vector<std::uint32_t>& coded_lists();
ojson report_json(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                  const Catalog& catalog);  // the same as a tree
ojson scope_entry_json(const Scope& s);
// Text of a JSON document as every front end prints it: 2-space indent, UTF-8 kept.
std::string dump(const ojson& j);
std::string percent_text(std::uint32_t part, std::uint32_t whole);  // "50.0"

}  // namespace tierscope
