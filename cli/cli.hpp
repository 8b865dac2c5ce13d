// The tierscope CLI's commands. Each command file (check.cpp, url.cpp, ...) defines one add_<name>()
// that registers a CLI11 subcommand with its options and returns the function that runs it after
// parsing. To add a command: write <name>.cpp with add_<name>(), declare it here and list it in
// kCommands (main.cpp). cli/CMakeLists.txt compiles every .cpp in cli/.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "tierscope/api.hpp"

namespace tierscope_cli {
using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

// The input could not be read or the arguments make no sense: "tierscope: <message>", exit 2.
struct Failure {
  std::string message;
};

// Runs a parsed command; returns the exit code (0 report produced, 1 a gate failed).
using Run = std::function<int()>;
using AddCommand = Run (*)(CLI::App& app);

Run add_check(CLI::App& app);
Run add_url(CLI::App& app);
Run add_migrate(CLI::App& app);
Run add_diff(CLI::App& app);
Run add_scopes(CLI::App& app);
Run add_calls(CLI::App& app);  // calls.cpp
Run add_explain(CLI::App& app);  // explain.cpp

// --- shared by the commands (common.cpp) ---
// The whole file, or stdin for "-". Throws Failure.
std::string read_file(const std::string& path);
// --format F, one of `allowed` (the first is the default, already in `format`).
void add_format(CLI::App& cmd, std::string& format, const std::vector<std::string>& allowed);
// --catalog FILE; load_catalog_option() loads it (if given) before the command reads its input.
void add_catalog(CLI::App& cmd, std::string& path);
void load_catalog_option(const std::string& path);
// --color / --no-color; use_color() decides: flag, else FORCE_COLOR, NO_COLOR (non-empty), a terminal.
void add_color(CLI::App& cmd, int& color);
bool use_color(int color);
// A repeatable option that takes one value per occurrence (--profile a --profile b).
CLI::Option* add_list(CLI::App& cmd, const std::string& name, std::vector<std::string>& values, const std::string& help,
                      const std::string& type = "LIST");
// A single-value option; given twice, the last wins.
CLI::Option* add_value(CLI::App& cmd, const std::string& name, std::string& value, const std::string& help,
                       const std::string& type = "TEXT");
// The result of a core call as JSON text, or Failure with the core's message (prefixed by origin).
std::string need(const tierscope::Outcome& out, const std::string& origin = "");
// A JSON document as the core writes it (2-space indent), for documents the CLI extends.
std::string dump(const ojson& doc);

// --- Markdown of the other commands' documents (markdown.cpp; check's is the core's render_markdown) ---
std::string markdown_migrate(const json& migration);
std::string markdown_diff(const json& diff);

// --- HubSpot project folders (project.cpp) ---
bool is_directory(const std::string& path);
bool path_exists(const std::string& path);
// The files of a folder whose names end with one of extensions, as the core's {"path": "text"}
// (node_modules, .git, dist, build skipped; symbolic links not followed; bounded). Throws Failure.
std::string project_files_json(const std::string& dir, bool configs, bool sources);
// A git revision's files (git archive of the repository here), as project_files_json. Throws Failure.
std::string revision_files_json(const std::string& rev);
void load_project_rules();  // the built-in data/sources/project-rules.json
void load_client_methods();  // the built-in data/client-methods.json
std::string project_text(const json& project_doc);  // the project's part of check DIR's table
std::string project_markdown(const ojson& project_doc);
// diff of two projects as text or Markdown: the uninstall warnings first, then feature changes and scope changes.
std::string project_diff_text(const ojson& diff, bool markdown);

}  // namespace tierscope_cli
