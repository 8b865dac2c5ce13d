#include "project/scan.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstring>
#include <set>

#include "calls/calls.hpp"
#include "calls/calls_input.hpp"
#include "calls/operations.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

struct ClientTable {
  ojson info = ojson::object();
  std::map<std::string, std::pair<std::string, std::string>> js, py;  // chain -> method, path
  std::size_t longest = 0;  // parts in the longest chain
};
std::shared_ptr<const ClientTable> g_clients;

bool is_ident(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; }

bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A literal's text as an API target, or "": a URL on a HubSpot host, or a path whose first segment
// starts an operation of the table. Template parts before the first '/' (a base URL variable) go.
std::string api_target(std::string lit, const std::set<std::string>& roots) {
  // Leading ${BASE} or {BASE}: the base URL in a variable.
  while (!lit.empty() && (lit[0] == '$' || lit[0] == '{')) {
    auto close = lit.find('}');
    if (close == std::string::npos) return "";
    lit = lit.substr(close + 1);
  }
  std::string lower = ascii_lower(lit.substr(0, 40));
  if (lower.rfind("https://", 0) == 0 || lower.rfind("http://", 0) == 0) {
    auto start = lower.find("://") + 3, slash = lit.find('/', start);
    std::string host = ascii_lower(lit.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    return hubspot_api_host(host) && slash != std::string::npos ? lit : "";
  }
  if (lit.size() < 2 || lit[0] != '/') return "";
  auto end = lit.find_first_of("/?#", 1);
  std::string first = ascii_lower(lit.substr(1, end == std::string::npos ? std::string::npos : end - 1));
  if (!roots.count(first) || end == std::string::npos || lit[end] != '/') return "";  // a root alone is no call
  if (lit.find(' ') != std::string::npos) return "";
  return lit;
}

std::string method_near(const std::vector<std::string_view>& lines, std::size_t i, std::size_t col) {
  static const char* kVerbs[] = {"get", "post", "put", "patch", "delete"};
  // On the line, before the literal: .post( .get( ... (axios, requests, got, a wrapper of the same name).
  std::string before = ascii_lower(lines[i].substr(0, col));
  std::size_t best = std::string::npos;
  std::string verb;
  for (const char* v : kVerbs) {
    std::string pat = std::string(".") + v + "(";
    auto at = before.rfind(pat);
    if (at != std::string::npos && (best == std::string::npos || at > best)) best = at, verb = v;
  }
  if (!verb.empty()) return verb;
  // method: 'POST' or method="POST" within three lines.
  for (std::size_t d = 0; d <= 3; ++d)
    for (int sign : {-1, 1}) {
      if (sign < 0 && d > i) continue;
      std::size_t k = sign < 0 ? i - d : i + d;
      if (k >= lines.size()) continue;
      std::string l = ascii_lower(lines[k]);
      auto at = l.find("method");
      if (at == std::string::npos) continue;
      std::size_t j = at + 6;
      while (j < l.size() && (l[j] == ' ' || l[j] == '"' || l[j] == '\'')) ++j;
      if (j >= l.size() || (l[j] != ':' && l[j] != '=')) continue;
      ++j;
      while (j < l.size() && (l[j] == ' ' || l[j] == '"' || l[j] == '\'' || l[j] == '`')) ++j;
      for (const char* v : kVerbs)
        if (l.compare(j, std::strlen(v), v) == 0 && (j + std::strlen(v) >= l.size() || !is_ident(l[j + std::strlen(v)]))) return v;
    }
  return "";
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

void scan_file(const std::string& path, const std::string& text, const std::set<std::string>& roots, const ClientTable* clients,
               std::vector<FoundCall>& out) {
  bool python = ends_with(path, ".py");
  std::vector<std::string_view> lines;
  std::string_view t = text;
  for (std::size_t start = 0; start <= t.size();) {
    auto nl = t.find('\n', start);
    lines.push_back(t.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l.size() > 4000) continue;  // minified code: not read
    // String literals on the line.
    for (std::size_t j = 0; j < l.size(); ++j) {
      char q = l[j];
      if (q != '"' && q != '\'' && q != '`') continue;
      std::size_t k = j + 1;
      std::string lit;
      int depth = 0;
      for (; k < l.size(); ++k) {
        char c = l[k];
        if (c == '\\' && k + 1 < l.size()) {
          lit += l[++k];
          continue;
        }
        if (c == q && depth == 0) break;
        if (q == '`' && c == '$' && k + 1 < l.size() && l[k + 1] == '{') ++depth;
        else if (depth > 0 && c == '}') --depth;
        lit += c;
      }
      if (k >= l.size()) break;  // unterminated on this line (a multi-line template): not read
      std::string target = api_target(lit, roots);
      if (!target.empty()) out.push_back({path, i + 1, upper(method_near(lines, i, j)), target, "literal", ""});
      j = k;
    }
    // Client method chains: a.b.c.d( with the table's chain as its end.
    if (!clients) continue;
    const auto& table = python ? clients->py : clients->js;
    for (std::size_t j = 0; j < l.size(); ++j) {
      if (!is_ident(l[j]) || (j > 0 && (is_ident(l[j - 1]) || l[j - 1] == '.'))) continue;
      std::vector<std::string> parts;
      std::size_t k = j;
      for (;;) {
        std::size_t s = k;
        while (k < l.size() && is_ident(l[k])) ++k;
        parts.emplace_back(l.substr(s, k - s));
        if (k < l.size() && l[k] == '.' && k + 1 < l.size() && is_ident(l[k + 1])) ++k;
        else break;
      }
      std::size_t after = k;
      while (after < l.size() && l[after] == ' ') ++after;
      if (parts.size() >= 3 && after < l.size() && l[after] == '(') {
        for (std::size_t from = parts.size() >= clients->longest ? parts.size() - clients->longest : 0; from + 2 < parts.size(); ++from) {
          std::string chain;
          for (std::size_t p = from; p < parts.size(); ++p) chain += (chain.empty() ? "" : ".") + parts[p];
          auto it = table.find(chain);
          if (it != table.end()) {
            out.push_back({path, i + 1, it->second.first, it->second.second, "client", chain});
            break;
          }
        }
      }
      j = k;
    }
  }
}

}  // namespace

void set_client_methods_json(std::string_view text) {
  ojson doc = parse_json(text, "the client methods");
  auto t = std::make_shared<ClientTable>();
  for (const char* lang : {"javascript", "python"}) {
    if (!doc.contains(lang) || !doc[lang].is_object() || !doc[lang]["methods"].is_object())
      throw InputError("parse-error", std::string("the client methods: ") + lang + ".methods must be an object");
    t->info[lang] = {{"package", doc[lang].value("package", ojson(nullptr))}, {"version", doc[lang].value("version", ojson(nullptr))}};
    auto& m = lang[0] == 'j' ? t->js : t->py;
    for (const auto& [chain, v] : doc[lang]["methods"].items()) {
      if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string())
        throw InputError("parse-error", "the client methods: " + chain + " must be [METHOD, path]");
      m[chain] = {v[0].get<std::string>(), v[1].get<std::string>()};
      t->longest = std::max<std::size_t>(t->longest, 1 + std::count(chain.begin(), chain.end(), '.'));
    }
  }
  std::atomic_store(&g_clients, std::shared_ptr<const ClientTable>(t));
}

bool client_methods_loaded() { return std::atomic_load(&g_clients) != nullptr; }

ojson client_methods_info() {
  auto t = std::atomic_load(&g_clients);
  return t ? t->info : ojson(nullptr);
}

bool scanned_source(const std::string& p) {
  for (const char* e : {".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".py"})
    if (ends_with(p, e)) return !ends_with(p, ".d.ts") && !ends_with(p, ".min.js");
  return false;
}

std::vector<FoundCall> scan_sources(const ProjectFiles& files) {
  auto ops = current_operations();
  if (!ops) throw std::runtime_error("no operations table loaded (load_operations)");
  std::set<std::string> roots;
  for (const auto& op : ops->ops)
    if (!op.segments.empty()) roots.insert(op.segments[0]);
  auto clients = std::atomic_load(&g_clients);
  std::vector<FoundCall> out;
  std::size_t n = 0;
  for (const auto& [path, text] : files) {
    if (!scanned_source(path) || path.find("node_modules/") != std::string::npos) continue;
    if (++n > kMaxScanFiles)
      throw InputError("input-too-large", "more than " + std::to_string(kMaxScanFiles) + " source files to scan");
    scan_file(path, text, roots, clients.get(), out);
  }
  return out;
}

ojson scan_calls_json(const ProjectFiles& files, std::string_view config_text, const Options& options) {
  std::vector<FoundCall> found = scan_sources(files);
  std::string list;
  for (const auto& f : found) list += (f.method.empty() ? "" : f.method + " ") + f.target + "\n";
  ojson out = calls_json(list, config_text, options);
  // Each call back to where it was found (its "line" is its line in the list above).
  for (auto& c : out["calls"]) {
    std::size_t k = c["line"].get<std::size_t>();
    if (k == 0 || k > found.size()) continue;
    const FoundCall& f = found[k - 1];
    c["file"] = f.file;
    c["line"] = f.line;
    c["via"] = f.via;
    c["client_method"] = f.client_method.empty() ? ojson(nullptr) : ojson(f.client_method);
  }
  for (auto& c : out["uncovered"]) {
    std::size_t k = c["line"].get<std::size_t>();
    if (k == 0 || k > found.size()) continue;
    c["file"] = found[k - 1].file;
    c["line"] = found[k - 1].line;
  }
  // Diagnostics that name a line of the list name the file and line instead.
  for (auto& d : out["diagnostics"]) {
    std::string m = d["message"].get<std::string>();
    auto at = m.find("(line ");
    if (at == std::string::npos) continue;
    auto close = m.find(')', at);
    std::size_t k = 0;
    for (std::size_t i = at + 6; i < close && i < m.size() && std::isdigit(static_cast<unsigned char>(m[i])); ++i) k = k * 10 + (m[i] - '0');
    if (k == 0 || k > found.size() || close == std::string::npos) continue;
    d["message"] = m.substr(0, at) + "(" + found[k - 1].file + ", line " + std::to_string(found[k - 1].line) + m.substr(close);
  }
  out["input"]["format"] = "source";
  out["input"]["files"] = files.size();
  out["clients"] = client_methods_info();
  return out;
}

}  // namespace tierscope
