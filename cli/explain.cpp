// `tierscope explain [FILE|-] [CONFIG] [--format text|json|markdown] [--calls FILE]`: a HubSpot error
// text or a token's info -> its cause and the fix; with the app's CONFIG, the fix applied and the
// check report after it; with --calls (token info), the calls that will get a 403 with this token.
#include <iostream>
#include <memory>

#include "calls.hpp"
#include "cli.hpp"
#include "operations_builtin.hpp"
#include "table.hpp"
#include "text.hpp"

namespace tierscope_cli {
namespace {

std::string safe(const std::string& s) { return tierscope::escape_controls(s); }

std::string md(const std::string& s) {
  std::string out;
  for (char c : tierscope::escape_controls(s)) {
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '[' || c == ']' || c == '$')
      out += '\\';
    out += c;
  }
  return out;
}

std::string names(const json& arr, std::string (*f)(const std::string&)) {
  std::string out;
  for (const auto& v : arr) out += (out.empty() ? "" : ", ") + f(v.get<std::string>());
  return out;
}

std::string language(const json& r) {
  return r["input"]["language"].is_null() ? "" : ", language " + r["input"]["language"].get<std::string>();
}

std::string scopes_line(const json& r, std::string (*f)(const std::string&)) {
  if (r["scopes"].empty()) return "";
  std::string m = r["match"].is_null() ? "" : r["match"] == "any" ? " (any one of them)" : " (all of them)";
  return names(r["scopes"], f) + m;
}

std::string grant_lines(const json& g, std::string (*f)(const std::string&), const char* indent) {
  std::string out = std::string(indent) + "granted: " + names(g["granted"], f) + "\n";
  for (const char* k : {"missing_required", "dropped_optional", "extra"})
    if (g[k].is_array() && !g[k].empty()) out += std::string(indent) + k + ": " + names(g[k], f) + "\n";
  if (g.contains("calls_403"))
    for (const auto& c : g["calls_403"])
      out += std::string(indent) + "403: " + f(c["method"].get<std::string>() + " " + c["path"].get<std::string>()) + "\n";
  return out;
}

std::string render_text(const json& r, bool color) {
  std::string out = "tierscope explain: " + (r["cause"].is_null() ? std::string("no problem found") : r["cause"].get<std::string>()) +
                    " (" + r["input"]["format"].get<std::string>() + language(r) + ")\n";
  if (!r["scopes"].empty()) out += "Scopes: " + scopes_line(r, safe) + "\n";
  if (!r["explanation"].get<std::string>().empty()) out += "\n" + safe(r["explanation"].get<std::string>()) + "\n";
  if (!r["fix"].empty()) {
    out += "\nFix:\n";
    for (const auto& f : r["fix"])
      out += "  " + f["action"].get<std::string>() + (f["scopes"].empty() ? "" : " " + names(f["scopes"], safe)) + ": " +
             safe(f["why"].get<std::string>()) + "\n";
  }
  if (r.contains("grant")) out += "\nGrant:\n" + grant_lines(r["grant"], safe, "  ");
  if (!r["diagnostics"].empty()) {
    out += "\nDiagnostics:\n";
    for (const auto& d : r["diagnostics"])
      out += "  " + d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + ": " + safe(d["message"].get<std::string>()) + "\n";
  }
  if (r.contains("report")) out += "\nThe app config" + std::string(r.contains("grant") ? "" : " after the fix") + ", per tier:\n" + render_table(r["report"], color);
  return out;
}

std::string render_markdown(const json& r) {
  std::string out = "## tierscope explain: " + (r["cause"].is_null() ? std::string("no problem found") : r["cause"].get<std::string>()) + "\n\n";
  if (!r["scopes"].empty()) out += "**Scopes:** " + scopes_line(r, md) + "\n\n";
  out += md(r["explanation"].get<std::string>()) + "\n";
  if (!r["fix"].empty()) {
    out += "\n**Fix:**\n\n";
    for (const auto& f : r["fix"])
      out += "- " + f["action"].get<std::string>() + (f["scopes"].empty() ? "" : " " + names(f["scopes"], md)) + ": " + md(f["why"].get<std::string>()) + "\n";
  }
  if (r.contains("grant")) out += "\n**Grant:**\n\n" + grant_lines(r["grant"], md, "- ");
  if (r.contains("report")) out += "\n" + need(tierscope::render_markdown(r["report"].dump()));
  return out;
}

struct ExplainArgs {
  std::vector<std::string> files;
  std::string format = "text", calls, catalog;
  int color = -1;
};

int run(const ExplainArgs& a) {
  if (a.files.size() > 2) throw Failure{"explain takes the error text (a FILE or - for stdin) and optionally the app's CONFIG (see tierscope explain --help)"};
  std::string text = read_file(a.files.empty() ? "-" : a.files[0]);
  std::string config = a.files.size() == 2 ? read_file(a.files[1]) : "";
  std::string core = need(tierscope::explain(text, config, ""));  // the core's message, as ts.explain's
  ojson r = ojson::parse(core);
  if (!a.calls.empty()) {
    if (!r.contains("grant")) throw Failure{"--calls needs a token's info (the answer of HubSpot's access-token or introspect endpoint), not " + r["input"]["format"].get<std::string>()};
    need(tierscope::load_operations(tierscope::builtin_operations_json()));
    std::string granted;
    for (const auto& s : r["grant"]["granted"]) granted += s.get<std::string>() + "\n";
    ojson calls = ojson::parse(need(tierscope::calls(read_input_file(a.calls), granted.empty() ? "oauth" : granted, ""), a.calls + ": "));
    ojson list = ojson::array();
    for (const auto& u : calls["uncovered"]) list.push_back({{"method", u["method"]}, {"path", u["path"]}, {"alternatives", u["alternatives"]}});
    r["grant"]["calls_403"] = list;
  }
  if (a.format == "json") std::cout << (a.calls.empty() ? core : dump(r)) << "\n";  // the core's text: as in wasm
  else std::cout << (a.format == "markdown" ? render_markdown(json(r)) : render_text(json(r), use_color(a.color)));
  return 0;
}
}  // namespace

Run add_explain(CLI::App& app) {
  auto a = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand("explain", "A HubSpot error (install page, 403 body, hs CLI) or a token's info -> the cause and the fix");
  cmd->add_option("input", a->files,
                  "the error text or token info (- or nothing: stdin), then optionally the app's CONFIG (app config, install "
                  "URL or scope list): the fix is applied to it")
      ->type_name("[FILE] [CONFIG]");
  add_format(*cmd, a->format, {"text", "json", "markdown"});
  add_value(*cmd, "--calls", a->calls, "with token info: the calls the app makes (as for tierscope calls); lists those that will get a 403", "FILE");
  add_catalog(*cmd, a->catalog);
  add_color(*cmd, a->color);
  return [a] {
    load_catalog_option(a->catalog);
    return run(*a);
  };
}

}  // namespace tierscope_cli
