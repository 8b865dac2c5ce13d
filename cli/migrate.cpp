// tierscope migrate: an OAuth 1-era scope list -> replacements and who gets the permission error now.
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {
struct MigrateArgs {
  std::vector<std::string> files, scopes;
  std::string format = "text";
};

int run_migrate(const MigrateArgs& a) {
  std::string text;
  for (const auto& s : a.scopes) text += " " + s;
  if (a.scopes.empty()) {
    if (a.files.size() != 1) throw Failure{"migrate takes one input (a FILE or - for stdin)"};
    text = read_file(a.files[0]);
  }
  std::string out = need(tierscope::migrate(text));
  if (a.format == "json") std::cout << out << "\n";
  else if (a.format == "markdown") std::cout << markdown_migrate(json::parse(out));
  else std::cout << render_migrate(json::parse(out));
  return 0;
}
}  // namespace

Run add_migrate(CLI::App& app) {
  auto a = std::make_shared<MigrateArgs>();
  CLI::App* cmd = app.add_subcommand("migrate", "An OAuth 1-era scope list: replacements, and who gets a permission error now");
  cmd->add_option("input", a->files, "a scope list, install URL or app config (- for stdin)")->type_name("FILE");
  add_list(*cmd, "--scopes", a->scopes, "the scope list itself, instead of a FILE (repeatable)");
  add_format(*cmd, a->format, {"text", "json", "markdown"});
  return [a] { return run_migrate(*a); };
}

}  // namespace tierscope_cli
