#include "catalog.hpp"

#include <stdexcept>

namespace tierscope {
namespace detail {
extern const char kCatalogJson[];
extern const std::size_t kCatalogJsonSize;
}  // namespace detail

namespace {
using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error("catalog: " + where + ": " + what);
}

std::string str_or_empty(const json& o, const char* key, const std::string& where) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return "";
  if (!it->is_string()) fail(where, std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

std::vector<std::string> str_list(const json& o, const char* key, const std::string& where) {
  std::vector<std::string> out;
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return out;
  if (!it->is_array()) fail(where, std::string("\"") + key + "\" must be an array of strings");
  for (const auto& v : *it) {
    if (!v.is_string()) fail(where, std::string("\"") + key + "\" must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Condition parse_condition(const json& c, const std::string& where) {
  if (!c.is_object()) fail(where, "a condition must be an object");
  Condition out;
  if (c.contains("feature")) {
    if (!c["feature"].is_string()) fail(where, "\"feature\" must be a string");
    out.feature = feature_index(c["feature"].get<std::string>());
    if (out.feature < 0) fail(where, "unknown feature \"" + c["feature"].get<std::string>() + "\"");
    return out;
  }
  if (!c.contains("hub") || !c["hub"].is_string() || !c.contains("min_tier") || !c["min_tier"].is_string())
    fail(where, "a condition needs {\"hub\", \"min_tier\"} or {\"feature\"}");
  std::string hub = c["hub"], tier = c["min_tier"];
  out.hub = hub == "any" ? -1 : hub_index(hub);
  if (hub != "any" && out.hub < 0) fail(where, "unknown hub \"" + hub + "\"");
  out.min_tier = tier_index(tier);
  if (out.min_tier < 0) fail(where, "unknown tier \"" + tier + "\"");
  return out;
}

AccountSet availability(const Scope& s) {
  if (s.requirement != Requirement::Alternatives) return AccountSet::all();
  AccountSet any = AccountSet::none();
  for (const auto& alt : s.alternatives) {
    AccountSet all = AccountSet::all();
    for (const auto& c : alt) all &= c.feature >= 0 ? feature_on(c.feature) : hub_at_least(c.hub, c.min_tier);
    any |= all;
  }
  return any;
}

void check_model_lists(const json& doc) {
  auto check = [&](const char* key, auto lookup) {
    auto it = doc.find(key);
    if (it == doc.end()) return;
    if (!it->is_array()) fail(key, "must be an array");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& e = (*it)[i];
      std::string id = e.is_string() ? e.get<std::string>()
                       : e.is_object() && e.contains("id") && e["id"].is_string() ? e["id"].get<std::string>()
                                                                                    : "";
      if (lookup(id) < 0)
        fail(std::string(key) + "[" + std::to_string(i) + "]", "unknown " + std::string(key).substr(0, std::string(key).size() - 1) + " \"" + id + "\"");
    }
  };
  check("hubs", hub_index);
  check("tiers", tier_index);
  check("features", feature_index);
}
}  // namespace

std::shared_ptr<const Catalog> Catalog::from_json(const std::string& text) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    throw std::runtime_error(std::string("catalog: not valid JSON (") + e.what() + ")");
  }
  if (!doc.is_object()) fail("top level", "must be an object");
  auto cat = std::make_shared<Catalog>();
  if (!doc.contains("as_of") || !doc["as_of"].is_string()) fail("as_of", "missing or not a string");
  cat->as_of = doc["as_of"];
  check_model_lists(doc);
  if (!doc.contains("scopes") || !doc["scopes"].is_array()) fail("scopes", "missing or not an array");
  const json& scopes = doc["scopes"];
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    const json& e = scopes[i];
    std::string where = "scopes[" + std::to_string(i) + "]";
    if (!e.is_object() || !e.contains("name") || !e["name"].is_string() || e["name"].get<std::string>().empty())
      fail(where, "needs a non-empty \"name\"");
    Scope s;
    s.name = e["name"];
    where += " (" + s.name + ")";
    if (cat->index_.count(s.name)) fail(where, "duplicate name");
    s.area = str_or_empty(e, "area", where);
    s.tier_text = str_or_empty(e, "tier_text", where);
    s.confidence = str_or_empty(e, "confidence", where);
    if (s.confidence != "documented" && s.confidence != "documented-name" && s.confidence != "secondary" &&
        s.confidence != "unverified")
      fail(where, "unknown confidence \"" + s.confidence + "\"");
    s.source = str_or_empty(e, "source", where);
    s.retired_on = str_or_empty(e, "retired_on", where);
    s.sensitive = e.value("sensitive", false);
    s.deprecated = e.value("deprecated", false);
    s.replaced_by = str_list(e, "replaced_by", where);
    s.api_spec_hint = str_list(e, "api_spec_hint", where);
    s.notes = str_list(e, "notes", where);
    const json req = e.contains("requires") ? e["requires"] : json();
    s.requires_json = req;
    if (req.is_null()) {
      s.requirement = Requirement::Undocumented;
    } else if (req.is_string()) {
      if (req != "any") fail(where, "\"requires\" must be \"any\", null or a list of alternatives");
      s.requirement = Requirement::Any;
    } else if (req.is_array() && !req.empty()) {
      s.requirement = Requirement::Alternatives;
      for (std::size_t a = 0; a < req.size(); ++a) {
        if (!req[a].is_array() || req[a].empty()) fail(where, "each alternative must be a non-empty list of conditions");
        std::vector<Condition> alt;
        for (std::size_t c = 0; c < req[a].size(); ++c)
          alt.push_back(parse_condition(req[a][c], where + ": requires[" + std::to_string(a) + "][" + std::to_string(c) + "]"));
        s.alternatives.push_back(std::move(alt));
      }
    } else {
      fail(where, "\"requires\" must be \"any\", null or a list of alternatives");
    }
    s.available = availability(s);
    cat->index_[s.name] = cat->scopes.size();
    cat->scopes.push_back(std::move(s));
  }
  for (const auto& s : cat->scopes)
    for (const auto& r : s.replaced_by)
      if (!cat->index_.count(r)) fail("scopes (" + s.name + ")", "replaced_by names unknown scope \"" + r + "\"");
  if (doc.contains("aliases")) {
    if (!doc["aliases"].is_object()) fail("aliases", "must be an object");
    for (const auto& [alias, target] : doc["aliases"].items()) {
      if (!target.is_string() || !cat->index_.count(target.get<std::string>()))
        fail("aliases." + alias, "must name a scope of the catalog");
      if (cat->index_.count(alias)) continue;  // a real scope wins over an alias of the same name
      cat->aliases[alias] = target.get<std::string>();
    }
  }
  return cat;
}

std::shared_ptr<const Catalog> Catalog::builtin() {
  static const std::shared_ptr<const Catalog> cat =
      from_json(std::string(detail::kCatalogJson, detail::kCatalogJsonSize));
  return cat;
}

const Scope* Catalog::find(const std::string& name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &scopes[it->second];
}

std::optional<std::string> Catalog::alias_target(const std::string& name) const {
  auto it = aliases.find(name);
  if (it == aliases.end()) return std::nullopt;
  return it->second;
}

namespace {
std::shared_ptr<const Catalog>& slot() {
  static std::shared_ptr<const Catalog> current;
  return current;
}
}  // namespace
std::shared_ptr<const Catalog> current_catalog() {
  if (!slot()) slot() = Catalog::builtin();
  return slot();
}
void set_current_catalog(std::shared_ptr<const Catalog> catalog) { slot() = std::move(catalog); }

}  // namespace tierscope
