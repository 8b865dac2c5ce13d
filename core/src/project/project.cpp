#include "project/project.hpp"

#include <algorithm>
#include <atomic>
#include <set>

#include "catalog/catalog.hpp"
#include "evaluate/migrate.hpp"
#include "calls/operations.hpp"
#include "input/request.hpp"
#include "project/scan.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

std::shared_ptr<const ojson> g_rules;

[[noreturn]] void fail(const std::string& message) { throw InputError("parse-error", message); }

// Where each value of a JSON text starts, by path ("config.objectTypes[0]"; a member: its key). The
// text was parsed already (well-formed, depth-bounded), so the scanner need not check.
struct Locator {
  std::string_view t;
  std::size_t i = 0;
  std::map<std::string, std::size_t> at;
  char peek() const { return i < t.size() ? t[i] : '\0'; }
  void ws() {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\n')) ++i;
  }
  std::string str() {
    std::string out;
    for (++i; i < t.size() && t[i] != '"'; ++i) {
      if (t[i] == '\\') ++i;
      if (i < t.size()) out += t[i];
    }
    ++i;
    return out;
  }
  void value(const std::string& path, std::size_t key_at) {
    ws();
    at.emplace(path, key_at == std::string::npos ? i : key_at);
    char c = peek();
    if (c == '{' || c == '[') {
      ++i;
      for (std::size_t n = 0;; ++n) {
        ws();
        if (peek() == '}' || peek() == ']' || peek() == '\0') {
          ++i;
          return;
        }
        if (c == '{') {
          std::size_t k = i;
          std::string key = str();
          ws();
          ++i;  // ':'
          value(path.empty() ? key : path + "." + key, k);
        } else {
          value(path + "[" + std::to_string(n) + "]", std::string::npos);
        }
        ws();
        if (peek() == ',') ++i;
      }
    }
    if (c == '"') {
      str();
      return;
    }
    while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t') ++i;
  }
};

struct JsonFile {
  std::string path;
  const std::string* text = nullptr;
  ojson doc;
  std::map<std::string, std::size_t> at;
  std::size_t line(const std::string& json_path) const {
    auto it = at.find(json_path);
    if (it == at.end()) return 1;
    return line_column(*text, it->second).first;
  }
};

const ojson& rules() {
  static thread_local std::shared_ptr<const ojson> held;  // keeps the table alive while a call reads it
  held = std::atomic_load(&g_rules);
  if (!held) throw std::runtime_error("no project rules loaded (load_project_rules)");
  return *held;
}

std::string basename(const std::string& p) {
  auto s = p.rfind('/');
  return s == std::string::npos ? p : p.substr(s + 1);
}
bool ends_with(const std::string& s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}
std::string str_at(const ojson& o, const char* key) {
  if (!o.is_object()) return "";
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : "";
}
ojson null_or(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

struct Reader {
  ProjectRead out;
  std::vector<JsonFile> files;
  std::set<std::string> app_objects;  // uids and names of the project's app objects (lower case)

  void diag(const std::string& severity, const std::string& code, const std::string& message, const JsonFile* f,
            const std::string& path, const std::string& scope = "", const char* action = nullptr) {
    ojson d = {{"severity", severity}, {"code", code}, {"scope", null_or(scope)}, {"message", message},
               {"suggestion", action ? ojson{{"action", action}, {"scopes", ojson::array({scope})}} : ojson(nullptr)},
               {"file", f ? ojson(f->path) : ojson(nullptr)}, {"line", f ? ojson(f->line(path)) : ojson(nullptr)},
               {"path", path.empty() ? ojson(nullptr) : ojson(path)}};
    out.diagnostics.push_back(std::move(d));
  }

  // An object type as a card or subscription names it -> {object, read scope}; "" when unknown.
  std::pair<std::string, std::string> object_scope(const std::string& name) {
    std::string lower = ascii_lower(trim(name));
    for (const auto& o : rules()["objects"])
      for (const auto& n : o["names"])
        if (ascii_lower(n.get<std::string>()) == lower) return {o["object"], o["read_scope"]};
    bool custom = lower.rfind("p_", 0) == 0 ||
                  (lower.rfind("2-", 0) == 0 && lower.size() > 2 && lower.find_first_not_of("0123456789", 2) == std::string::npos);
    if (custom) return {"custom", "crm.objects.custom.read"};
    if (app_objects.count(lower)) return {"app-object", ""};
    return {"", ""};
  }

  const ojson& feature_rule(const std::string& kind) {
    for (const auto& f : rules()["features"])
      if (f["kind"] == kind) return f;
    throw std::runtime_error("project rules: no feature " + kind);
  }

  // One feature: its objects (JSON path -> name) and the scopes they imply.
  void feature(const std::string& kind, const JsonFile& f, const std::string& uid, const std::string& base,
               const std::vector<std::pair<std::string, std::string>>& objects) {
    const ojson& rule = feature_rule(kind);
    ojson objs = ojson::array(), implies = ojson::array();
    std::set<std::string> seen;
    for (const auto& [path, name] : objects) {
      auto [object, scope] = object_scope(name);
      objs.push_back(name);
      if (kind == "webhooks" && object.empty())
        for (const auto& e : rules()["webhook_events"])
          if (ascii_lower(name) == e["prefix"].get<std::string>()) object = "event", scope = e["scope"];
      if (object.empty()) {
        diag("warning", "unknown-object-type",
             concat({"The ", kind, " ", quote_name(uid), " names the object type ", quote_name(name),
                     ", which is not a standard object, a custom object (2-…, p_…) or one of this project's app objects: "
                     "its scope is not checked."}),
             &f, path);
        continue;
      }
      if (object == "app-object") {
        diag("info", "app-object", concat({"The ", kind, " ", quote_name(uid), " is on the app object ", quote_name(name),
                                          ": HubSpot names app-object scopes per app, so tierscope does not check them."}),
             &f, path);
        continue;
      }
      if (rule["implies"] != "object-read" || scope.empty() || !seen.insert(scope).second) continue;
      implies.push_back({{"scope", scope}, {"category", rule["category"]}, {"object", object}, {"path", path}});
    }
    out.features.push_back({{"kind", kind}, {"uid", null_or(uid)}, {"file", f.path}, {"line", f.line(base)},
                            {"path", base.empty() ? ojson(nullptr) : ojson(base)}, {"objects", objs}, {"implies", implies}});
  }

  static std::vector<std::pair<std::string, std::string>> names_in(const ojson& list, const std::string& path, const char* key) {
    std::vector<std::pair<std::string, std::string>> out;
    if (!list.is_array()) return out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::string p = path + "[" + std::to_string(i) + "]";
      const ojson& v = list[i];
      if (v.is_string()) out.push_back({p, v.get<std::string>()});
      else if (key && v.is_object() && v.contains(key) && v[key].is_string()) out.push_back({p + "." + key, v[key].get<std::string>()});
    }
    return out;
  }

  void webhooks(const JsonFile& f, const std::string& uid, const std::string& base, const ojson& subs) {
    std::vector<std::pair<std::string, std::string>> objects;
    std::string sp = base.empty() ? "subscriptions" : base + ".subscriptions";
    for (const char* group : {"crmObjects", "legacyCrmObjects", "hubEvents"}) {
      auto it = subs.find(group);
      if (it == subs.end() || !it->is_array()) continue;
      for (std::size_t i = 0; i < it->size(); ++i) {
        const ojson& s = (*it)[i];
        std::string p = sp + "." + group + "[" + std::to_string(i) + "]";
        if (!s.is_object()) continue;
        if (s.contains("active") && s["active"] == false) continue;
        std::string object = str_at(s, "objectType");
        if (object.empty()) object = str_at(s, "objectName");  // 2023.2 webhooks.json
        if (!object.empty()) {
          objects.push_back({p + (s.contains("objectType") ? ".objectType" : ".objectName"), object});
          continue;
        }
        std::string type = str_at(s, "subscriptionType");
        auto dot = type.find('.');
        if (dot != std::string::npos && dot > 0) objects.push_back({p + ".subscriptionType", type.substr(0, dot)});
      }
    }
    feature("webhooks", f, uid, base, objects);
  }
};

std::string version_text(const ojson& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  return "";
}

}  // namespace

std::shared_ptr<const ojson> current_project_rules() { return std::atomic_load(&g_rules); }
void set_project_rules(std::shared_ptr<const ojson> r) { std::atomic_store(&g_rules, std::move(r)); }

std::shared_ptr<const ojson> read_project_rules(std::string_view text) {
  auto doc = std::make_shared<ojson>(parse_json(text, "the project rules"));
  for (const char* key : {"platform_versions", "objects", "features", "webhook_events"})
    if (!doc->is_object() || !doc->contains(key) || !(*doc)[key].is_array())
      fail(std::string("the project rules: ") + key + " must be an array");
  for (const char* key : {"distribution", "user_level", "sensitive_data"})
    if (!(*doc)[key].is_object()) fail(std::string("the project rules: ") + key + " must be an object");
  return doc;
}

bool project_dir_skipped(std::string_view name) {
  for (const char* skip : {"node_modules", ".git", "dist", "build", ".hs-build", ".hs-cache", "__pycache__", ".venv"})
    if (name == skip) return true;
  return false;
}

bool project_file_read(std::string_view path, std::size_t bytes, ProjectPart part) {
  if (bytes > kMaxInputBytes) return false;
  std::size_t start = 0;
  for (std::size_t slash; (slash = path.find('/', start)) != std::string_view::npos; start = slash + 1)
    if (project_dir_skipped(path.substr(start, slash - start))) return false;
  std::string name(path.substr(start));
  if (name == "package-lock.json") return false;
  if (ends_with(name, ".json")) return (static_cast<int>(part) & 1) != 0;
  return (static_cast<int>(part) & 2) != 0 && scanned_source(name);
}

ProjectFiles read_project_files(std::string_view files_json, ProjectPart part) {
  if (files_json.size() > kMaxProjectBytes + (kMaxProjectBytes >> 2))
    throw InputError("input-too-large", "the project's files are more than " + std::to_string(kMaxProjectBytes >> 20) + " MiB together");
  ojson doc;
  try {
    doc = json_document(files_json);
  } catch (const std::exception&) {
    fail("the project's files must be a JSON object {\"path\": \"text\", ...}");
  }
  if (!doc.is_object()) fail("the project's files must be a JSON object {\"path\": \"text\", ...}");
  ProjectFiles files;
  for (auto& [path, text] : doc.items()) {
    if (!text.is_string()) fail("the project's file " + quote_name(path) + " must be text (a string)");
    const std::string& t = text.get_ref<const std::string&>();
    if (!project_file_read(path, t.size(), part)) continue;
    if (files.size() == kMaxProjectFiles)
      throw InputError("input-too-large", "more than " + std::to_string(kMaxProjectFiles) + " files in the project");
    files[path] = t;
  }
  return files;
}

ProjectRead read_project(const ProjectFiles& all) {
  const ojson& R = rules();
  Reader r;
  r.out.project = ojson::object();
  r.out.features = ojson::array();
  r.out.diagnostics = ojson::array();
  // hsproject.json: the one nearest the root.
  const std::string* hsproject = nullptr;
  std::string root;
  for (const auto& [path, text] : all)
    if (basename(path) == "hsproject.json") {
      std::string dir = path.substr(0, path.size() - 14);
      if (!hsproject || dir.size() < root.size()) hsproject = &text, root = dir;
    }
  if (!hsproject)
    fail("this directory holds no HubSpot project: looked for hsproject.json (a HubSpot developer project's root file) among " +
         std::to_string(all.size()) + " files read");
  std::size_t bytes = 0;
  for (const auto& [path, text] : all) bytes += text.size();
  if (bytes > kMaxProjectBytes)
    throw InputError("input-too-large", "the project's files are more than " + std::to_string(kMaxProjectBytes >> 20) + " MiB together");

  JsonFile proj{root + "hsproject.json", hsproject, {}, {}};
  try {
    check_text(*hsproject, "hsproject.json");
    proj.doc = parse_json(*hsproject, "hsproject.json");
  } catch (const InputError& e) {
    throw InputError(e.code, proj.path + ": " + e.what());
  }
  if (!proj.doc.is_object()) fail(proj.path + ": must be a JSON object {name, srcDir, platformVersion}");
  Locator pl{*hsproject, 0, {}};
  pl.value("", std::string::npos);
  proj.at = std::move(pl.at);
  std::string version = version_text(proj.doc.value("platformVersion", ojson(nullptr)));
  std::string src = str_at(proj.doc, "srcDir");
  if (src.empty()) src = "src";
  while (src.rfind("./", 0) == 0) src = src.substr(2);
  while (!src.empty() && src.back() == '/') src.pop_back();
  std::string src_root = root + src + "/";
  bool known = false;
  for (const auto& v : R["platform_versions"])
    if (v["version"] == version) known = true;
  if (version.empty())
    r.diag("warning", "no-platform-version", "hsproject.json has no platformVersion: HubSpot's CLI needs one; tierscope read the files as they are.",
           &proj, "");
  else if (!known) {
    std::string list;
    for (const auto& v : R["platform_versions"]) list += (list.empty() ? "" : ", ") + v["version"].get<std::string>();
    r.diag("warning", "unknown-platform-version",
           "platformVersion " + quote_name(version) + " is not one tierscope knows (" + list + "); the files were read as they are.",
           &proj, "platformVersion");
  }
  r.out.project = {{"name", null_or(str_at(proj.doc, "name"))}, {"file", proj.path}, {"platform_version", null_or(version)},
                   {"platform_version_known", known}, {"src_dir", src}};

  // Every JSON file under srcDir, parsed; unreadable ones are diagnostics.
  for (const auto& [path, text] : all) {
    if (path.rfind(src_root, 0) != 0 || !ends_with(path, ".json")) continue;
    if (path.find("/node_modules/") != std::string::npos) continue;
    JsonFile f{path, &text, {}, {}};
    try {
      check_text(text, "the file");
      f.doc = parse_json(text, "the file");
    } catch (const InputError& e) {
      bool component = ends_with(path, "-hsmeta.json") || basename(path) == "public-app.json" || basename(path) == "app.json";
      JsonFile bad{path, &text, {}, {}};
      if (component) r.diag("error", "unreadable-file", path + ": " + e.what() + " (this component was not read)", &bad, "");
      if (component && (basename(path) == "app-hsmeta.json" || basename(path) == "public-app.json" || basename(path) == "app.json"))
        throw InputError(e.code, path + ": " + e.what());
      continue;
    }
    Locator l{text, 0, {}};
    l.value("", std::string::npos);
    f.at = std::move(l.at);
    r.files.push_back(std::move(f));
  }
  // App objects first: cards may sit on them.
  for (const auto& f : r.files)
    if (str_at(f.doc, "type") == "app-object") {
      r.app_objects.insert(ascii_lower(str_at(f.doc, "uid")));
      if (f.doc.contains("config")) r.app_objects.insert(ascii_lower(str_at(f.doc["config"], "name")));
    }

  // The app config: an app *-hsmeta.json, else public-app.json, else app.json.
  const JsonFile* app = nullptr;
  int rank = 9;
  for (const auto& f : r.files) {
    int k = ends_with(f.path, "-hsmeta.json") && str_at(f.doc, "type") == "app" ? 0
            : basename(f.path) == "public-app.json"                          ? 1
            : basename(f.path) == "app.json" && f.doc.is_object() && (f.doc.contains("scopes") || f.doc.contains("auth") || f.doc.contains("extensions")) ? 2
                                                                             : 9;
    if (k < rank) app = &f, rank = k;
    else if (k == rank && k < 9)
      r.diag("warning", "several-apps", "Another app config: " + f.path + " (tierscope read " + app->path + ")", &f, "");
  }
  ojson appj = nullptr;
  if (app) {
    try {
      r.out.app = read_input(*app->text);
    } catch (const InputError& e) {
      throw InputError(e.code, app->path + ": " + e.what());
    }
    r.out.app_text = *app->text;
    r.out.has_app = true;
    const ojson& cfg = rank == 0 && app->doc.contains("config") ? app->doc["config"] : app->doc;
    std::string cbase = rank == 0 ? "config" : "";
    auto cp = [&](const std::string& k) { return cbase.empty() ? k : cbase + "." + k; };
    std::string distribution = str_at(cfg, "distribution"), auth_type = cfg.contains("auth") ? str_at(cfg["auth"], "type") : "";
    bool derived = false;
    if (rank == 1 && auth_type.empty()) auth_type = "oauth", distribution = distribution.empty() ? "public" : distribution, derived = true;
    if (rank == 2 && auth_type.empty()) auth_type = "static", distribution = "private", derived = true;
    bool user_level = false;
    std::string user_level_path;
    for (const std::string& p : {cp("isUserLevel"), cp("auth.isUserLevel")}) {
      const ojson* v = &app->doc;  // walk the dotted path
      std::string rest = p;
      while (v && !rest.empty()) {
        auto dot = rest.find('.');
        std::string k = rest.substr(0, dot);
        v = v->is_object() && v->contains(k) ? &(*v)[k] : nullptr;
        rest = dot == std::string::npos ? "" : rest.substr(dot + 1);
      }
      if (v && v->is_boolean() && v->get<bool>()) user_level = true, user_level_path = p;
    }
    appj = {{"file", app->path}, {"format", r.out.app.format}, {"uid", null_or(str_at(app->doc, "uid"))},
            {"name", null_or(r.out.app.app_name)}, {"distribution", null_or(distribution)}, {"auth_type", null_or(auth_type)},
            {"derived", derived}, {"is_user_level", user_level}};
    // Distribution and auth.
    const ojson& must = R["distribution"]["must_have_auth"];
    if (!distribution.empty() && must.contains(distribution) && auth_type != must[distribution].get<std::string>())
      r.diag("error", "invalid-distribution-auth",
             concat({"distribution ", quote_name(distribution), " needs auth type ", quote_name(must[distribution].get<std::string>()),
                     ", not ", quote_name(auth_type.empty() ? "(none)" : auth_type),
                     ": HubSpot's CLI refuses the upload (Invalid distribution and auth combination)."}),
             app, cp(auth_type.empty() ? "distribution" : "auth.type"));
    // User-level apps and scopes only a super admin grants.
    if (user_level)
      for (const auto& s : R["user_level"]["super_admin_scopes"])
        for (const auto& e : r.out.app.entries)
          if (e.name == s.get<std::string>())
            r.diag("warning", "user-level-super-admin",
                   concat({"This app is user-level (isUserLevel) and asks for ", quote_name(e.name),
                           ", which only a super admin can grant: users who are not super admins cannot install it."}),
                   app, user_level_path, e.name);
    // Sensitive Data scopes rule out hubspot.fetch and app functions.
    auto catalog = current_catalog();
    std::vector<std::string> sensitive;
    for (const auto& e : r.out.app.entries)
      if (const Scope* s = catalog->find(e.name); s && s->sensitive) sensitive.push_back(e.name);
    if (!sensitive.empty()) {
      auto pu = cfg.find("permittedUrls");
      if (pu != cfg.end() && pu->is_object() && pu->contains("fetch") && (*pu)["fetch"].is_array() && !(*pu)["fetch"].empty())
        r.diag("error", "sensitive-data-fetch",
               "This app asks for Sensitive Data scopes (" + sensitive.front() + (sensitive.size() > 1 ? ", …" : "") +
                   ") and lists permittedUrls.fetch: HubSpot does not let such apps use hubspot.fetch().",
               app, cp("permittedUrls.fetch"), sensitive.front());
    }
  }
  r.out.project["app"] = appj;

  // The components.
  for (const auto& f : r.files) {
    if (app && &f == app) continue;
    std::string type = str_at(f.doc, "type"), uid = str_at(f.doc, "uid");
    bool hsmeta = ends_with(f.path, "-hsmeta.json");
    const ojson cfg = hsmeta && f.doc.is_object() && f.doc.contains("config") && f.doc["config"].is_object() ? f.doc["config"] : ojson::object();
    if (hsmeta && type == "card") {
      r.feature("card", f, uid, "config", Reader::names_in(cfg.value("objectTypes", ojson()), "config.objectTypes", "name"));
    } else if (!hsmeta && type == "crm-card" && f.doc.contains("data") && f.doc["data"].is_object()) {
      const ojson& d = f.doc["data"];
      r.feature("card", f, str_at(d, "uid"), "data", Reader::names_in(d.value("objectTypes", ojson()), "data.objectTypes", "name"));
    } else if (hsmeta && type == "webhooks" && cfg.contains("subscriptions") && cfg["subscriptions"].is_object()) {
      r.webhooks(f, uid, "config", cfg["subscriptions"]);
    } else if (!hsmeta && f.doc.is_object() && f.doc.contains("subscriptions") && f.doc["subscriptions"].is_object()) {
      r.webhooks(f, "", "", f.doc["subscriptions"]);
    } else if (hsmeta && (type == "workflow-action" || type == "app-function" || type == "settings")) {
      r.feature(type, f, uid, "config", {});
    } else if (!hsmeta && basename(f.path) == "serverless.json") {
      r.feature("app-function", f, "", "", {});
    }
  }

  // Implied scopes against the auth block.
  std::map<std::string, std::pair<std::string, ojson>> implied;  // scope -> category, features
  for (const auto& feat : r.out.features)
    for (const auto& imp : feat["implies"]) {
      auto& slot = implied[imp["scope"].get<std::string>()];
      slot.first = imp["category"];
      if (!slot.second.is_array()) slot.second = ojson::array();
      slot.second.push_back(feat["uid"].is_null() ? feat["file"] : feat["uid"]);
    }
  r.out.implied = ojson::array();
  for (const auto& [scope, v] : implied) r.out.implied.push_back({{"scope", scope}, {"category", v.first}, {"features", v.second}});
  if (app) {
    bool functions = false;
    for (const auto& feat : r.out.features) {
      functions = functions || feat["kind"] == "app-function";
      const JsonFile* ff = nullptr;
      for (const auto& f : r.files)
        if (f.path == feat["file"]) ff = &f;
      for (const auto& imp : feat["implies"]) {
        std::string scope = imp["scope"], category = imp["category"];
        const Entry* have = nullptr;
        for (const auto& e : r.out.app.entries)
          if (e.name == scope && (!have || e.kind == Kind::Required)) have = &e;
        std::string who = concat({"The ", feat["kind"].get<std::string>(), " ",
                                  quote_name(feat["uid"].is_null() ? feat["file"].get<std::string>() : feat["uid"].get<std::string>()),
                                  " (", imp["object"].get<std::string>(), ")"});
        if (!have)
          r.diag("error", "feature-scope-missing",
                 who + " needs " + scope + " as a " + category + " scope, and " + app->path + " does not ask for it" +
                     (feat["kind"] == "card" ? ": the upload fails (This app is missing read scopes for the following object types)." : "."),
                 ff, imp["path"], scope, "add");
        else if (category == "required" && have->kind != Kind::Required)
          r.diag("error", "feature-scope-not-required",
                 who + " needs " + scope + " as a required scope; " + app->path + " has it as " + kind_name(have->kind) + ".", ff,
                 imp["path"], scope, "make-required");
      }
    }
    std::vector<std::string> sensitive;
    auto catalog = current_catalog();
    for (const auto& e : r.out.app.entries)
      if (const Scope* s = catalog->find(e.name); s && s->sensitive) sensitive.push_back(e.name);
    if (functions && !sensitive.empty())
      r.diag("error", "sensitive-data-functions",
             "This app asks for Sensitive Data scopes (" + sensitive.front() + (sensitive.size() > 1 ? ", …" : "") +
                 ") and has app functions: HubSpot does not let such apps use serverless functions.",
             app, "", sensitive.front());
  } else {
    // A file named like the app config that is not one (a 2025.2 app-hsmeta.json without "type": "app"): say which.
    std::string hint;
    for (const auto& f : r.files)
      if (hint.empty() && basename(f.path) == "app-hsmeta.json")
        hint = " " + f.path + " is not read as the app: it has no \"type\": \"app\" (a *-hsmeta.json names its component type "
               "there, with the settings under \"config\", e.g. config.auth.requiredScopes).";
    r.diag("error", "no-app-config",
           "No app config under " + src_root + ": looked for an app *-hsmeta.json (type app), public-app.json or app.json." + hint,
           &proj, "srcDir");
  }
  return r.out;
}

ojson project_json(const ProjectFiles& files, const Options& options) {
  ProjectRead p = read_project(files);
  auto catalog = current_catalog();
  ojson out = header_json(*catalog);
  out["project"] = p.project;
  out["features"] = p.features;
  out["implied_scopes"] = p.implied;
  out["diagnostics"] = p.diagnostics;
  if (p.has_app) {
    Request req = build_request(p.app, *catalog);
    Evaluation ev = evaluate(req, *catalog, options);
    out["check"] = report_json(p.app, req, ev, options, *catalog);
  } else {
    out["check"] = nullptr;  // never a verdict for an app that was not read
  }
  // The calls in the project's code (when there is code, and the operations table is loaded):
  // scopes asked for that no call and no feature needs, calls no scope covers, the least-privilege block.
  bool code = false;
  for (const auto& [path, text] : files) code = code || scanned_source(path);
  out["calls"] = nullptr;
  out["least_privilege_auth"] = nullptr;
  if (code && p.has_app && current_operations()) {
    ojson calls = scan_calls_json(files, p.app_text, options);
    std::set<std::string> needed = {"oauth"}, required;
    for (const auto& i : p.implied) needed.insert(i["scope"].get<std::string>());
    ojson unused = ojson::array();
    for (auto& u : calls["unused"])
      if (!needed.count(u["scope"].get<std::string>())) unused.push_back(u);
    calls["unused"] = unused;
    for (const auto& s : calls["least_privilege"]["required"]) required.insert(s.get<std::string>());
    for (const auto& i : p.implied)
      if (i["category"] == "required") required.insert(i["scope"].get<std::string>());
    required.insert("oauth");
    ojson optional = ojson::array();
    for (const auto& s : calls["least_privilege"]["optional"])
      if (!required.count(s.get<std::string>())) optional.push_back(s);
    out["least_privilege_auth"] = {{"requiredScopes", required}, {"optionalScopes", optional}};
    out["calls"] = std::move(calls);
  }
  return out;
}

ojson project_diff_json(const ProjectFiles& before, const ProjectFiles& after, const Options& options) {
  ProjectRead a, b;
  try {
    a = read_project(before);
  } catch (const InputError& e) {
    throw InputError(e.code, std::string("before: ") + e.what());
  }
  try {
    b = read_project(after);
  } catch (const InputError& e) {
    throw InputError(e.code, std::string("after: ") + e.what());
  }
  ojson out = header_json(*current_catalog());
  ojson warnings = ojson::array();
  const ojson& pa = a.project["app"];
  const ojson& pb = b.project["app"];
  std::string uninstall = rules()["distribution"]["uninstalls"];
  if (pa.is_object() && pb.is_object()) {
    for (const char* key : {"auth_type", "distribution"})
      if (pa[key] != pb[key] && !pa[key].is_null() && !pb[key].is_null())
        warnings.push_back({{"severity", "error"}, {"code", std::string(key) == "auth_type" ? "auth-type-change" : "distribution-change"},
                            {"scope", nullptr}, {"suggestion", nullptr},
                            {"message", concat({key == std::string("auth_type") ? "The auth type changes from " : "The distribution changes from ",
                                                pa[key].get<std::string>(), " to ", pb[key].get<std::string>(),
                                                ": HubSpot uninstalls the app from every account that has it."})},
                            {"file", pb["file"]}, {"line", nullptr}, {"path", nullptr}});
  }
  // What each feature change adds to the scopes.
  auto key = [](const ojson& f) { return f["kind"].get<std::string>() + ":" + (f["uid"].is_null() ? f["file"].get<std::string>() : f["uid"].get<std::string>()); };
  std::map<std::string, std::set<std::string>> old_scopes;
  std::set<std::string> old_all;
  for (const auto& f : a.features)
    for (const auto& i : f["implies"]) old_scopes[key(f)].insert(i["scope"].get<std::string>()), old_all.insert(i["scope"].get<std::string>());
  ojson changes = ojson::array();
  std::set<std::string> new_keys;
  for (const auto& f : b.features) {
    new_keys.insert(key(f));
    bool added = !old_scopes.count(key(f));
    bool existed = false;
    for (const auto& g : a.features) existed = existed || key(g) == key(f);
    ojson adds = ojson::array();
    for (const auto& i : f["implies"])
      if (!old_all.count(i["scope"].get<std::string>())) adds.push_back(i["scope"]);
    if (existed && adds.empty() && !added) {
      std::set<std::string> now;
      for (const auto& i : f["implies"]) now.insert(i["scope"].get<std::string>());
      if (now == old_scopes[key(f)]) continue;
    }
    if (existed && adds.empty()) continue;
    changes.push_back({{"change", existed ? "changed" : "added"}, {"kind", f["kind"]}, {"uid", f["uid"]}, {"file", f["file"]}, {"adds_scopes", adds}});
  }
  for (const auto& f : a.features)
    if (!new_keys.count(key(f))) changes.push_back({{"change", "removed"}, {"kind", f["kind"]}, {"uid", f["uid"]}, {"file", f["file"]}, {"adds_scopes", ojson::array()}});
  out["before"] = {{"platform_version", a.project["platform_version"]}, {"app", pa}};
  out["after"] = {{"platform_version", b.project["platform_version"]}, {"app", pb}};
  out["warnings"] = warnings;
  out["feature_changes"] = changes;
  out["diagnostics"] = b.diagnostics;
  out["scopes"] = a.has_app && b.has_app ? diff_json(a.app, b.app, options) : ojson(nullptr);
  return out;
}

}  // namespace tierscope
