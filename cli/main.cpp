// tierscope CLI: `tierscope check`, `tierscope scopes`. See --help.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "calls.hpp"
#include "table.hpp"
#include "tierscope/api.hpp"

namespace {
using nlohmann::json;
using ojson = nlohmann::ordered_json;

const char* kUsage = R"(tierscope: will a HubSpot OAuth install succeed on each portal tier?

Usage:
  tierscope check [options] [FILE | -]
  tierscope check [options] CONFIG URL-FILE    (or CONFIG --url URL: the URL checked against the config)
  tierscope url CONFIG [--client-id ID] [--redirect-uri URI] [--eu] [--account-id N] [--format text|json]
  tierscope migrate [FILE | - | --scopes LIST] [--format text|json]
  tierscope diff OLD NEW [--without-conditional] [--format text|json]
  tierscope scopes [--search TEXT] [--format table|json]
  tierscope calls FILE [CONFIG] [--format text|json|markdown] [--operations FILE]
  tierscope --help | --version

check reads one input (two: an app config and its install URL, checked against each other): a FILE (an app config JSON, an install URL or a scope list; - for stdin;
auto-detected) or the lists given with --required/--conditional/--optional/--url.
  --required LIST        required scopes (space, comma or newline separated; repeatable)
  --conditional LIST     conditionally required scopes
  --optional LIST        optional scopes
  --url URL              an install URL (scope and optional_scope are read)
  --without-conditional  evaluate the install URL that leaves the conditionally required scopes out
  --format F             table (default), json or markdown
  --profile ID           show only this profile (repeatable): free, marketing-starter, ...
  --account SPEC         also evaluate one account, e.g. "marketing=professional,sales=starter,sensitive_data"
  --require-install-on ID  exit 1 unless profile ID installs (repeatable; a CI gate)
  --catalog FILE         use another scope catalog (same format as data/hubspot-scopes.json)
  --color / --no-color   force colour on or off (default: on for a terminal, off with NO_COLOR)

calls reads the API calls an app makes (lines of METHOD /path, URLs, or a HAR file exported from the
browser's network panel; - for stdin) and reports the scopes each needs, the least-privilege set and
who can install it; with the app's CONFIG (app config, install URL or scope list) also the requested
scopes no call needs and the calls no requested scope covers.

Exit codes: 0 report produced, 1 a --require-install-on gate failed, 2 the input could not be read.
)";

struct Failure {
  std::string message;
};

std::string read_file(const std::string& path) {
  std::ostringstream ss;
  if (path == "-") {
    ss << std::cin.rdbuf();
    return ss.str();
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Failure{"cannot read " + path + ": " + std::strerror(errno)};
  ss << f.rdbuf();
  return ss.str();
}

std::string need_value(int& i, int argc, char** argv) {
  if (i + 1 >= argc) throw Failure{std::string(argv[i]) + " needs a value"};
  return argv[++i];
}

ojson parse_account(const std::string& spec) {
  ojson hubs = ojson::object(), features = ojson::array();
  std::string item;
  std::istringstream in(spec);
  while (std::getline(in, item, ',')) {
    if (item.empty()) continue;
    auto eq = item.find('=');
    if (eq == std::string::npos) features.push_back(item);
    else hubs[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return {{"hubs", hubs}, {"features", features}};
}

int run_check(int argc, char** argv) {
  ojson fields = ojson::object(), options = ojson::object();
  std::vector<std::string> files, gates, profiles;
  std::string format = "table";
  int color = -1;
  auto append = [&](const char* key, const std::string& value) {
    std::string prev = fields.contains(key) ? fields[key].get<std::string>() + " " : "";
    fields[key] = prev + value;
  };
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--required") append("required", need_value(i, argc, argv));
    else if (a == "--conditional") append("conditional", need_value(i, argc, argv));
    else if (a == "--optional") append("optional", need_value(i, argc, argv));
    else if (a == "--url") fields["url"] = need_value(i, argc, argv);
    else if (a == "--without-conditional") options["withoutConditional"] = true;
    else if (a == "--format") format = need_value(i, argc, argv);
    else if (a == "--profile") profiles.push_back(need_value(i, argc, argv));
    else if (a == "--require-install-on") gates.push_back(need_value(i, argc, argv));
    else if (a == "--account") options["account"] = parse_account(need_value(i, argc, argv));
    else if (a == "--catalog") {
      std::string path = need_value(i, argc, argv);
      auto loaded = tierscope::load_catalog(read_file(path));
      if (!loaded.ok) throw Failure{path + ": " + loaded.error};
    } else if (a == "--color") color = 1;
    else if (a == "--no-color") color = 0;
    else if (a == "--help" || a == "-h") { std::cout << kUsage; return 0; }
    else if (a.size() > 1 && a[0] == '-' && a != "-") throw Failure{"unknown option " + a + " (see tierscope --help)"};
    else files.push_back(a);
  }
  if (format != "table" && format != "json" && format != "markdown")
    throw Failure{"--format must be table, json or markdown, not " + format};
  if (files.size() > 2) throw Failure{"check takes one input, or an app config and an install URL (got " + std::to_string(files.size()) + " files)"};
  // An app config and its install URL: two files, or a file and --url.
  bool pair = files.size() == 2 || (files.size() == 1 && fields.size() == 1 && fields.contains("url"));
  if (!pair && !files.empty() && !fields.empty())
    throw Failure{"give either an input file or --required/--conditional/--optional/--url, not both"};
  if (files.empty() && fields.empty()) throw Failure{"no input: give a FILE, - for stdin, or --required LIST (see --help)"};
  // Gates need their profiles' rows: --profile rows plus gate rows are shown.
  std::vector<std::string> rows = profiles;
  if (!profiles.empty())
    for (const auto& g : gates) rows.push_back(g);
  if (!rows.empty()) options["profiles"] = rows;
  std::string opts = options.empty() ? "" : options.dump();
  tierscope::Outcome out;
  std::string origin;
  if (pair) {
    std::string a = read_file(files[0]), b = files.size() == 2 ? read_file(files[1]) : fields["url"].get<std::string>();
    auto first = tierscope::parse_text(a);
    if (first.ok && json::parse(first.json)["format"] == "install-url") std::swap(a, b);  // either order
    out = tierscope::check_pair(a, b, opts);
  } else if (!files.empty()) {
    origin = files[0] == "-" ? "" : files[0] + ": ";
    out = tierscope::check_text(read_file(files[0]), opts);
  } else {
    out = tierscope::check_fields(fields.dump(), opts);
  }
  if (!out.ok) throw Failure{origin + out.error};
  json report = json::parse(out.json);
  if (format == "json") {
    std::cout << out.json << "\n";
  } else if (format == "markdown") {
    auto md = tierscope::render_markdown(report.dump());
    if (!md.ok) throw Failure{md.error};
    std::cout << md.json;
  } else {
    bool use_color = color == 1 || (color == -1 && isatty(1) && !std::getenv("NO_COLOR"));
    std::cout << tierscope_cli::render_table(report, use_color);
  }
  int exit_code = 0;
  for (const auto& g : gates) {
    json status;
    for (const auto& p : report["profiles"])
      if (p["id"] == g) status = p["status"];
    if (status.is_null()) throw Failure{"--require-install-on: unknown profile " + g};
    if (status != "installs") {
      std::cerr << "tierscope: gate failed: " << g << " is " << status.get<std::string>() << ", not installs\n";
      exit_code = 1;
    }
  }
  return exit_code;
}

std::string one_input(const std::vector<std::string>& files, const char* what) {
  if (files.size() != 1) throw Failure{std::string(what) + " takes one input (a FILE or - for stdin)"};
  return read_file(files[0]);
}

void print(const tierscope::Outcome& out, const std::string& format, std::string (*render)(const json&)) {
  if (!out.ok) throw Failure{out.error};
  if (format == "json") std::cout << out.json << "\n";
  else std::cout << render(json::parse(out.json));
}

int run_url(int argc, char** argv) {
  ojson options = ojson::object();
  std::vector<std::string> files;
  std::string format = "text";
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--client-id") options["clientId"] = need_value(i, argc, argv);
    else if (a == "--redirect-uri") options["redirectUri"] = need_value(i, argc, argv);
    else if (a == "--account-id") options["accountId"] = need_value(i, argc, argv);
    else if (a == "--eu") options["eu"] = true;
    else if (a == "--format") format = need_value(i, argc, argv);
    else if (a.size() > 1 && a[0] == '-') throw Failure{"unknown option " + a + " for url (see tierscope --help)"};
    else files.push_back(a);
  }
  if (format != "text" && format != "json") throw Failure{"--format must be text or json for url"};
  print(tierscope::build_urls(one_input(files, "url"), options.dump()), format, tierscope_cli::render_urls);
  return 0;
}

int run_migrate(int argc, char** argv) {
  std::vector<std::string> files;
  std::string format = "text", list;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scopes") list += " " + need_value(i, argc, argv);
    else if (a == "--format") format = need_value(i, argc, argv);
    else if (a.size() > 1 && a[0] == '-') throw Failure{"unknown option " + a + " for migrate (see tierscope --help)"};
    else files.push_back(a);
  }
  if (format != "text" && format != "json") throw Failure{"--format must be text or json for migrate"};
  std::string text = list.empty() ? one_input(files, "migrate") : list;
  print(tierscope::migrate(text), format, tierscope_cli::render_migrate);
  return 0;
}

int run_diff(int argc, char** argv) {
  std::vector<std::string> files;
  std::string format = "text";
  ojson options = ojson::object();
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--format") format = need_value(i, argc, argv);
    else if (a == "--without-conditional") options["withoutConditional"] = true;
    else if (a.size() > 1 && a[0] == '-' && a != "-") throw Failure{"unknown option " + a + " for diff (see tierscope --help)"};
    else files.push_back(a);
  }
  if (format != "text" && format != "json") throw Failure{"--format must be text or json for diff"};
  if (files.size() != 2) throw Failure{"diff takes two inputs: OLD NEW"};
  print(tierscope::diff(read_file(files[0]), read_file(files[1]), options.empty() ? "" : options.dump()), format,
        tierscope_cli::render_diff);
  return 0;
}

int run_calls(int argc, char** argv) {
  std::vector<std::string> files;
  std::string format = "text", operations;
  int color = -1;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--format") format = need_value(i, argc, argv);
    else if (a == "--operations") operations = read_file(need_value(i, argc, argv));
    else if (a == "--catalog") {
      std::string path = need_value(i, argc, argv);
      auto loaded = tierscope::load_catalog(read_file(path));
      if (!loaded.ok) throw Failure{path + ": " + loaded.error};
    } else if (a == "--color") color = 1;
    else if (a == "--no-color") color = 0;
    else if (a == "--help" || a == "-h") { std::cout << kUsage; return 0; }
    else if (a.size() > 1 && a[0] == '-') throw Failure{"unknown option " + a + " for calls (see tierscope --help)"};
    else files.push_back(a);
  }
  bool use_color = color == 1 || (color == -1 && isatty(1) && !std::getenv("NO_COLOR"));
  return tierscope_cli::run_calls(files, format, operations, use_color);
}

int run_scopes(int argc, char** argv) {
  std::string search, format = "table";
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--search") search = need_value(i, argc, argv);
    else if (a == "--format") format = need_value(i, argc, argv);
    else if (a == "--catalog") {
      std::string path = need_value(i, argc, argv);
      auto loaded = tierscope::load_catalog(read_file(path));
      if (!loaded.ok) throw Failure{path + ": " + loaded.error};
    } else if (a == "--help" || a == "-h") { std::cout << kUsage; return 0; }
    else throw Failure{"unknown argument " + a + " for scopes (see tierscope --help)"};
  }
  if (format != "table" && format != "json") throw Failure{"--format must be table or json for scopes"};
  auto out = tierscope::list_scopes(search);
  if (!out.ok) throw Failure{out.error};
  if (format == "json") std::cout << out.json << "\n";
  else std::cout << tierscope_cli::render_scopes(json::parse(out.json));
  return 0;
}
}  // namespace

std::string tierscope_cli::read_input_file(const std::string& path) {
  try {
    return read_file(path);
  } catch (const Failure& f) {
    throw std::runtime_error(f.message);
  }
}

int main(int argc, char** argv) {
  try {
    std::string cmd = argc > 1 ? argv[1] : "";
    if (cmd == "--help" || cmd == "-h" || cmd == "help") { std::cout << kUsage; return 0; }
    if (cmd == "--version") { std::cout << "tierscope " << tierscope::version() << " (scope catalog as of " << json::parse(tierscope::catalog_info())["as_of"].get<std::string>() << ")\n"; return 0; }
    if (cmd == "check") return run_check(argc, argv);
    if (cmd == "scopes") return run_scopes(argc, argv);
    if (cmd == "url") return run_url(argc, argv);
    if (cmd == "migrate") return run_migrate(argc, argv);
    if (cmd == "diff") return run_diff(argc, argv);
    if (cmd == "calls") return run_calls(argc, argv);
    throw Failure{cmd.empty() ? "no command (see tierscope --help)" : "unknown command " + cmd + " (see tierscope --help)"};
  } catch (const Failure& f) {
    std::cerr << "tierscope: " << f.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tierscope: " << e.what() << "\n";
    return 2;
  }
}
