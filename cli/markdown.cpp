// Markdown of `migrate` and `diff` (for pull requests and CI step summaries). The check report's
// Markdown is the core's render_markdown, shared with the JS API.
#include <string>

#include "cli.hpp"
#include "report/markdown.hpp"
#include "text.hpp"

namespace tierscope_cli {

namespace {
using tierscope::markdown_cell;
using tierscope::markdown_list;
using tierscope::markdown_status;

std::string count(std::uint64_t n) { return tierscope::with_commas(n); }

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

std::string diagnostics(const json& doc) {
  if (!doc.contains("diagnostics") || doc["diagnostics"].empty()) return "";
  std::string md = "\n**Diagnostics**\n\n";
  for (const auto& d : doc["diagnostics"])
    md += "- " + markdown_cell(d["severity"].get<std::string>()) + " `" + markdown_cell(d["code"].get<std::string>()) + "`: " +
          markdown_cell(d["message"].get<std::string>()) + "\n";
  return md;
}

std::string footer(const json& doc) {
  return "\n<sub>tierscope " + markdown_cell(doc["tool"]["version"].get<std::string>()) + " · scope catalog as of " +
         markdown_cell(doc["catalog"]["as_of"].get<std::string>()) + "</sub>\n";
}
}  // namespace

std::string markdown_migrate(const json& m) {
  const json& then = m["coverage"]["oauth1"];  // under OAuth 1 every configuration could approve: the totals
  const json& now = m["coverage"]["oauth2"];
  const json& rec = m["recommendation"];
  std::string md = "### tierscope migrate: installs on " + count(now["profiles"]) + " of " + count(then["profiles"]) +
                   " standard tiers after OAuth 2 re-authorization\n\n";
  md += "| Scope | Status | Note | Replaced by |\n|---|---|---|---|\n";
  for (const auto& s : m["scopes"])
    md += "| " + markdown_cell(s["scope"].get<std::string>()) + " | " + markdown_cell(s["status"].get<std::string>()) + " | " +
          markdown_cell(s["note"].get<std::string>()) + " | " + markdown_list(s["replaced_by"]) + " |\n";
  md += "\nUnder OAuth 1 every portal could approve the list. At OAuth 2 re-authorization, with every scope required (" +
        percent(now["combinations"], then["combinations"]) + " % of account configurations install):\n\n";
  md += "| Profile | Result | Missing |\n|---|---|---|\n";
  for (const auto& p : m["profiles"])
    md += "| " + markdown_cell(p["name"].get<std::string>()) + " | " + markdown_status(p["oauth2"]) + " | " + markdown_list(p["missing"]) + " |\n";
  md += "\n**Recommended**\n\n- Required: " + markdown_list(rec["required"]) + "\n- Optional: " + markdown_list(rec["optional"]) +
        "\n- Installs on " + count(rec["coverage"]["profiles"]) + " of " + count(then["profiles"]) + " standard tiers (" +
        percent(rec["coverage"]["combinations"], then["combinations"]) + " % of account configurations)\n";
  return md + diagnostics(m) + footer(m);
}

std::string markdown_diff(const json& d) {
  std::string md = std::string("### tierscope diff: ") +
                   (d["reauthorize"].get<bool>() ? "existing installs must re-authorize" : "no re-authorization needed") +
                   "\n\n";
  std::string rows;
  for (const char* part : {"added", "removed"})
    for (const char* kind : {"required", "conditional", "optional"})
      if (!d[part][kind].empty()) rows += std::string("| ") + part + " | " + kind + " | " + markdown_list(d[part][kind]) + " |\n";
  for (const auto& c : d["changed_kind"])
    rows += "| changed | " + markdown_cell(c["from"].get<std::string>()) + " → " + markdown_cell(c["to"].get<std::string>()) + " | " +
            markdown_cell(c["scope"].get<std::string>()) + " |\n";
  md += rows.empty() ? "No scope changes.\n" : "| Change | Kind | Scopes |\n|---|---|---|\n" + rows;
  md += "\n" + markdown_cell(d["reauthorize_note"].get<std::string>()) + "\n";
  if (!d["profiles"].empty()) {
    md += "\n**Profiles whose result changes**\n\n| Profile | Before | After | Missing |\n|---|---|---|---|\n";
    for (const auto& p : d["profiles"])
      md += "| " + markdown_cell(p["name"].get<std::string>()) + " | " + markdown_status(p["before"]) + " | " + markdown_status(p["after"]) + " | " +
            markdown_list(p["missing"]) + " |\n";
  }
  const json& c = d["coverage"];
  md += "\nAccount configurations that install: " + count(c["before"]["combinations"]) + " → " +
        count(c["after"]["combinations"]) + "\n";
  return md + diagnostics(d) + footer(d);
}

}  // namespace tierscope_cli
