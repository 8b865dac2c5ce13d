// tierscope check: one input (or an app config and its install URL) -> the report; --require-install-on gates.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "operations_builtin.hpp"
#include "report/markdown.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files, required, conditional, optional, profiles, gates;
  std::string url, format = "table", account, catalog;
  bool without_conditional = false, allow_uncertain = false;
  int color = -1;
};

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

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  return out;
}

bool gate_passes(const std::string& status, bool allow_uncertain) {
  return status == "installs" || (allow_uncertain && status == "uncertain");
}

std::string names(const ojson& list) {
  std::string out;
  for (const auto& n : list) out += (out.empty() ? "" : ", ") + n.get<std::string>();
  return out;
}

// Why a profile is not installs: what it lacks, or (uncertain) the blocking scopes whose sources
// disagree there and those HubSpot documents no tier for.
std::string gate_reason(const ojson& report, const ojson& row) {
  if (!row["missing"].empty()) return ": it lacks " + names(row["missing"]);
  if (row["status"] != "uncertain") return "";
  ojson blocking = report["request"]["required"];
  if (!report["input"]["without_conditional"].get<bool>())
    for (const auto& c : report["request"]["conditional"]) blocking.push_back(c);
  ojson disputed = ojson::array(), unverified = ojson::array();
  for (const char* key : {"disputed", "unverified"})
    for (const auto& n : row[key])
      if (std::find(blocking.begin(), blocking.end(), n) != blocking.end()) (key[0] == 'd' ? disputed : unverified).push_back(n);
  std::string out;
  if (!disputed.empty()) out += ": the sources disagree on " + names(disputed) + " there (disputed; see the sources-disagree warning)";
  if (!unverified.empty())
    out += std::string(out.empty() ? ":" : ";") + " HubSpot documents no tier for " + names(unverified) + " (unverified)";
  return out + " (--allow-uncertain accepts uncertain)";
}

// The --require-install-on result: {"profiles": asked, "failed": [...], "ok"}. A request with no
// scopes fails every gate (an empty input is a mistake, not a pass). Unknown ids are a Failure.
ojson gate_json(const ojson& report, const std::vector<std::string>& asked, bool allow_uncertain,
                std::vector<std::string>& messages) {
  const ojson& req = report["request"];
  bool empty = req["required"].empty() && req["conditional"].empty() && req["optional"].empty();
  ojson failed = ojson::array();
  for (const auto& id : asked) {
    const ojson* row = nullptr;
    for (const auto& p : report["profiles"])
      if (p["id"] == id) row = &p;
    if (!row) throw Failure{"--require-install-on: unknown profile " + id};
    std::string status = (*row)["status"];
    if (empty) {
      messages.push_back(id + " (the request has no scopes)");
    } else if (!gate_passes(status, allow_uncertain)) {
      messages.push_back(id + " is " + status + ", not installs" + gate_reason(report, *row));
    } else {
      continue;
    }
    if (std::find(failed.begin(), failed.end(), id) == failed.end()) failed.push_back(id);
  }
  return {{"profiles", asked}, {"failed", failed}, {"ok", failed.empty()}};
}

// Markdown: the core's list of escaped cells (names come from the command line).
std::string gate_markdown(const ojson& report) {
  const ojson& g = report["gate"];
  using tierscope::markdown_list;
  const ojson& req = report["request"];
  bool empty = req["required"].empty() && req["conditional"].empty() && req["optional"].empty();
  std::string md = g["ok"].get<bool>() ? std::string("**Gate: ✅ passed**")
                                       : "**Gate: ❌ failed** on " + markdown_list(g["failed"]) + (empty ? " (the request has no scopes)" : "");
  return md + " · must install on: " + markdown_list(g["profiles"]) + "\n\n";
}

int run_check(CheckArgs& a) {
  load_catalog_option(a.catalog);
  ojson fields = ojson::object(), options = ojson::object();
  if (!a.required.empty()) fields["required"] = joined(a.required);
  if (!a.conditional.empty()) fields["conditional"] = joined(a.conditional);
  if (!a.optional.empty()) fields["optional"] = joined(a.optional);
  if (!a.url.empty()) fields["url"] = a.url;
  if (a.without_conditional) options["withoutConditional"] = true;
  if (!a.account.empty()) options["account"] = parse_account(a.account);
  const auto& files = a.files;
  if (files.size() > 2)
    throw Failure{"check takes one input, or an app config and an install URL (got " + std::to_string(files.size()) + " files)"};
  // An app config and its install URL: two files, or a file and --url.
  // A folder: a HubSpot developer project (hsproject.json, the app config, its components).
  bool project = files.size() == 1 && is_directory(files[0]);
  if (project && !fields.empty()) throw Failure{"give either a project folder or --required/--conditional/--optional/--url, not both"};
  bool pair = !project && (files.size() == 2 || (files.size() == 1 && fields.size() == 1 && fields.contains("url")));
  if (!pair && !files.empty() && !fields.empty())
    throw Failure{"give either an input file or --required/--conditional/--optional/--url, not both"};
  if (files.empty() && fields.empty()) throw Failure{"no input: give a FILE, - for stdin, or --required LIST (see tierscope check --help)"};
  // Gates need their profiles' rows: --profile rows plus gate rows are shown.
  std::vector<std::string> rows = a.profiles;
  if (!rows.empty()) rows.insert(rows.end(), a.gates.begin(), a.gates.end());
  if (!rows.empty()) options["profiles"] = rows;
  std::string opts = options.empty() ? "" : options.dump();

  std::string text;
  ojson project_doc;
  if (project) {
    load_project_rules();
    load_client_methods();
    auto ops = tierscope::load_operations(tierscope::builtin_operations_json());
    if (!ops.ok) throw Failure{ops.error};
    std::string all = project_files_json(files[0], {".json", ".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".py"});
    project_doc = ojson::parse(need(tierscope::check_project(all, opts), files[0] + ": "));
    if (project_doc["check"].is_null())  // never a verdict for an app that was not read
      throw Failure{files[0] + ": no app config: looked for an app *-hsmeta.json (type app), public-app.json or app.json under " +
                    project_doc["project"]["src_dir"].get<std::string>() + "/"};
    text = dump(project_doc["check"]);
  } else if (pair) {
    std::string first = read_file(files[0]), second = files.size() == 2 ? read_file(files[1]) : a.url;
    auto parsed = tierscope::parse_text(first);
    if (parsed.ok && json::parse(parsed.json)["format"] == "install-url") std::swap(first, second);  // either order
    text = need(tierscope::check_pair(first, second, opts));
  } else if (!files.empty()) {
    text = need(tierscope::check_text(read_file(files[0]), opts), files[0] == "-" ? "" : files[0] + ": ");
  } else {
    text = need(tierscope::check_fields(fields.dump(), opts));
  }

  std::vector<std::string> failures;
  if (!a.gates.empty()) {  // the report gains "gate" (only then: without gates it is the API's report, byte for byte)
    ojson report = ojson::parse(text);
    report["gate"] = gate_json(report, a.gates, a.allow_uncertain, failures);
    text = dump(report);
    if (project) {  // the project's errors fail a gate too (an upload HubSpot refuses installs nowhere)
      for (const auto& d : project_doc["diagnostics"])
        if (d["severity"] == "error")
          failures.push_back("the project: " + d["code"].get<std::string>() + (d["file"].is_string() ? " in " + d["file"].get<std::string>() : std::string()));
      project_doc["gate"] = report["gate"];
      if (!failures.empty()) project_doc["gate"]["ok"] = false;
    }
  }
  if (project) {
    project_doc["check"] = ojson::parse(text);
    if (a.format == "json") std::cout << dump(project_doc) << "\n";
    else if (a.format == "markdown") std::cout << project_markdown(project_doc) << need(tierscope::render_markdown(dump(project_doc["check"])));
    else std::cout << project_text(json::parse(dump(project_doc))) << render_table(json::parse(text), use_color(a.color));
    for (const auto& m : failures) std::cerr << "tierscope: gate failed: " << m << "\n";
    return failures.empty() ? 0 : 1;
  }
  if (a.format == "json") {
    std::cout << text << "\n";
  } else if (a.format == "markdown") {
    std::string md = need(tierscope::render_markdown(text));
    if (!a.gates.empty()) md.insert(md.find("\n\n") + 2, gate_markdown(ojson::parse(text)));  // below the heading
    std::cout << md;
  } else {
    std::cout << render_table(json::parse(text), use_color(a.color));
  }
  for (const auto& m : failures) std::cerr << "tierscope: gate failed: " << m << "\n";
  return failures.empty() ? 0 : 1;
}
}  // namespace

Run add_check(CLI::App& app) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Which portal tiers can install an app with these scopes");
  cmd->add_option("input", a->files,
                  "an app config JSON, an install URL or a scope list (- for stdin; auto-detected); "
                  "two inputs: an app config and its install URL")
      ->type_name("FILE");
  add_list(*cmd, "--required", a->required, "required scopes (space, comma or newline separated; repeatable)");
  add_list(*cmd, "--conditional", a->conditional, "conditionally required scopes");
  add_list(*cmd, "--optional", a->optional, "optional scopes");
  add_value(*cmd, "--url", a->url, "an install URL (scope and optional_scope are read)", "URL");
  cmd->add_flag("--without-conditional", a->without_conditional,
                "evaluate the install URL that leaves the conditionally required scopes out");
  add_format(*cmd, a->format, {"table", "json", "markdown"});
  add_list(*cmd, "--profile", a->profiles, "show only this profile (repeatable): free, marketing-starter, ...", "ID");
  add_value(*cmd, "--account", a->account,
            "also evaluate one account, e.g. \"marketing=professional,sales=starter,sensitive_data\"", "SPEC");
  add_list(*cmd, "--require-install-on", a->gates,
           "exit 1 unless profile ID installs (repeatable; a CI gate; a request with no scopes fails it)", "ID");
  cmd->add_flag("--allow-uncertain", a->allow_uncertain,
                "let the gate pass a profile that is uncertain (the sources disagree, or no tier is documented)");
  add_catalog(*cmd, a->catalog);
  add_color(*cmd, a->color);
  cmd->footer(
      "Two inputs (CONFIG URL-FILE, or CONFIG --url URL): the install URL checked against the app config.\n"
      "A folder: a HubSpot developer project (hsproject.json, its app config, cards, webhooks, workflow actions, functions).\n"
      "Exit codes: 0 report produced, 1 a --require-install-on gate failed, 2 the input could not be read.");
  return [a] { return run_check(*a); };
}

}  // namespace tierscope_cli
