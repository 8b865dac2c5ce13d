// Finding the HubSpot API calls in an app's JS/TS and Python source: literal paths and URLs
// (template strings `${…}` and f-strings `{…}` read as path templates) and the methods of HubSpot's
// official clients (data/client-methods.json, load_client_methods), each with its file and line.
#pragma once
#include <string>
#include <vector>

#include "project/project.hpp"

namespace tierscope {

constexpr std::size_t kMaxScanFiles = 20000;

struct FoundCall {
  std::string file;
  std::size_t line = 0;
  std::string method;  // upper-case; empty: not said next to it (the calls reader assumes GET)
  std::string target;  // a path or URL
  std::string via;     // literal | client
  std::string client_method;  // via client: the chain as in the table (crm.contacts.basicApi.getPage)
};

// Parses data/client-methods.json and keeps it for scan_sources. Throws InputError.
void set_client_methods_json(std::string_view text);
bool client_methods_loaded();
ojson client_methods_info();  // {"javascript": {package, version}, "python": {...}}

// True for the source files scan_sources reads (.js .jsx .ts .tsx .mjs .cjs .py).
bool scanned_source(const std::string& path);
std::vector<FoundCall> scan_sources(const ProjectFiles& files);

// The calls report (calls_json) of the calls found, each call with "file", "line" (in that file)
// and "via"; config_text: an app config to compare with, or empty.
ojson scan_calls_json(const ProjectFiles& files, std::string_view config_text, const Options& options);

}  // namespace tierscope
