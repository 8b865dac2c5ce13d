#include "table.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "report/markdown.hpp"
#include "text.hpp"
#include "tierscope/api.hpp"

namespace tierscope_cli {
namespace {
using nlohmann::json;

// The account model of the catalog in use: hubs, tiers, profiles, configurations.
const json& model() {
  static const json m = json::parse(tierscope::catalog_info());
  return m;
}

std::string name_of(const char* list, const std::string& id) {
  for (const auto& e : model()[list])
    if (e["id"] == id) return e["name"];
  return id;
}

// A requirement ("any", null or alternatives of conditions) in words, with the model's names.
std::string requirement_words(const json& req) {
  if (req.is_null()) return "no tier stated";
  if (req.is_string()) return "every account";
  std::string out;
  const json& tiers = model()["tiers"];
  for (const auto& alt : req) {
    std::string conds;
    for (const auto& c : alt) {
      std::string one;
      if (c.contains("feature")) {
        one = name_of("features", c["feature"]);
      } else {
        std::string tier = name_of("tiers", c["min_tier"]);
        if (tiers.back()["id"] != c["min_tier"]) tier += " or higher";
        one = c["hub"] == "any" ? tier + " of any hub" : name_of("hubs", c["hub"]) + " " + tier;
      }
      conds += (conds.empty() ? "" : " with ") + one;
    }
    out += (out.empty() ? "" : ", or ") + conds;
  }
  return out;
}

std::uint64_t total_configurations() { return model()["configurations"].get<std::uint64_t>(); }
std::string total_profiles() { return std::to_string(model()["profiles"].size()); }

// Every string of a report may hold text from the input: control characters are written as \u001b.
std::string str(const json& v) { return tierscope::escape_controls(v.get<std::string>()); }

std::string pad(const std::string& s, std::size_t width) {
  std::size_t chars = 0;  // count UTF-8 code points, not bytes
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

std::string status_cell(const std::string& status) {
  if (status == "installs") return "✓ installs";
  if (status == "permission-error") return "✗ permission error";
  if (status == "invalid-scope") return "⛔ invalid scope";
  if (status == "uncertain") return "? uncertain";
  if (status == "unknown-scope") return "? unknown scope";
  if (status == "url-mismatch") return "⛔ URL mismatch";
  if (status == "insufficient-scopes") return "⛔ insufficient scopes";
  return status;
}

std::string paint(const std::string& text, const std::string& status, bool color) {
  if (!color) return text;
  const char* code = status == "installs" ? "32" : status == "permission-error" ? "31" : status == "invalid-scope" ? "35" : "33";
  return std::string("\033[") + code + "m" + text + "\033[0m";
}

std::string list(const json& arr) {
  std::string out;
  for (const auto& v : arr) out += (out.empty() ? "" : ", ") + str(v);
  return out.empty() ? "–" : out;
}

// Why a profile's disputed scopes are: "sources disagree on A; no source speaks of B" (undocumented_there).
std::string disputed_words(const json& r, const json& disputed) {
  json disagree = json::array(), silent = json::array();
  for (const auto& n : disputed) (undocumented_there(r, str(n)) ? silent : disagree).push_back(n);
  std::string out = disagree.empty() ? "" : "sources disagree on " + list(disagree);
  if (!silent.empty()) out += (out.empty() ? "" : "; ") + std::string("no source speaks of ") + list(silent);
  return out;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", whole ? 100.0 * part / whole : 0.0);
  return buf;
}
}  // namespace

namespace {
std::string diagnostics_text(const json& r) {
  if (r["diagnostics"].empty()) return "";
  std::string out = "\nDiagnostics:\n";
  for (const auto& d : r["diagnostics"]) out += "  " + str(d["severity"]) + " " + str(d["code"]) + ": " + str(d["message"]) + "\n";
  return out;
}
}  // namespace

std::string render_table(const json& r, bool color) {
  std::string out;
  const json& in = r["input"];
  out += "tierscope " + str(r["tool"]["version"]) + " · scope catalog as of " +
         str(r["catalog"]["as_of"]) + " · input: " + str(in["format"]);
  if (in["app_name"].is_string()) out += " (" + str(in["app_name"]) + ")";
  if (in.contains("json_path") && in["json_path"].is_string()) out += " · scopes from " + str(in["json_path"]);
  if (in.contains("ignored") && !in["ignored"].empty()) {  // what of a pasted list was not read, and why
    std::string lines;
    std::size_t shown = 0;
    for (const auto& g : in["ignored"])
      if (++shown <= 12) lines += (lines.empty() ? "" : ", ") + std::to_string(g["line"].get<std::uint64_t>()) + " (" + str(g["reason"]) + ")";
    if (shown > 12) lines += ", +" + std::to_string(shown - 12) + " more";
    out += "\n  ignored lines: " + lines;
  }
  out += "\n  required:    " + list(r["request"]["required"]) + "\n  conditional: " + list(r["request"]["conditional"]) +
         (in["without_conditional"].get<bool>() ? "  (left out of this evaluation)" : "") +
         "\n  optional:    " + list(r["request"]["optional"]) + "\n\n";
  if (tierscope::no_scope_read(r)) {  // prose, an error text without names: no matrix, no verdict
    const std::size_t ignored = in.contains("ignored") ? in["ignored"].size() : 0;
    out += "No verdict: no scopes found in the input" +
           (ignored ? " (" + std::to_string(ignored) + (ignored == 1 ? " line" : " lines") + " read as no scope)" : std::string()) +
           ". Give the app's scopes, an install URL or an app config.\n";
    return out + diagnostics_text(r);
  }
  std::map<std::string, json> by_id;
  for (const auto& p : r["profiles"]) by_id[str(p["id"])] = p;
  std::size_t w0 = 16;  // wide enough for every hub name ("Revenue Hub (formerly Commerce Hub)")
  for (const auto& h : model()["hubs"]) w0 = std::max(w0, pad(str(h["name"]), 0).size());
  const std::size_t w = 22;
  auto cell = [&](const std::string& id) {
    auto it = by_id.find(id);
    if (it == by_id.end()) return pad("·", w);
    std::string status = it->second["status"];
    return paint(pad(status_cell(status), w), status, color);
  };
  // Rows: the profiles without a single hub (free), then one row per hub, one column per tier above the lowest.
  const json& m = model();
  std::string head = pad("", w0);
  for (std::size_t t = 1; t < m["tiers"].size(); ++t) head += pad(m["tiers"][t]["name"], w);
  while (!head.empty() && head.back() == ' ') head.pop_back();
  out += head + "\n";
  for (const auto& p : m["profiles"])
    if (p["hub"].is_null()) out += pad(p["name"], w0) + cell(p["id"]) + "\n";
  for (const auto& hub : m["hubs"]) {
    std::string line = pad(hub["name"], w0);
    for (std::size_t t = 1; t < m["tiers"].size(); ++t) {
      std::string id;
      for (const auto& p : m["profiles"])
        if (p["hub"] == hub["id"] && p["tier"] == m["tiers"][t]["id"]) id = p["id"];
      line += id.empty() ? pad("", w) : cell(id);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  const json& cov = r["coverage"];
  const json& combos = cov["combinations"];
  out += "\nInstalls on " + std::to_string(cov["profiles"]["installs"].get<int>()) + " of " +
         std::to_string(cov["profiles"]["total"].get<int>()) + " standard tiers · " +
         percent(combos["installs"], combos["total"]) + " % of " + tierscope::with_commas(combos["total"]) +
         " account configurations";
  if (combos.value("disputed", 0u) > 0) {
    // Where the sources disagree, or no source speaks of the account (as the profiles' disputed scopes are).
    bool disagree = false, silent = false;
    for (const auto& p : r["profiles"])
      for (const auto& n : p["disputed"]) (undocumented_there(r, str(n)) ? silent : disagree) = true;
    out += " (+ " + percent(combos["disputed"], combos["total"]) + " % where " +
           (silent && !disagree ? "no source speaks of the account" : silent ? "the sources disagree or none speaks of the account"
                                                                    : "the sources disagree") + ")";
  }
  out += "\n";
  // Why: group failing profiles by what they lack.
  std::vector<std::pair<std::string, std::vector<std::string>>> why;
  for (const auto& p : r["profiles"]) {
    std::string status = p["status"];
    if (status != "permission-error") continue;
    std::string key = list(p["missing"]);
    auto it = std::find_if(why.begin(), why.end(), [&](const auto& e) { return e.first == key; });
    if (it == why.end()) why.push_back({key, {str(p["name"])}});
    else it->second.push_back(str(p["name"]));
  }
  if (!why.empty()) {
    out += "\nPermission error (\"Couldn't complete the connection\"):\n";
    for (const auto& [missing, names] : why) {
      std::string who;
      for (const auto& n : names) who += (who.empty() ? "" : ", ") + n;
      out += "  missing " + missing + ": " + who + "\n";
    }
  }
  // Uncertain: the sources disagree or none speaks of the profile (disputed), or HubSpot states no tier (unverified).
  std::vector<std::pair<std::string, std::vector<std::string>>> unsure;
  for (const auto& p : r["profiles"]) {
    if (p["status"] != "uncertain") continue;
    std::string key;
    if (!p["disputed"].empty()) key = disputed_words(r, p["disputed"]);
    if (!p["unverified"].empty()) key += (key.empty() ? "" : "; ") + std::string("no tier documented for ") + list(p["unverified"]);
    auto it = std::find_if(unsure.begin(), unsure.end(), [&](const auto& e) { return e.first == key; });
    if (it == unsure.end()) unsure.push_back({key, {p["name"].get<std::string>()}});
    else it->second.push_back(p["name"]);
  }
  if (!unsure.empty()) {
    out += "\nUncertain (the install may succeed or fail):\n";
    for (const auto& [reason, names] : unsure) {
      std::string who;
      for (const auto& n : names) who += (who.empty() ? "" : ", ") + n;
      out += "  " + reason + ": " + who + "\n";
    }
  }
  if (!r["account"].is_null()) {
    const json& a = r["account"];
    out += "\nCustom account: " + paint(status_cell(a["status"]), a["status"], color);
    if (!a["missing"].empty()) out += " (missing " + list(a["missing"]) + ")";
    else if (a["status"] == "uncertain" && !a["disputed"].empty()) out += " (" + disputed_words(r, a["disputed"]) + ")";
    out += "\n";
  }
  if (r.contains("url_check") && r["url_check"].is_object()) {
    const json& u = r["url_check"];
    out += u["ok"].get<bool>() ? "\nInstall URL matches the app config.\n"
                               : "\nInstall URL does not match the app config; a corrected URL:\n  " +
                                     str(u["fixed_url"]) + "\n";
  }
  out += diagnostics_text(r);
  if (!r["suggestions"].empty()) {
    out += "\nSmallest changes that let more portals in:\n";
    bool after_rename = false;
    int alternatives = 0;
    for (const auto& s : r["suggestions"]) {
      std::string action = str(s["action"]), n = std::to_string(s["unlocks"].size());
      std::string tiers = " standard tier" + std::string(s["unlocks"].size() == 1 ? "" : "s") + " install (" +
                          percent(s["combinations"], cov["combinations"]["total"]) + " % of configurations)";
      if (action == "remove-or-rename") {
        std::string maybe;
        for (const auto& [name, to] : s["did_you_mean"].items()) maybe += (maybe.empty() ? "" : "; ") + tierscope::escape_controls(name) + " → " + list(to);
        out += "  remove or rename " + list(s["scopes"]) + (maybe.empty() ? "" : " (did you mean " + maybe + "?)") +
               (s["unlocks"].empty() ? " (HubSpot rejects it on every account)" : " → " + n + tiers) + "\n";
        after_rename = true;
        continue;
      }
      std::string change = action == "remove" ? "remove " + list(s["scopes"]) + " (the app loses them on every account)"
                           : action == "switch-to-oauth" ? "switch to OAuth with " + list(s["scopes"]) + " optional"
                                                         : "make " + list(s["scopes"]) + " optional";
      // Each change is counted as if the names above were gone, and apart from the other changes: after a
      // rename the first reads "then", the others are its alternatives ("or"), not further steps.
      out += std::string("  ") + (!after_rename ? "" : alternatives++ ? "or " : "then ") + change + " → " + n + " more" + tiers + "\n";
    }
  }
  if (r.contains("gate") && r["gate"].is_object()) {
    const json& g = r["gate"];
    bool ok = g["ok"].get<bool>();
    out += "\nGate (--require-install-on " + list(g["profiles"]) + "): " +
           paint(ok ? "passed" : "failed on " + list(g["failed"]), ok ? "installs" : "permission-error", color) + "\n";
  }
  return out;
}

std::string render_scopes(const json& entries) {
  std::string out;
  for (const auto& e : entries) {
    std::string tier = e["tier_text"].is_string() ? str(e["tier_text"])
                       : e["requires"].is_null() ? "(tier not documented)"
                                                 : requirement_words(e["requires"]);
    out += pad(str(e["name"]), 48) + pad("[" + str(e["confidence"]) + "]", 14) + tier + "\n";
    out += "    " + str(e["label"]) + "\n";
    if (e["requires_any_source"] != e["requires"]) {  // one deciding statement cannot disagree with itself
      auto deciding = std::count_if(e["evidence"].begin(), e["evidence"].end(), [](const json& ev) { return ev["decides"] == true; });
      out += deciding == 1 ? "    its one deciding statement does not speak of every account: see its note\n"
                           : "    the sources disagree: see the evidence\n";
    }
    for (const auto& ev : e["evidence"]) {
      out += "    - " + str(ev["source"]) + " (" + str(ev["kind"]);
      if (ev["as_of"].is_string()) out += ", " + str(ev["as_of"]);
      out += std::string(ev["decides"].get<bool>() ? "" : ", not deciding") + "): " + requirement_words(ev["requires"]) + "\n";
      if (ev["note"].is_string()) out += "      " + str(ev["note"]) + "\n";
      if (ev["url"].is_string()) out += "      " + str(ev["url"]) + "\n";
    }
  }
  out += std::to_string(entries.size()) + " scope" + (entries.size() == 1 ? "" : "s") + "\n";
  return out;
}

std::string render_urls(const json& b) {
  std::string out;
  for (const auto& u : b["urls"]) {
    out += str(u["label"]) + " (installs on " + std::to_string(u["installs_profiles"].get<int>()) +
           " of " + total_profiles() + " standard tiers · " + percent(u["combinations"], total_configurations()) + " % of configurations):\n  " +
           str(u["url"]) + "\n";
  }
  for (const auto& d : b["diagnostics"]) out += "\nnote: " + str(d["message"]) + "\n";
  return out;
}

std::string render_migrate(const json& m) {
  std::string out = "Scopes of the OAuth 1 list:\n";
  for (const auto& s : m["scopes"]) {
    out += "  " + pad(str(s["scope"]), 28) + pad(str(s["status"]), 11) + str(s["note"]);
    if (s["status"] == "retired") out += "\n      → " + list(s["replaced_by"]);
    out += "\n";
  }
  out += "\nUnder OAuth 1 every portal could approve the list. At OAuth 2 re-authorization, with every scope required:\n";
  for (const auto& p : m["profiles"])
    if (p["oauth2"] != "installs")
      out += "  " + pad(str(p["name"]), 28) + status_cell(p["oauth2"]) +
             (p["missing"].empty() ? "" : " (missing " + list(p["missing"]) + ")") + "\n";
  const json& c = m["coverage"]["oauth2"];
  out += "Installs on " + std::to_string(c["profiles"].get<int>()) + " of " + total_profiles() + " standard tiers · " +
         percent(c["combinations"], total_configurations()) + " % of configurations.\n";
  const json& r = m["recommendation"];
  out += "\nRecommended: required " + list(r["required"]) + "\n             optional " + list(r["optional"]) +
         "\n  → installs on " + std::to_string(r["coverage"]["profiles"].get<int>()) + " of " + total_profiles() + " standard tiers · " +
         percent(r["coverage"]["combinations"], total_configurations()) + " % of configurations\n";
  return out;
}

std::string render_diff(const json& d) {
  std::string out;
  for (const char* part : {"added", "removed"})
    for (const char* kind : {"required", "conditional", "optional"})
      if (!d[part][kind].empty()) out += std::string(part) + " (" + kind + "): " + list(d[part][kind]) + "\n";
  for (const auto& c : d["changed_kind"])
    out += "changed: " + str(c["scope"]) + " " + str(c["from"]) + " → " + str(c["to"]) + "\n";
  if (out.empty()) out = "No scope changes.\n";
  out += "\n" + str(d["reauthorize_note"]) + "\n";
  if (!d["profiles"].empty()) {
    out += "\nProfiles whose result changes:\n";
    for (const auto& p : d["profiles"])
      out += "  " + pad(str(p["name"]), 28) + status_cell(p["before"]) + " → " + status_cell(p["after"]) + "\n";
  }
  const json& c = d["coverage"];
  out += "\nConfigurations that install: " + percent(c["before"]["combinations"], total_configurations()) + " % → " +
         percent(c["after"]["combinations"], total_configurations()) + " %\n";
  return out;
}

}  // namespace tierscope_cli
