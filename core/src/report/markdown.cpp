#include "report/markdown.hpp"

#include <stdexcept>

#include "input/input.hpp"
#include "report/report.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm


// A count of the report (profiles, configurations): a whole number that fits, else not a report.
std::uint32_t count(const json& v) {
  if (!v.is_number_unsigned() || v.get<std::uint64_t>() > 0xFFFFFFFFu)
    throw InputError("parse-error", "the report is not a tierscope report: a count is not a whole number");
  return v.get<std::uint32_t>();
}

// A diagnostic code in a code span: only codes of the plain kind ([a-z0-9-]) are put in backticks.
std::string code_span(const std::string& s) {
  bool plain = !s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
  return plain ? "`" + s + "`" : markdown_cell(s);
}



// A JSON path (properties.connectionParameters.token.oAuthSettings.scopes) in a code span when plain.
std::string code_span_path(const json& v) {
  std::string s = v.get<std::string>();
  bool plain = !s.empty() && s.find_first_of("`\n\r") == std::string::npos && escape_controls(s) == s;
  return plain ? "`" + s + "`" : markdown_cell(s);
}
}  // namespace

std::string markdown_report(const json& r) {
  try {
    const json& cov = r.at("coverage");
    auto installs = count(cov.at("profiles").at("installs"));
    auto total = count(cov.at("profiles").at("total"));
    auto combos = count(cov.at("combinations").at("installs"));
    auto combos_total = count(cov.at("combinations").at("total"));
    const bool unread = no_scope_read(r);  // prose, an error text without names: no verdict
    std::string md = unread ? "### tierscope: no verdict: no scopes found in the input\n\n"
                            : "### tierscope: installs on " + std::to_string(installs) + " of " + std::to_string(total) +
                                  " standard tiers · " + percent_text(combos, combos_total) + " % of " + with_commas(combos_total) +
                                  " account configurations\n\n";
    const json& req = r.at("request");
    // A config checked with its install URL: the scopes below are the URL's, the config's is the check.
    const bool pair = r.contains("url_check") && r["url_check"].is_object();
    const json& in = r.at("input");
    md += "- Input: " + (pair ? std::string("app config + install URL (the scopes below are the URL's)")
                              : markdown_cell(in.at("format").get<std::string>()));
    if (in.contains("json_path") && in["json_path"].is_string()) md += " (scopes from " + code_span_path(in["json_path"]) + ")";
    md += "\n";
    if (in.contains("ignored") && !in["ignored"].empty()) {
      std::string lines;
      for (const auto& g : in["ignored"])
        lines += (lines.empty() ? "" : ", ") + std::to_string(count(g.at("line"))) + " (" + markdown_cell(g.at("reason").get<std::string>()) + ")";
      md += "- Ignored lines: " + lines + "\n";
    }
    md += "- Required: " + markdown_list(req.at("required")) + "\n";
    md += "- Conditionally required: " + markdown_list(req.at("conditional")) +
          (r.at("input").at("without_conditional").get<bool>() ? " (left out of this evaluation)" : "") + "\n";
    md += "- Optional: " + markdown_list(req.at("optional")) + (unread ? "\n" : "\n\n");
    if (!unread) md += "| Profile | Result | Missing | Not granted (optional) |\n|---|---|---|---|\n";
    for (const auto& p : unread ? json::array() : r.at("profiles"))
      md += "| " + markdown_cell(p.at("name").get<std::string>()) + " | " + markdown_status(p.at("status").get<std::string>()) +
            " | " + markdown_list(p.at("missing")) + " | " + markdown_list(p.at("dropped")) + " |\n";
    if (!r.at("diagnostics").empty()) {
      md += "\n**Diagnostics**\n\n";
      for (const auto& d : r.at("diagnostics"))
        md += "- " + markdown_cell(d.at("severity").get<std::string>()) + " " + code_span(d.at("code").get<std::string>()) + ": " +
              markdown_cell(d.at("message").get<std::string>()) + "\n";
    }
    if (!unread && r.contains("account") && r["account"].is_object()) {
      const json& a = r["account"];
      std::string hubs;
      auto acct = a.find("account");
      if (acct != a.end() && acct->is_object()) {
        auto list = acct->find("hubs");
        if (list != acct->end() && list->is_object())
          for (auto it = list->begin(); it != list->end(); ++it)
            hubs += (hubs.empty() ? "" : ", ") + markdown_cell(it.key()) + " " + markdown_cell(it->get<std::string>());
      }
      md += "\n**Your custom account**" + (hubs.empty() ? std::string() : " (" + hubs + ")") + ": " +
            markdown_status(a.at("status").get<std::string>()) + " · missing " + markdown_list(a.at("missing")) +
            " · not granted (optional) " + markdown_list(a.at("dropped")) + "\n";
    }
    if (pair) {
      const json& uc = r["url_check"];
      std::string rules;
      for (const auto& n : uc.at("rules_failed")) rules += (rules.empty() ? "" : ", ") + std::to_string(count(n));
      md += "\n**Install URL check**: " +
            (uc.at("ok").get<bool>() ? std::string("the install URL matches the app config.")
                                     : "the install URL breaks rule" + std::string(uc.at("rules_failed").size() > 1 ? "s " : " ") +
                                           rules + " (see the diagnostics); HubSpot refuses it on every account.") + "\n";
    }
    if (pair && !r["url_check"].at("ok").get<bool>())
    {
      std::string url = r["url_check"].at("fixed_url").get<std::string>();
      bool plain = url.find('`') == std::string::npos && escape_controls(url) == url;  // cannot leave the block
      md += "\n**Corrected install URL**\n\n" + (plain ? "```\n" + url + "\n```\n" : markdown_cell(url) + "\n");
    }
    if (!unread && !r.at("suggestions").empty()) {
      md += "\n**Smallest changes that let more portals in**\n\n";
      bool after_rename = false;
      for (const auto& s : r.at("suggestions")) {
        std::string action = s.at("action").get<std::string>(), scopes = markdown_list(s.at("scopes"));
        std::string share = " (" + percent_text(count(s.at("combinations")), combos_total) + " % of configurations)\n";
        if (action == "remove-or-rename") {
          std::string maybe;
          if (s.contains("did_you_mean"))
            for (const auto& [name, to] : s["did_you_mean"].items())
              maybe += (maybe.empty() ? "" : "; ") + markdown_cell(name) + " → " + markdown_list(to);
          md += "- Remove or rename " + scopes + (maybe.empty() ? "" : " (did you mean " + maybe + "?)") +
                ": then installs on " + markdown_list(s.at("unlocks")) + share;
          after_rename = true;
          continue;
        }
        std::string change = action == "remove" ? "Remove " + scopes + " (the app loses them on every account)"
                             : action == "switch-to-oauth" ? "Switch to OAuth with " + scopes + " optional"
                                                           : "Make " + scopes + " optional";
        md += std::string("- ") + (after_rename ? "Then: " : "") + change + ": installs on " + markdown_list(s.at("unlocks")) + " too" + share;
      }
    }
    md += "\n<sub>tierscope " + markdown_cell(r.at("tool").at("version").get<std::string>()) + " · scope catalog as of " +
          markdown_cell(r.at("catalog").at("as_of").get<std::string>()) + "</sub>\n";
    return md;
  } catch (const json::exception& e) {  // a field missing or of another type: the input is not a report
    std::string msg = e.what();
    auto close = msg.find("] ");
    throw InputError("parse-error", "the report is not a tierscope report: " +
                                        (close == std::string::npos ? msg : msg.substr(close + 2)));
  }
}

// Scope names come from users: Markdown and HTML stay inert, control characters (a terminal showing
// the Markdown) are written as \u001b.
std::string markdown_cell(const std::string& s) {
  std::string out;
  for (char c : escape_controls(s)) {
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<' || c == '>' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

std::string markdown_list(const json& arr) {
  std::string out;
  for (const auto& v : arr) out += (out.empty() ? "" : ", ") + markdown_cell(v.get<std::string>());
  return out.empty() ? "–" : out;
}

std::string markdown_status(const std::string& s) {
  if (s == "installs") return "✅ installs";
  if (s == "permission-error") return "❌ permission error";
  if (s == "invalid-scope") return "⛔ invalid scope";
  if (s == "uncertain") return "❔ uncertain";
  if (s == "unknown-scope") return "❔ unknown scope";
  if (s == "url-mismatch") return "⛔ URL mismatch";
  if (s == "insufficient-scopes") return "⛔ insufficient scopes";
  return markdown_cell(s);
}

}  // namespace tierscope
