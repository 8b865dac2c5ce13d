// Helpers shared by the CLI's commands: input files, --format, --catalog, colour, core results.
#include <cstdlib>
#include <iostream>

#include <unistd.h>
#ifdef __EMSCRIPTEN__
#include <emscripten.h>
// The wasm build for node (npx tierscope, web/cli.cmake): emscripten's isatty() is always true there.
EM_JS(int, tierscope_stdout_is_terminal, (), { return require('tty').isatty(1) ? 1 : 0; });
#else
static int tierscope_stdout_is_terminal() { return isatty(1); }
#endif

#include "calls.hpp"
#include "calls/calls_input.hpp"
#include "cli.hpp"
#include "input/input.hpp"
#include "read_input.hpp"

namespace tierscope_cli {

// Bounded reads (read_input.cpp): at most the limit + 1 byte of any file, pipe or device.
std::string read_file(const std::string& path) { return read_input(path, tierscope::kMaxInputBytes); }

std::string read_input_file(const std::string& path) { return read_input(path, tierscope::kMaxCallsInputBytes); }  // a HAR: 16 MiB

CLI::Option* add_list(CLI::App& cmd, const std::string& name, std::vector<std::string>& values, const std::string& help,
                      const std::string& type) {
  // One value per occurrence, so `--profile free FILE` leaves FILE a positional argument.
  return cmd.add_option(name, values, help)->allow_extra_args(false)->type_name(type);
}

CLI::Option* add_value(CLI::App& cmd, const std::string& name, std::string& value, const std::string& help,
                       const std::string& type) {
  return cmd.add_option(name, value, help)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)->type_name(type);
}

void add_format(CLI::App& cmd, std::string& format, const std::vector<std::string>& allowed) {
  std::string names;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    names += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + allowed[i];
  add_value(cmd, "--format", format, names + " (default " + allowed.front() + ")", "F")
      ->check(CLI::Validator(
          [allowed, names](std::string& v) {
            for (const auto& a : allowed)
              if (v == a) return std::string();
            return "must be " + names + ", not " + v;
          },
          "", "format"));
}

void add_catalog(CLI::App& cmd, std::string& path) {
  add_value(cmd, "--catalog", path, "use another scope catalog (same format as data/hubspot-scopes.json)", "FILE");
}

void load_catalog_option(const std::string& path) {
  if (path.empty()) return;
  auto loaded = tierscope::load_catalog(read_input(path, tierscope::kMaxCatalogBytes));
  if (!loaded.ok) throw Failure{path + ": " + loaded.error};
}

void add_color(CLI::App& cmd, int& color) {
  cmd.add_flag_callback("--color", [&color] { color = 1; }, "colour on (default: on for a terminal; see NO_COLOR, FORCE_COLOR)");
  cmd.add_flag_callback("--no-color", [&color] { color = 0; }, "colour off");
}

bool use_color(int color) {
  if (color >= 0) return color == 1;
  // FORCE_COLOR (non-empty) wins over NO_COLOR, as in node: 0 or false turn colour off, anything else on.
  const char* force = std::getenv("FORCE_COLOR");
  if (force && *force) return std::strcmp(force, "0") != 0 && std::strcmp(force, "false") != 0;
  const char* no = std::getenv("NO_COLOR");  // no-color.org: only a non-empty value counts
  if (no && *no) return false;
  return tierscope_stdout_is_terminal() == 1;
}

std::string need(const tierscope::Outcome& out, const std::string& origin) {
  if (!out.ok) throw Failure{origin + out.error};
  return out.json;
}

std::string dump(const ojson& doc) { return doc.dump(2, ' ', false, ojson::error_handler_t::replace); }

}  // namespace tierscope_cli
