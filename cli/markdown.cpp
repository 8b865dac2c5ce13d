// Markdown of `migrate` and `diff` (for pull requests and CI step summaries). The check report's
// Markdown is the core's render_markdown, shared with the JS API.
#include <string>

#include "cli.hpp"
#include "text.hpp"

namespace tierscope_cli {

// Text from the input (scope names, notes): Markdown and HTML stay inert in table cells.
std::string markdown_cell(const std::string& s) {
  std::string out;
  for (char c : tierscope::escape_controls(s)) {  // control characters written as \u001b
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

namespace {
std::string cell(const std::string& s) { return markdown_cell(s); }

std::string cells(const json& arr) {
  std::string out;
  for (const auto& v : arr) out += (out.empty() ? "" : ", ") + cell(v.get<std::string>());
  return out.empty() ? "–" : out;
}

std::string status(const std::string& s) {
  if (s == "installs") return "✅ installs";
  if (s == "permission-error") return "❌ permission error";
  if (s == "invalid-scope") return "⛔ invalid scope";
  if (s == "uncertain") return "❔ uncertain";
  return cell(s);
}

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
    md += "- " + cell(d["severity"].get<std::string>()) + " `" + cell(d["code"].get<std::string>()) + "`: " +
          cell(d["message"].get<std::string>()) + "\n";
  return md;
}

std::string footer(const json& doc) {
  return "\n<sub>tierscope " + cell(doc["tool"]["version"].get<std::string>()) + " · scope catalog as of " +
         cell(doc["catalog"]["as_of"].get<std::string>()) + "</sub>\n";
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
    md += "| " + cell(s["scope"].get<std::string>()) + " | " + cell(s["status"].get<std::string>()) + " | " +
          cell(s["note"].get<std::string>()) + " | " + cells(s["replaced_by"]) + " |\n";
  md += "\nUnder OAuth 1 every portal could approve the list. At OAuth 2 re-authorization, with every scope required (" +
        percent(now["combinations"], then["combinations"]) + " % of account configurations install):\n\n";
  md += "| Profile | Result | Missing |\n|---|---|---|\n";
  for (const auto& p : m["profiles"])
    md += "| " + cell(p["name"].get<std::string>()) + " | " + status(p["oauth2"]) + " | " + cells(p["missing"]) + " |\n";
  md += "\n**Recommended**\n\n- Required: " + cells(rec["required"]) + "\n- Optional: " + cells(rec["optional"]) +
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
      if (!d[part][kind].empty()) rows += std::string("| ") + part + " | " + kind + " | " + cells(d[part][kind]) + " |\n";
  for (const auto& c : d["changed_kind"])
    rows += "| changed | " + cell(c["from"].get<std::string>()) + " → " + cell(c["to"].get<std::string>()) + " | " +
            cell(c["scope"].get<std::string>()) + " |\n";
  md += rows.empty() ? "No scope changes.\n" : "| Change | Kind | Scopes |\n|---|---|---|\n" + rows;
  md += "\n" + cell(d["reauthorize_note"].get<std::string>()) + "\n";
  if (!d["profiles"].empty()) {
    md += "\n**Profiles whose result changes**\n\n| Profile | Before | After | Missing |\n|---|---|---|---|\n";
    for (const auto& p : d["profiles"])
      md += "| " + cell(p["name"].get<std::string>()) + " | " + status(p["before"]) + " | " + status(p["after"]) + " | " +
            cells(p["missing"]) + " |\n";
  }
  const json& c = d["coverage"];
  md += "\nAccount configurations that install: " + count(c["before"]["combinations"]) + " → " +
        count(c["after"]["combinations"]) + "\n";
  return md + diagnostics(d) + footer(d);
}

}  // namespace tierscope_cli
