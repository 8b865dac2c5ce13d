// The JSON report of docs/report.md, and the other JSON documents of the API.
#pragma once
#include <nlohmann/json.hpp>

#include "evaluate.hpp"

namespace tierscope {
using ojson = nlohmann::ordered_json;

// The version of the JSON documents' shape (docs/report.schema.json): raised when a field changes
// meaning or goes away (adding fields does not raise it).
constexpr int kSchemaVersion = 1;
// {"schema_version": N, "tool": {...}, "catalog": {...}}: the first fields of every document the core produces.
ojson header_json(const Catalog& catalog);
ojson input_json(const RawInput& in, const Options& o);
ojson request_json(const Request& req);
ojson diagnostics_json(const std::vector<Diagnostic>& diags);
ojson report_json(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                  const Catalog& catalog);
ojson scope_entry_json(const Scope& s);
// Text of a JSON document as every front end prints it: 2-space indent, UTF-8 kept.
std::string dump(const ojson& j);
std::string percent_text(std::uint32_t part, std::uint32_t whole);  // "50.0"

}  // namespace tierscope
