// tierscope diff OLD NEW: an app update's scope changes, re-authorization, profiles whose result changes.
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {
struct DiffArgs {
  std::vector<std::string> files;
  std::string format = "text";
  bool without_conditional = false;
};

int run_diff(const DiffArgs& a) {
  if (a.files.size() != 2) throw Failure{"diff takes two inputs: OLD NEW"};
  std::string options = a.without_conditional ? R"({"withoutConditional":true})" : "";
  // Two project versions: folders, or git revisions of the repository here (`diff HEAD~1 HEAD`).
  bool folders = is_directory(a.files[0]) || is_directory(a.files[1]);
  bool revisions = !path_exists(a.files[0]) && !path_exists(a.files[1]);
  if (folders || revisions) {
    auto files = [&](const std::string& p) { return is_directory(p) ? project_files_json(p, true, false) : revision_files_json(p); };
    load_project_rules();
    std::string before = files(a.files[0]), after = files(a.files[1]);
    std::string out = need(tierscope::diff_projects(before, after, options));
    ojson doc = ojson::parse(out);
    if (a.format == "json") std::cout << out << "\n";
    else std::cout << project_diff_text(doc, a.format == "markdown");
    return 0;
  }
  std::string out = need(tierscope::diff(read_file(a.files[0]), read_file(a.files[1]), options));
  if (a.format == "json") std::cout << out << "\n";
  else if (a.format == "markdown") std::cout << markdown_diff(json::parse(out));
  else std::cout << render_diff(json::parse(out));
  return 0;
}
}  // namespace

Run add_diff(CLI::App& app) {
  auto a = std::make_shared<DiffArgs>();
  CLI::App* cmd = app.add_subcommand("diff", "Before and after an app update: scope changes, re-authorization, results that change");
  cmd->add_option("inputs", a->files, "the old and the new scope list, install URL or app config (one may be -); or two HubSpot project folders, or two git revisions (diff HEAD~1 HEAD)")
      ->type_name("OLD NEW");
  cmd->add_flag("--without-conditional", a->without_conditional, "leave the conditionally required scopes out of both");
  add_format(*cmd, a->format, {"text", "json", "markdown"});
  return [a] { return run_diff(*a); };
}

}  // namespace tierscope_cli
