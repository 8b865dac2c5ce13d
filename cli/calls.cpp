// `tierscope calls FILE [CONFIG] [--format text|json|markdown]`: the API calls an app makes -> the
// scopes they need, the least-privilege set and who can install it (docs/report.md, "calls").
#include "calls.hpp"
#include "text.hpp"

#include <algorithm>
#include <memory>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sys/stat.h>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "calls/calls_input.hpp"
#include "cli.hpp"
#include "operations_builtin.hpp"
#include "table.hpp"
#include "tierscope/api.hpp"

namespace tierscope_cli {
namespace {
using nlohmann::json;

// Text from the input shown on a terminal: no control characters (escape sequences) get through.
std::string safe(const std::string& s) { return tierscope::escape_controls(s); }  // one rule: text.cpp

// Markdown: user text inert inside a table cell.
std::string md(const std::string& s) {
  std::string out;
  for (char c : tierscope::escape_controls(s)) {  // control characters written as \u001b (text.cpp)
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '[' || c == ']' || c == '$')
      out += '\\';  // $ too: ${id} would start inline math on GitHub
    out += c;
  }
  return out;
}

std::string words(const json& arr, std::string (*f)(const std::string&), const char* sep = " ") {
  std::string out;
  for (const auto& v : arr) out += (out.empty() ? "" : sep) + f(v.get<std::string>());
  return out;
}

std::string percent(const json& part, const json& whole) {
  char buf[32];
  double w = whole.get<double>();
  std::snprintf(buf, sizeof buf, "%.1f %%", w > 0 ? 100.0 * part.get<double>() / w : 0.0);
  return buf;
}

std::string scopes_of(const json& call, std::string (*f)(const std::string&)) {
  if (!call["chosen"].is_null()) return words(call["chosen"], f, " + ");
  const std::string problem = call["problem"].is_string() ? call["problem"].get<std::string>() : "";
  if (problem == "unmatched") return "no matching operation";
  if (problem == "generic-object") return "names no object type";
  if (problem == "unknown-object") return "unknown object type";
  if (problem == "read-only-object") return "read-only object: no scope writes it";
  return "no OAuth scope in the spec";
}

// The second answer: tier-limited scopes optional, so the app installs everywhere; per tier, the calls
// that then get a 403 (tiers with the same calls on one line).
std::string install_everywhere_text(const json& ie, const json& total, std::string (*f)(const std::string&)) {
  if (ie["optional"].empty()) return "";
  std::string out = "Install everywhere: required " + words(ie["required"], f) + "; optional " + words(ie["optional"], f) +
                    " (installs on " + percent(ie["combinations"], total) + " of account configurations)\n";
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;  // calls -> tiers
  for (const auto& c : ie["calls_failing"]) {
    std::string calls = (c.value("uncertain", false) ? "?" : "") + words(c["calls"], f, ", ");  // "?": a possible 403
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == calls; });
    if (it == groups.end()) groups.push_back({calls, {c["profile"].get<std::string>()}});
    else it->second.push_back(c["profile"].get<std::string>());
  }
  for (const auto& [calls, tiers] : groups) {
    std::string t;
    for (const auto& p : tiers) t += (t.empty() ? "" : ", ") + f(p);
    const bool maybe = !calls.empty() && calls[0] == '?';
    out += std::string(maybe ? "  possible 403 on " : "  403 on ") + t + ": " + calls.substr(maybe ? 1 : 0) + "\n";
  }
  return out;
}

std::string render_text(const json& r, bool color) {
  std::string out = "tierscope calls: " + std::to_string(r["calls"].size()) + " distinct calls (" +
                    r["input"]["format"].get<std::string>() + ")\n\n";
  for (const auto& c : r["calls"]) {
    std::string line = "  " + safe(c["method"].get<std::string>() + " " + c["path"].get<std::string>());
    if (c["count"].get<int>() > 1) line += " (x" + std::to_string(c["count"].get<int>()) + ")";
    if (line.size() < 60) line += std::string(60 - line.size(), ' ');
    out += line + "  " + scopes_of(c, safe);
    if (c["all_tiers"] == false) out += "  (some tiers)";
    out += "\n";
  }
  const json& lp = r["least_privilege"];
  const json& comb = lp["combinations"];
  const json& cov = r["report"]["coverage"]["profiles"];
  out += "\nLeast privilege" + std::string(lp["search"] == "greedy" ? " (greedy search)" : "") + ":\n";
  out += "  required: " + words(lp["required"], safe) + "\n";
  out += "  every call works wherever the app installs: " + std::to_string(cov["installs"].get<int>()) + " of " +
         std::to_string(cov["total"].get<int>()) + " standard tiers, " + percent(comb["required"], comb["total"]) +
         " of account configurations.\n";
  out += install_everywhere_text(lp["install_everywhere"], comb["total"], safe);
  if (!r["unused"].is_null()) {
    out += "\nAgainst the app config:\n";
    if (r["unused"].empty()) out += "  every requested scope is needed by some call\n";
    for (const auto& u : r["unused"])
      out += "  unused " + u["kind"].get<std::string>() + " scope " + safe(u["scope"].get<std::string>()) +
             (u["locks_out"].empty() ? std::string() : " (locks out " + std::to_string(u["locks_out"].size()) + " standard tiers)") + "\n";
    for (const auto& u : r["may_be_needed"])
      out += "  " + u["kind"].get<std::string>() + " scope " + safe(u["scope"].get<std::string>()) + ": " +
             safe(u["message"].get<std::string>()) + "\n";
    if (r["uncovered"].empty()) out += "  every call is covered by a requested scope\n";
    for (const auto& u : r["uncovered"]) {
      out += "  uncovered (403): " + safe(u["method"].get<std::string>() + " " + u["path"].get<std::string>()) + " needs ";
      std::string alts;
      for (const auto& c : u["covered_by"])
        alts += (alts.empty() ? "" : " | ") + words(c["scopes"], safe, " + ") + " (" + std::to_string(c["tiers"].size()) + " of " +
                std::to_string(c["tiers_total"].get<int>()) + " tiers)";
      out += alts + "\n";
    }
  }
  if (!r["diagnostics"].empty()) {
    out += "\nDiagnostics:\n";
    for (const auto& d : r["diagnostics"])
      out += "  " + d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + ": " + safe(d["message"].get<std::string>()) + "\n";
  }
  out += "\nThe least-privilege set, per tier:\n";
  return out + render_table(r["report"], color);
}

std::string render_markdown(const json& r) {
  std::string out = "## tierscope calls\n\n| Call | Operation | Scopes |\n|---|---|---|\n";
  for (const auto& c : r["calls"]) {
    std::string op = c["operation"].is_null() ? "–" : md(c["operation"]["api"].get<std::string>() + (c["operation"]["version"] == "" ? "" : " ") + c["operation"]["version"].get<std::string>());
    out += "| " + md(c["method"].get<std::string>() + " " + c["path"].get<std::string>()) + " | " + op + " | " +
           scopes_of(c, md) + (c["all_tiers"] == false ? " (some tiers)" : "") + " |\n";
  }
  const json& lp = r["least_privilege"];
  out += "\n**Least privilege:** required " + words(lp["required"], md, ", ") + " (every call works wherever the app installs).\n";
  const json& ie = lp["install_everywhere"];
  if (!ie["optional"].empty()) {
    out += "\n**Install everywhere:** required " + words(ie["required"], md, ", ") + "; optional " + words(ie["optional"], md, ", ") +
           ". Calls that get a 403:\n\n| Tier | Calls |\n|---|---|\n";
    for (const auto& c : ie["calls_failing"])
      out += "| " + md(c["profile"].get<std::string>()) + " | " + (c.value("uncertain", false) ? "possible 403: " : "") + words(c["calls"], md, ", ") + " |\n";
  }
  if (!r["unused"].is_null()) {
    out += "\n**Unused scopes:** " + (r["unused"].empty() ? std::string("none") : "") ;
    std::string list;
    for (const auto& u : r["unused"]) list += (list.empty() ? "" : ", ") + md(u["scope"].get<std::string>()) + " (" + u["kind"].get<std::string>() + ")";
    out += list + "\n";
    for (const auto& d : r["diagnostics"])  // unmatched calls: unused is not the whole story
      if (d["code"] == "unused-uncertain") out += "\n**Unsure:** " + md(d["message"].get<std::string>()) + "\n";
    for (const auto& u : r["may_be_needed"])
      out += "\n**" + md(u["scope"].get<std::string>()) + "** " + md(u["message"].get<std::string>()) + ".\n";
    out += "\n**Uncovered calls (403):** ";
    list.clear();
    for (const auto& u : r["uncovered"]) {
      std::string by;
      for (const auto& c : u["covered_by"])
        by += (by.empty() ? "" : " or ") + words(c["scopes"], md, " + ") + " (" + std::to_string(c["tiers"].size()) + " tiers)";
      list += (list.empty() ? "" : ", ") + md(u["method"].get<std::string>() + " " + u["path"].get<std::string>()) + " needs " + by;
    }
    out += (list.empty() ? std::string("none") : list) + "\n";
  }
  return out + "\n" + need(tierscope::render_markdown(r["report"].dump()));
}
}  // namespace

// A HAR file larger than the in-memory limit (16 MiB) is streamed: read 1 MiB at a time, only each
// request's method and URL kept. Up to 8 GiB (a bound known before reading).
constexpr unsigned long long kMaxHarFileBytes = 8ull << 30;

// Returns false when the file is not one to stream (stdin, not a regular file, within the limit).
bool stream_har(const std::string& path, const std::string& config, tierscope::Outcome& out) {
  if (path == "-") return false;
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;  // read_input_file says why
  struct Close {
    std::FILE* f;
    ~Close() { std::fclose(f); }
  } close{f};
  struct stat st {};
  if (::fstat(::fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || static_cast<unsigned long long>(st.st_size) <= tierscope::kMaxCallsInputBytes)
    return false;
  const unsigned long long size = static_cast<unsigned long long>(st.st_size);
  if (size > kMaxHarFileBytes)
    throw std::runtime_error(path + " is " + std::to_string(size) + " bytes; the limit for a HAR file is " +
                             std::to_string(kMaxHarFileBytes) + " bytes (8 GiB)");
  std::vector<char> buffer(1u << 20);
  tierscope::CallsHarReader reader;
  bool first = true;
  for (;;) {
    std::size_t got = std::fread(buffer.data(), 1, buffer.size(), f);
    if (got == 0) {
      if (std::ferror(f)) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
      break;
    }
    if (first) {
      first = false;
      std::size_t at = got >= 3 && std::memcmp(buffer.data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;  // a byte order mark
      while (at < got && (buffer[at] == ' ' || buffer[at] == '\n' || buffer[at] == '\r' || buffer[at] == '\t')) ++at;
      if (at < got && buffer[at] != '{')
        throw std::runtime_error(path + " is " + std::to_string(size) + " bytes: only a HAR file may be larger than " +
                                 std::to_string(tierscope::kMaxCallsInputBytes) + " bytes (16 MiB); a list of calls is limited to that");
    }
    out = reader.feed(std::string_view(buffer.data(), got));
    if (!out.ok) return true;
  }
  out = reader.finish(config, "");
  return true;
}

int run_calls(const std::vector<std::string>& files, const std::string& format, const std::string& operations_text,
              bool color) {
  if (format != "text" && format != "json" && format != "markdown")
    throw std::runtime_error("--format must be text, json or markdown for calls, not " + format);
  if (files.empty() || files.size() > 2)
    throw std::runtime_error("calls takes the calls (a FILE or - for stdin) and optionally the app's CONFIG (see tierscope --help)");
  auto loaded = tierscope::load_operations(operations_text.empty() ? std::string(tierscope::builtin_operations_json()) : operations_text);
  if (!loaded.ok) throw std::runtime_error(loaded.error);
  std::string config = files.size() == 2 ? read_input_file(files[1]) : "";
  tierscope::Outcome out;
  if (!stream_har(files[0], config, out)) out = tierscope::calls(read_input_file(files[0]), config, "");
  if (!out.ok) throw std::runtime_error((files[0] == "-" ? "" : files[0] + ": ") + out.error);
  std::cout << render_calls(out.json, format, color);
  return 0;
}

std::string render_calls(const std::string& report_json, const std::string& format, bool color) {
  if (format == "json") return report_json + "\n";
  json r = json::parse(report_json);
  return format == "markdown" ? render_markdown(r) : render_text(r, color);
}

}  // namespace tierscope_cli

// CLI11 registration (cli.hpp): tierscope calls FILE [CONFIG] [--format ...] [--operations FILE].
namespace tierscope_cli {
namespace {
struct CallsArgs {
  std::vector<std::string> files;
  std::string format = "text", operations, catalog, scan;
  int color = -1;
};
}  // namespace

Run add_calls(CLI::App& app) {
  auto a = std::make_shared<CallsArgs>();
  CLI::App* cmd = app.add_subcommand("calls", "The API calls an app makes -> the scopes they need, least privilege, who can install");
  cmd->add_option("input", a->files,
                  "the calls (lines of METHOD /path, URLs, or a HAR file; - for stdin), then optionally the app's "
                  "CONFIG (app config, install URL or scope list): requested scopes no call needs, calls no scope covers")
      ->type_name("FILE [CONFIG]");
  add_value(*cmd, "--scan", a->scan,
            "find the calls in a folder's JS/TS and Python code (literal paths and URLs, HubSpot's official clients); "
            "then FILE, if given, is the app's CONFIG", "DIR");
  add_format(*cmd, a->format, {"text", "json", "markdown"});
  add_value(*cmd, "--operations", a->operations, "use another operations table (same format as data/api-operations.json)", "FILE");
  add_catalog(*cmd, a->catalog);
  add_color(*cmd, a->color);
  return [a] {
    load_catalog_option(a->catalog);
    if (!a->scan.empty())
      return run_calls_scan(a->scan, a->files, a->format, a->operations.empty() ? "" : read_input_file(a->operations), use_color(a->color));
    return run_calls(a->files, a->format, a->operations.empty() ? "" : read_input_file(a->operations), use_color(a->color));
  };
}
}  // namespace tierscope_cli
