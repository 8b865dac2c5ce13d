// tierscope CLI: argv parsed by CLI11; one file per command (check.cpp, url.cpp, ...). See --help.
#include <algorithm>
#include <iostream>

#include "cli.hpp"
#include "text.hpp"

namespace {
using namespace tierscope_cli;

// The commands, in --help order. A new command: add_<name> here and in cli.hpp.
const AddCommand kCommands[] = {add_check, add_url, add_migrate, add_diff, add_scopes, add_calls, add_explain};

std::string version_text() {
  return "tierscope " + tierscope::version() + " (scope catalog as of " +
         json::parse(tierscope::catalog_info())["as_of"].get<std::string>() + ")";
}

// The command named in the arguments (for "see tierscope check --help"), or "".
std::string command_named(CLI::App& app, const std::vector<std::string>& args) {
  for (const auto& a : args)
    for (auto* sub : app.get_subcommands({}))
      if (sub->get_name() == a) return a;
  return "";
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tierscope: will a HubSpot OAuth install succeed on each portal tier?", "tierscope"};
  app.set_version_flag("-V,--version", version_text);
  app.require_subcommand(1);
  std::vector<std::pair<CLI::App*, Run>> commands;
  for (AddCommand add : kCommands) {
    Run run = add(app);
    commands.emplace_back(app.get_subcommands({}).back(), std::move(run));
    if (commands.back().first->get_footer().empty())
      commands.back().first->footer("Exit codes: 0 output produced, 2 the input could not be read.");
  }
  app.footer(
      "Run `tierscope COMMAND --help` for a command's options (`--opt value` or `--opt=value`).\n"
      "Exit codes: 0 report produced, 1 a --require-install-on gate failed, 2 the input could not be read.");
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "help") {  // `tierscope help [COMMAND]`
    args.erase(args.begin());
    args.push_back("--help");
  }
  try {
    if (args.empty()) throw Failure{"no command (see tierscope --help)"};
    if (args[0][0] != '-' && command_named(app, {args[0]}).empty())
      throw Failure{"unknown command " + args[0] + " (see tierscope --help)"};
    std::string cmd = command_named(app, args);
    std::reverse(args.begin(), args.end());  // CLI11 takes the arguments last first
    try {
      app.parse(args);
    } catch (const CLI::Success& e) {
      return app.exit(e);  // --help, --version: printed on stdout, exit 0
    } catch (const CLI::ParseError& e) {
      throw Failure{std::string(e.what()) + " (see tierscope " + (cmd.empty() ? "" : cmd + " ") + "--help)"};
    }
    for (auto& [sub, run] : commands)
      if (sub->parsed()) return run();
    throw Failure{"no command (see tierscope --help)"};
  } catch (const Failure& f) {
    std::cerr << "tierscope: " << tierscope::escape_controls(f.message) << "\n";  // input text cannot reach the terminal
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tierscope: " << tierscope::escape_controls(e.what()) << "\n";
    return 2;
  }
}
