// A HubSpot developer project (hsproject.json, the app's config and its components) -> the features
// it has, the scopes they imply, what is wrong with its auth block, and the check report of the
// request it makes. A pure function over {path -> text}: the CLI walks the folder, the page reads a
// dropped folder. HubSpot's facts come from data/sources/project-rules.json (load_project_rules).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "report/report.hpp"

namespace tierscope {

constexpr std::size_t kMaxProjectFiles = 20000;
constexpr std::size_t kMaxProjectBytes = 64u << 20;  // all files together

using ProjectFiles = std::map<std::string, std::string>;  // path (with '/', relative to the folder) -> text

// The rules table: null until set_project_rules().
std::shared_ptr<const ojson> current_project_rules();
void set_project_rules(std::shared_ptr<const ojson> rules);
// Parses and checks data/sources/project-rules.json. Throws InputError.
std::shared_ptr<const ojson> read_project_rules(std::string_view text);

// Which files of a folder a project is read from, one rule for the CLI's folder walk and the API
// (so a page that hands over a whole dropped folder gets the CLI's answer): none in a folder named
// node_modules, .git, dist, build, .hs-build, .hs-cache, __pycache__ or .venv; no package-lock.json;
// none over 1 MiB; of the rest, the JSON files (configs) and/or the scanned source files (sources).
enum class ProjectPart { Configs = 1, Sources = 2, Both = 3 };
bool project_dir_skipped(std::string_view name);
bool project_file_read(std::string_view path, std::size_t bytes, ProjectPart part);

// Reads {"path": "text", ...} (the JS API's and the CLI's form), keeping the files project_file_read
// takes for `part`. Throws InputError.
ProjectFiles read_project_files(std::string_view files_json, ProjectPart part = ProjectPart::Both);

// The project document (docs/report.md "project"). Throws InputError when the files hold no HubSpot
// project (no hsproject.json) or its app config cannot be read.
ojson project_json(const ProjectFiles& files, const Options& options);

// The parts project_json and the project diff share: the request the app makes (null app config:
// none found) and what the project says about itself.
struct ProjectRead {
  ojson project, features, implied, diagnostics;  // as in the document
  RawInput app;                                   // the auth block as read
  std::string app_text;                           // the app config file's text
  bool has_app = false;
};
ProjectRead read_project(const ProjectFiles& files);

// Two versions of a project: auth type or distribution changes that uninstall the app everywhere,
// what each feature change adds to the scopes, and the diff of the two requests.
ojson project_diff_json(const ProjectFiles& before, const ProjectFiles& after, const Options& options);

}  // namespace tierscope
