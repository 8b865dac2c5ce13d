#include "table.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

namespace tierscope_cli {
namespace {
using nlohmann::json;

const char* kHubRows[][2] = {{"marketing", "Marketing Hub"}, {"sales", "Sales Hub"}, {"service", "Service Hub"},
                             {"content", "Content Hub"},     {"data", "Data Hub"},   {"commerce", "Commerce Hub"}};
const char* kTierCols[] = {"starter", "professional", "enterprise"};

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
  for (const auto& v : arr) out += (out.empty() ? "" : ", ") + v.get<std::string>();
  return out.empty() ? "–" : out;
}

std::string percent(std::uint64_t part, std::uint64_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", whole ? 100.0 * part / whole : 0.0);
  return buf;
}
}  // namespace

std::string render_table(const json& r, bool color) {
  std::string out;
  const json& in = r["input"];
  out += "tierscope " + r["tool"]["version"].get<std::string>() + " · scope catalog as of " +
         r["catalog"]["as_of"].get<std::string>() + " · input: " + in["format"].get<std::string>();
  if (in["app_name"].is_string()) out += " (" + in["app_name"].get<std::string>() + ")";
  out += "\n  required:    " + list(r["request"]["required"]) + "\n  conditional: " + list(r["request"]["conditional"]) +
         (in["without_conditional"].get<bool>() ? "  (left out of this evaluation)" : "") +
         "\n  optional:    " + list(r["request"]["optional"]) + "\n\n";
  std::map<std::string, json> by_id;
  for (const auto& p : r["profiles"]) by_id[p["id"].get<std::string>()] = p;
  const std::size_t w0 = 16, w = 22;
  auto cell = [&](const std::string& id) {
    auto it = by_id.find(id);
    if (it == by_id.end()) return pad("·", w);
    std::string status = it->second["status"];
    return paint(pad(status_cell(status), w), status, color);
  };
  out += pad("", w0) + pad("Starter", w) + pad("Professional", w) + "Enterprise\n";
  out += pad("Free", w0) + cell("free") + "\n";
  for (const auto& hub : kHubRows) {
    std::string line = pad(hub[1], w0);
    for (const char* tier : kTierCols) line += cell(std::string(hub[0]) + "-" + tier);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  const json& cov = r["coverage"];
  out += "\nInstalls on " + std::to_string(cov["profiles"]["installs"].get<int>()) + " of " +
         std::to_string(cov["profiles"]["total"].get<int>()) + " standard tiers · " +
         percent(cov["combinations"]["installs"], cov["combinations"]["total"]) + " % of 65,536 account configurations\n";
  // Why: group failing profiles by what they lack.
  std::vector<std::pair<std::string, std::vector<std::string>>> why;
  for (const auto& p : r["profiles"]) {
    std::string status = p["status"];
    if (status != "permission-error") continue;
    std::string key = list(p["missing"]);
    auto it = std::find_if(why.begin(), why.end(), [&](const auto& e) { return e.first == key; });
    if (it == why.end()) why.push_back({key, {p["name"].get<std::string>()}});
    else it->second.push_back(p["name"]);
  }
  if (!why.empty()) {
    out += "\nPermission error (\"Couldn't complete the connection\"):\n";
    for (const auto& [missing, names] : why) {
      std::string who;
      for (const auto& n : names) who += (who.empty() ? "" : ", ") + n;
      out += "  missing " + missing + ": " + who + "\n";
    }
  }
  if (!r["account"].is_null()) {
    const json& a = r["account"];
    out += "\nCustom account: " + paint(status_cell(a["status"]), a["status"], color);
    if (!a["missing"].empty()) out += " (missing " + list(a["missing"]) + ")";
    out += "\n";
  }
  if (r.contains("url_check") && r["url_check"].is_object()) {
    const json& u = r["url_check"];
    out += u["ok"].get<bool>() ? "\nInstall URL matches the app config.\n"
                               : "\nInstall URL does not match the app config; a corrected URL:\n  " +
                                     u["fixed_url"].get<std::string>() + "\n";
  }
  if (!r["diagnostics"].empty()) {
    out += "\nDiagnostics:\n";
    for (const auto& d : r["diagnostics"])
      out += "  " + d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + ": " +
             d["message"].get<std::string>() + "\n";
  }
  if (!r["suggestions"].empty()) {
    out += "\nSmallest changes that let more portals in:\n";
    for (const auto& s : r["suggestions"])
      out += "  make " + list(s["scopes"]) + " optional → " + std::to_string(s["unlocks"].size()) +
             " more standard tier" + (s["unlocks"].size() == 1 ? "" : "s") + " install (" +
             percent(s["combinations"], cov["combinations"]["total"]) + " % of configurations)\n";
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
    std::string tier = e["tier_text"].is_string() ? e["tier_text"].get<std::string>() : "(tier not documented)";
    out += pad(e["name"].get<std::string>(), 48) + pad("[" + e["confidence"].get<std::string>() + "]", 18) + tier + "\n";
    out += "    " + e["label"].get<std::string>() + " · source: " + e["source"].get<std::string>() + "\n";
  }
  out += std::to_string(entries.size()) + " scope" + (entries.size() == 1 ? "" : "s") + "\n";
  return out;
}

std::string render_urls(const json& b) {
  std::string out;
  for (const auto& u : b["urls"]) {
    out += u["label"].get<std::string>() + " (installs on " + std::to_string(u["installs_profiles"].get<int>()) +
           " of 19 standard tiers · " + percent(u["combinations"], 65536) + " % of configurations):\n  " +
           u["url"].get<std::string>() + "\n";
  }
  for (const auto& d : b["diagnostics"]) out += "\nnote: " + d["message"].get<std::string>() + "\n";
  return out;
}

std::string render_migrate(const json& m) {
  std::string out = "Scopes of the OAuth 1 list:\n";
  for (const auto& s : m["scopes"]) {
    out += "  " + pad(s["scope"].get<std::string>(), 28) + pad(s["status"].get<std::string>(), 11) + s["note"].get<std::string>();
    if (s["status"] == "retired") out += "\n      → " + list(s["replaced_by"]);
    out += "\n";
  }
  out += "\nUnder OAuth 1 every portal could approve the list. At OAuth 2 re-authorization, with every scope required:\n";
  for (const auto& p : m["profiles"])
    if (p["oauth2"] != "installs")
      out += "  " + pad(p["name"].get<std::string>(), 28) + status_cell(p["oauth2"]) +
             (p["missing"].empty() ? "" : " (missing " + list(p["missing"]) + ")") + "\n";
  const json& c = m["coverage"]["oauth2"];
  out += "Installs on " + std::to_string(c["profiles"].get<int>()) + " of 19 standard tiers · " +
         percent(c["combinations"], 65536) + " % of configurations.\n";
  const json& r = m["recommendation"];
  out += "\nRecommended: required " + list(r["required"]) + "\n             optional " + list(r["optional"]) +
         "\n  → installs on " + std::to_string(r["coverage"]["profiles"].get<int>()) + " of 19 standard tiers · " +
         percent(r["coverage"]["combinations"], 65536) + " % of configurations\n";
  return out;
}

std::string render_diff(const json& d) {
  std::string out;
  for (const char* part : {"added", "removed"})
    for (const char* kind : {"required", "conditional", "optional"})
      if (!d[part][kind].empty()) out += std::string(part) + " (" + kind + "): " + list(d[part][kind]) + "\n";
  for (const auto& c : d["changed_kind"])
    out += "changed: " + c["scope"].get<std::string>() + " " + c["from"].get<std::string>() + " → " + c["to"].get<std::string>() + "\n";
  if (out.empty()) out = "No scope changes.\n";
  out += "\n" + d["reauthorize_note"].get<std::string>() + "\n";
  if (!d["profiles"].empty()) {
    out += "\nProfiles whose result changes:\n";
    for (const auto& p : d["profiles"])
      out += "  " + pad(p["name"].get<std::string>(), 28) + status_cell(p["before"]) + " → " + status_cell(p["after"]) + "\n";
  }
  const json& c = d["coverage"];
  out += "\nConfigurations that install: " + percent(c["before"]["combinations"], 65536) + " % → " +
         percent(c["after"]["combinations"], 65536) + " %\n";
  return out;
}

}  // namespace tierscope_cli
