// tierscope check: one input (or an app config and its install URL) -> the report; --require-install-on gates.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli.hpp"
#include "operations_builtin.hpp"
#include "report/markdown.hpp"
#include "text.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {

struct CheckArgs {
  std::vector<std::string> files, required, conditional, optional, profiles, gates;
  std::string url, format = "table", account, catalog;
  bool without_conditional = false, allow_uncertain = false, allow_unknown = false;
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

// The blocking scopes of a report row that are disputed or unverified there.
ojson unsure_blocking(const ojson& report, const ojson& row, const char* key) {
  ojson blocking = report["request"]["required"];
  if (!report["input"]["without_conditional"].get<bool>())
    for (const auto& c : report["request"]["conditional"]) blocking.push_back(c);
  ojson out = ojson::array();
  for (const auto& n : row[key])
    if (std::find(blocking.begin(), blocking.end(), n) != blocking.end()) out.push_back(n);
  return out;
}

// unknown-scope passes with --allow-unknown only where the known scopes would install (or be
// uncertain, with --allow-uncertain too).
bool gate_passes(const ojson& report, const ojson& row, bool allow_uncertain, bool allow_unknown) {
  const std::string status = row["status"];
  if (status == "unknown-scope" && allow_unknown)
    return allow_uncertain || (unsure_blocking(report, row, "disputed").empty() && unsure_blocking(report, row, "unverified").empty());
  return status == "installs" || (allow_uncertain && status == "uncertain");
}

std::string names(const ojson& list) {
  std::string out;
  for (const auto& n : list) out += (out.empty() ? "" : ", ") + n.get<std::string>();
  return out;
}

// Why a profile is not installs: what it lacks, or (uncertain) the blocking scopes whose sources
// disagree there, those no source speaks of there and those HubSpot documents no tier for.
std::string gate_reason(const ojson& report, const ojson& row) {
  if (!row["missing"].empty()) return ": it lacks " + names(row["missing"]);
  if (row["status"] == "unknown-scope") {
    ojson unknown = ojson::array();
    for (const auto& d : report["diagnostics"])
      if (d["code"] == "unknown-scope" && d["scope"].is_string()) unknown.push_back(d["scope"]);
    return ": tierscope's catalog (as of " + report["catalog"]["as_of"].get<std::string>() + ") lacks " + names(unknown) +
           " (check HubSpot's scope docs; --allow-unknown accepts names newer than the catalog)";
  }
  if (row["status"] != "uncertain") return "";
  ojson disputed = unsure_blocking(report, row, "disputed"), unverified = unsure_blocking(report, row, "unverified");
  ojson silent = ojson::array();  // disputed because no source speaks of this profile (undocumented-availability)
  for (auto it = disputed.begin(); it != disputed.end();)
    if (undocumented_there(report, it->get<std::string>())) silent.push_back(*it), it = disputed.erase(it);
    else ++it;
  std::string out;
  if (!disputed.empty()) out += ": the sources disagree on " + names(disputed) + " there (disputed; see the sources-disagree warning)";
  if (!silent.empty())
    out += std::string(out.empty() ? ":" : ";") + " no source speaks of " + names(silent) +
           " there (the statements that decide it predate a product of this tier; see the undocumented-availability warning)";
  if (!unverified.empty())
    out += std::string(out.empty() ? ":" : ";") + " HubSpot documents no tier for " + names(unverified) + " (unverified)";
  return out + " (--allow-uncertain accepts uncertain)";
}

// The --require-install-on result: {"profiles": asked, "failed": [...], "ok"}. A request with no
// scopes fails every gate (an empty input is a mistake, not a pass). Unknown ids are a Failure.
ojson gate_json(const ojson& report, const std::vector<std::string>& asked, bool allow_uncertain, bool allow_unknown,
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
    } else if (!gate_passes(report, *row, allow_uncertain, allow_unknown)) {
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

// Days since 1970-01-01 of a YYYY-MM-DD date (the civil calendar), or -1 when it is not one.
long days_since_epoch(const std::string& d) {
  int y = 0, m = 0, day = 0;
  if (d.size() != 10 || std::sscanf(d.c_str(), "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12 || day < 1 || day > 31)
    return -1;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400, doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// A catalog older than 180 days may miss scopes and tier changes: said on stderr (the report stays as it is).
// TIERSCOPE_TODAY=YYYY-MM-DD fixes today's date (tests).
void note_catalog_age(const std::string& as_of) {
  const char* fixed = std::getenv("TIERSCOPE_TODAY");
  const long today = fixed ? days_since_epoch(fixed) : long(std::time(nullptr) / 86400), then = days_since_epoch(as_of);
  if (then < 0 || today < 0 || today - then <= 180) return;
  std::cerr << "tierscope: note: the scope catalog is from " << as_of << " (" << today - then
            << " days ago): HubSpot may have added scopes or changed tiers since; check its scope docs\n";
}

// The cause explain() gives a text check could not read well (an install error page, a 403 body, a log
// line, token info), or "" when it recognises none: the CLI then names the command that answers it.
std::string explained_cause(const std::string& input) {
  const tierscope::Outcome e = tierscope::explain(input, "", "");
  if (!e.ok) return "";
  const ojson r = ojson::parse(e.json);
  return r["cause"].is_string() && r["cause"] != "unknown" ? r["cause"].get<std::string>() : "";
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
  // Gate ids get the core's message for an id that is no profile (unknown, or a tier HubSpot does not sell).
  if (!a.gates.empty() && rows.empty()) {
    auto valid = tierscope::check_fields(R"({"required": "oauth"})", ojson{{"profiles", a.gates}}.dump());
    if (!valid.ok) {
      const std::string::size_type at = valid.error.find("profiles: ");
      throw Failure{"--require-install-on: " + (at == std::string::npos ? valid.error : valid.error.substr(at + 10))};
    }
  }
  std::string opts = options.empty() ? "" : options.dump();

  std::string text, hint;
  ojson project_doc;
  if (project) {
    load_project_rules();
    load_client_methods();
    auto ops = tierscope::load_operations(tierscope::builtin_operations_json());
    if (!ops.ok) throw Failure{ops.error};
    std::string all = project_files_json(files[0], true, true);
    project_doc = ojson::parse(need(tierscope::check_project(all, opts), files[0] + ": "));
    if (project_doc["check"].is_null()) {  // never a verdict for an app that was not read
      std::string hint;  // the core's word on a file named like the app config that is not one
      for (const auto& d : project_doc["diagnostics"]) {
        if (d["code"] != "no-app-config") continue;
        const auto& message = d["message"].get_ref<const std::string&>();
        if (std::size_t at = message.find(".json. "); at != std::string::npos) hint = "; " + message.substr(at + 7);
      }
      throw Failure{files[0] + ": no app config: looked for an app *-hsmeta.json (type app), public-app.json or app.json under " +
                    project_doc["project"]["src_dir"].get<std::string>() + "/" + hint};
    }
    text = dump(project_doc["check"]);
  } else if (pair) {
    std::string first = read_file(files[0]), second = files.size() == 2 ? read_file(files[1]) : a.url;
    auto parsed = tierscope::parse_text(first);
    if (parsed.ok && json::parse(parsed.json)["format"] == "install-url") std::swap(first, second);  // either order
    text = need(tierscope::check_pair(first, second, opts));
  } else if (!files.empty()) {
    const std::string input = read_file(files[0]);
    const tierscope::Outcome checked = tierscope::check_text(input, opts);
    // Not read, nothing read, lines of prose beside the names, or a list from JSON that is no app config: perhaps an error text.
    const std::string& r = checked.json;
    const std::string cause = !checked.ok || r.find("\"code\": \"empty-request\"") != std::string::npos ||
                                      r.find("\"ignored\": []") == std::string::npos || r.find("\"format\": \"json-scopes\"") != std::string::npos
                                  ? explained_cause(input)
                                  : "";
    const std::string origin = files[0] == "-" ? "" : files[0] + ": ";
    if (!cause.empty()) {
      const std::string explain = "`tierscope explain " + tierscope::escape_controls(files[0]) + "` says why and what to change";
      if (!checked.ok) throw Failure{origin + checked.error + "; it reads like a HubSpot error or token info (" + cause + "): " + explain};
      hint = tierscope::escape_controls(files[0] == "-" ? "stdin" : files[0]) + " reads like a HubSpot error or token info (" + cause +
             "), not an app's scopes: " + explain;
    }
    text = need(checked, origin);
  } else {
    text = need(tierscope::check_fields(fields.dump(), opts));
  }

  std::vector<std::string> failures;
  if (!a.gates.empty()) {  // the report gains "gate" (only then: without gates it is the API's report, byte for byte)
    ojson report = ojson::parse(text);
    report["gate"] = gate_json(report, a.gates, a.allow_uncertain, a.allow_unknown, failures);
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
  // The report's catalog is the current one: its date from the catalog's summary, not from a parse of
  // the whole report (for 100 scopes that parse was a fifth of the command's instructions).
  note_catalog_age(json::parse(tierscope::catalog_info())["as_of"].get<std::string>());
  if (!hint.empty()) std::cerr << "tierscope: " << hint << "\n";
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
                "let the gate pass a profile that is uncertain (the sources disagree or none speaks of it, or no tier is documented)");
  cmd->add_flag("--allow-unknown", a->allow_unknown,
                "let the gate pass a profile that is unknown-scope (a well-formed name newer than the catalog) "
                "where the known scopes install");
  add_catalog(*cmd, a->catalog);
  add_color(*cmd, a->color);
  cmd->footer(
      "Two inputs (CONFIG URL-FILE, or CONFIG --url URL): the install URL checked against the app config.\n"
      "A folder: a HubSpot developer project (hsproject.json, its app config, cards, webhooks, workflow actions, functions).\n"
      "Exit codes: 0 report produced, 1 a --require-install-on gate failed, 2 the input could not be read.");
  return [a] { return run_check(*a); };
}

}  // namespace tierscope_cli
