#include "catalog/catalog.hpp"
#include "text.hpp"

#include "input/input.hpp"

#include <mutex>
#include <stdexcept>
#include <string_view>

namespace tierscope {
namespace detail {
extern const unsigned char kCatalogBlob[];  // core/catalog_blob.py: the catalog as a compact binary table
extern const std::size_t kCatalogBlobSize;
}  // namespace detail

using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm

struct BlobDetails;
// A scope's details: read already (source null), or read from the compiled-in table on its first use.
struct LazyDetails {
  std::shared_ptr<BlobDetails> source;
  std::size_t index = 0;  // in the catalog's order
  bool read = false;
  ScopeDetails value;
};

namespace {

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw std::runtime_error(escape_controls("catalog: " + where + ": " + what));  // names from the file: one line
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

Condition parse_condition(const json& c, const Model& m, const std::string& where) {
  if (!c.is_object()) fail(where, "a condition must be an object");
  Condition out;
  if (c.contains("feature")) {
    if (!c["feature"].is_string()) fail(where, "\"feature\" must be a string");
    out.feature = m.feature_index(c["feature"].get<std::string>());
    if (out.feature < 0)
      fail(where, "unknown feature \"" + c["feature"].get<std::string>() + "\" (" + m.feature_list() + ")");
    return out;
  }
  if (!c.contains("hub") || !c["hub"].is_string() || !c.contains("min_tier") || !c["min_tier"].is_string())
    fail(where, "a condition needs {\"hub\", \"min_tier\"} or {\"feature\"}");
  std::string hub = c["hub"], tier = c["min_tier"];
  out.hub = hub == "any" ? -1 : m.hub_index(hub);
  if (hub != "any" && out.hub < 0) fail(where, "unknown hub \"" + hub + "\" (" + m.hub_list() + ", any)");
  out.min_tier = m.tier_index(tier);
  if (out.min_tier < 0) fail(where, "unknown tier \"" + tier + "\" (" + m.tier_list() + ")");
  return out;
}

// A requirement: "any", null, or a non-empty list of alternatives, each a non-empty list of conditions.
Grant parse_grant(const json& req, const Model& m, const std::string& where) {
  Grant g;
  if (req.is_null()) return g;
  if (req.is_string()) {
    if (req != "any") fail(where, "must be \"any\", null or a list of alternatives");
    g.kind = Requirement::Any;
    return g;
  }
  if (!req.is_array() || req.empty()) fail(where, "must be \"any\", null or a list of alternatives");
  g.kind = Requirement::Alternatives;
  for (std::size_t a = 0; a < req.size(); ++a) {
    if (!req[a].is_array() || req[a].empty()) fail(where, "each alternative must be a non-empty list of conditions");
    std::vector<Condition> alt;
    for (std::size_t c = 0; c < req[a].size(); ++c)
      alt.push_back(parse_condition(req[a][c], m, where + "[" + std::to_string(a) + "][" + std::to_string(c) + "]"));
    g.alternatives.push_back(std::move(alt));
  }
  return g;
}

bool known(const std::string& v, std::initializer_list<const char*> values) {
  for (const char* x : values)
    if (v == x) return true;
  return false;
}

std::vector<Named> named_list(const json& doc, const char* key, bool required) {
  std::vector<Named> out;
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) {
    if (required) fail(key, "missing");
    return out;
  }
  if (!it->is_array()) fail(key, "must be an array of {\"id\", \"name\"}");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!e.is_object() || !e.contains("id") || !e["id"].is_string()) fail(where, "needs a string \"id\"");
    std::string id = e["id"];
    out.emplace_back();
    out.back().id = id;
    out.back().name = str_or_empty(e, "name", where);
    if (out.back().name.empty()) out.back().name = id;
    if (auto t = e.find("hs_test_account"); t != e.end() && t->is_object()) {  // {"key", "levels": {tier: LEVEL}}
      out.back().hs_key = str_or_empty(*t, "key", where + ".hs_test_account");
      if (auto l = t->find("levels"); l != t->end() && l->is_object())
        for (const auto& [tier, level] : l->items())
          if (level.is_string()) out.back().hs_levels.push_back(tier + "=" + level.get<std::string>());
    }
    if (auto s = e.find("tiers"); s != e.end() && !s->is_null()) {  // hubs: the tiers HubSpot sells of it
      if (!s->is_array()) fail(where, "\"tiers\" must be an array of tier ids");
      for (const auto& v : *s) {
        if (!v.is_string()) fail(where, "\"tiers\" must be an array of tier ids");
        out.back().sold.push_back(v.get<std::string>());
      }
    }
    if (auto a = e.find("aliases"); a != e.end() && !a->is_null()) {
      if (!a->is_array()) fail(where, "\"aliases\" must be an array of strings");
      for (const auto& v : *a) {
        if (!v.is_string()) fail(where, "\"aliases\" must be an array of strings");
        out.back().aliases.push_back(v.get<std::string>());
      }
    }
  }
  return out;
}

std::shared_ptr<Model> read_model(const json& doc) {
  std::shared_ptr<Model> m;
  try {
    m = std::make_shared<Model>(named_list(doc, "tiers", true), named_list(doc, "hubs", true),
                                named_list(doc, "features", false));
  } catch (const std::invalid_argument& e) {
    fail("model", e.what());
  }
  auto it = doc.find("profiles");
  if (it == doc.end() || !it->is_array() || it->empty()) fail("profiles", "missing or not a non-empty array");
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& e = (*it)[i];
    std::string where = "profiles[" + std::to_string(i) + "]";
    if (!e.is_object() || !e.contains("id") || !e["id"].is_string() || e["id"].get<std::string>().empty())
      fail(where, "needs a non-empty \"id\"");
    Profile p;
    p.id = e["id"];
    where += " (" + p.id + ")";
    if (m->profile(p.id)) fail(where, "duplicate id");
    p.name = str_or_empty(e, "name", where);
    int above = 0;
    if (e.contains("hubs")) {
      if (!e["hubs"].is_object()) fail(where, "\"hubs\" must be an object {hub: tier}");
      for (const auto& [hub, tier] : e["hubs"].items()) {
        int h = m->hub_index(hub), t = tier.is_string() ? m->tier_index(tier.get<std::string>()) : -1;
        if (h < 0) fail(where, "unknown hub \"" + hub + "\"");
        if (t < 0) fail(where, "hubs." + hub + ": unknown tier");
        if (!m->sells(h, t)) fail(where, m->not_sold(h, t));
        p.config = m->with_tier(p.config, h, t);
        if (t > 0) p.hub = h, p.tier = t, ++above;
      }
    }
    for (const auto& f : str_list(e, "features", where)) {
      int fi = m->feature_index(f);
      if (fi < 0) fail(where, "unknown feature \"" + f + "\"");
      p.config = m->with_feature(p.config, fi);
    }
    if (above > 1) p.hub = -1, p.tier = -1;
    if (p.name.empty()) p.name = p.id;  // the generator names every profile (generate.py's profile_name)
    m->profiles.push_back(std::move(p));
  }
  return m;
}

// An evidence; in the compiled-in catalog (core/compact_catalog.py) its source, kind, as_of and url
// are a "ref" into the top-level "evidence_sources" table.
Evidence parse_evidence(const json& entry, const json& scope_requires, const json& refs, const Model& m,
                        const std::string& where) {
  if (!entry.is_object()) fail(where, "must be an object");
  json e = entry;
  if (auto ref = entry.find("ref"); ref != entry.end()) {
    if (!ref->is_number_unsigned() || !refs.is_array() || ref->get<std::size_t>() >= refs.size() ||
        !refs[ref->get<std::size_t>()].is_object())
      fail(where, "\"ref\" must index \"evidence_sources\"");
    for (const auto& [k, v] : refs[ref->get<std::size_t>()].items()) e[k] = v;
  }
  Evidence ev;
  ev.source = str_or_empty(e, "source", where);
  ev.kind = str_or_empty(e, "kind", where);
  if (!known(ev.kind, {"observed", "docs-table", "docs-guide", "api-spec", "docs-text", "secondary"}))
    fail(where, "unknown kind \"" + ev.kind + "\" (observed, docs-table, docs-guide, api-spec, docs-text, secondary)");
  ev.as_of = str_or_empty(e, "as_of", where);
  ev.url = str_or_empty(e, "url", where);
  ev.note = str_or_empty(e, "note", where);
  auto d = e.find("decides");
  if (d != e.end() && !d->is_boolean()) fail(where, "\"decides\" must be true or false");
  ev.decides = d != e.end() && d->get<bool>();
  ev.requires_json = e.contains("requires") ? e["requires"] : scope_requires;  // absent: as the entry's
  ev.grant = parse_grant(ev.requires_json, m, where + ": requires");
  return ev;
}
// A scope's notes and evidence, from its catalog entry or its line of the compiled-in details.
ScopeDetails read_details(const json& e, const json& scope_requires, const json& refs, const Model& m,
                          const std::string& where) {
  ScopeDetails d;
  d.notes = str_list(e, "notes", where);
  if (e.contains("evidence")) {
    if (!e["evidence"].is_array()) fail(where, "\"evidence\" must be an array");
    for (std::size_t k = 0; k < e["evidence"].size(); ++k)
      d.evidence.push_back(
          parse_evidence(e["evidence"][k], scope_requires, refs, m, where + ": evidence[" + std::to_string(k) + "]"));
  }
  return d;
}

json read_json(std::string_view text, const char* what) {
  try {
    return parse_json(text, what);  // the one JSON reader of the core: bounded depth, line and column
  } catch (const InputError& e) {
    throw std::runtime_error(e.what());
  }
}
// Reads core/catalog_blob.py's table (the format is described there). It is generated at build time
// from the catalog file, so a bad one is a build's bug: it fails with a message, never reads past its end.
class BlobReader {
 public:
  explicit BlobReader(std::string_view in) : in_(in) {}
  // A reader from `at` whose strings by number are `known` (a stream read before, in order of first use).
  BlobReader(std::string_view in, std::size_t at, const std::vector<std::string_view>* known)
      : in_(in), at_(at), known_(known) {}
  std::size_t at() const { return at_; }
  std::vector<std::string_view> take_strings() { return std::move(strings_); }
  std::size_t u() {
    std::size_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (at_ >= in_.size() || shift > 28) damaged();
      auto b = static_cast<unsigned char>(in_[at_++]);
      v |= std::size_t(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
  }
  std::size_t index(std::size_t limit) {
    std::size_t i = u();
    if (i >= limit) damaged();
    return i;
  }
  std::size_t count() {  // of items that take a byte at least each
    std::size_t n = u();
    if (n > in_.size() - at_) damaged();
    return n;
  }
  std::size_t count_peek() {
    std::size_t at = at_, n = count();
    at_ = at;
    return n;
  }
  std::string_view bytes(std::size_t n) {
    if (n > in_.size() - at_) damaged();
    at_ += n;
    return in_.substr(at_ - n, n);
  }
  std::string_view view() {
    std::size_t i = u();
    if (known_) {  // the strings are known already: an inline one is only read
      if (i == 0) return bytes(u());
      if (i > known_->size()) damaged();
      return (*known_)[i - 1];
    }
    if (i == 0) return strings_.emplace_back(bytes(u()));
    if (i > strings_.size()) damaged();
    return strings_[i - 1];
  }
  std::string text() { return std::string(view()); }
  std::vector<std::string> texts() {
    std::vector<std::string> out(count());
    for (auto& s : out) s = text();
    return out;
  }
  [[noreturn]] static void damaged() { throw std::runtime_error("catalog: the compiled-in table is damaged"); }

 private:
  std::string_view in_;
  std::size_t at_ = 0;
  std::vector<std::string_view> strings_;  // in order of first use
  const std::vector<std::string_view>* known_ = nullptr;
};

Grant read_blob_grant(BlobReader& r, const Model& m) {
  Grant g;
  std::size_t kind = r.index(3);
  if (kind == 0) return g;
  g.kind = kind == 1 ? Requirement::Any : Requirement::Alternatives;
  for (std::size_t a = kind == 2 ? r.count() : 0; a--;) {
    std::vector<Condition> alt(r.count());
    for (auto& c : alt) {
      std::size_t tag = r.index(2 + m.hubs.size());  // 0 feature, 1 any hub, 2 + a hub
      if (tag == 0) {
        c.feature = int(r.index(m.features.size()));
      } else {
        c.hub = int(tag) - 2;
        c.min_tier = int(r.index(m.tiers.size()));
      }
    }
    g.alternatives.push_back(std::move(alt));
  }
  return g;
}

// A grant as the catalog file writes it ("any", null, or alternatives of {"hub", "min_tier"} and
// {"feature"}): what listings show as "requires".
json grant_json(const Grant& g, const Model& m) {
  if (g.kind == Requirement::Undocumented) return nullptr;
  if (g.kind == Requirement::Any) return "any";
  json out = json::array();
  for (const auto& alt : g.alternatives) {
    json a = json::array();
    for (const auto& c : alt) {
      json o = json::object();
      if (c.feature >= 0) {
        o["feature"] = m.features[c.feature].id;
      } else {
        o["hub"] = c.hub < 0 ? std::string("any") : m.hubs[c.hub].id;
        o["min_tier"] = m.tiers[c.min_tier].id;
      }
      a.push_back(std::move(o));
    }
    out.push_back(std::move(a));
  }
  return out;
}
}  // namespace

// The compiled-in catalog's details, each scope's read from the table on its first use. The table
// is one stream (strings by number after their first use), so the first use of any walks it once
// without reading anything into objects: where each scope's details start, and the stream's strings.
struct BlobDetails {
  std::shared_ptr<const Model> model;
  std::string_view bytes;  // in the binary
  std::vector<Grant> grants;
  std::vector<json> grant_json;  // as written
  struct Target {
    LazyDetails* details;  // owned by its scope, which the catalog keeps as long as this
    std::size_t requires;  // the scope's own grant: an evidence's when it has none
    std::size_t at = 0;    // where its details start in bytes
  };
  std::vector<Target> scopes;  // catalog order
  std::vector<std::string_view> strings;
  bool walked = false;
  std::mutex mutex;  // details() is thread-safe
  void walk() {
    BlobReader r(bytes);
    for (Target& t : scopes) {
      t.at = r.at();
      for (std::size_t n = r.count(); n--;) r.view();  // notes
      for (std::size_t n = r.count(); n--;) {         // evidence
        for (int k = 0; k < 5; ++k) r.view();
        if (r.u() & 2) r.index(grants.size());
      }
    }
    strings = r.take_strings();
  }
  void read(std::size_t i) {
    const Target& t = scopes[i];
    BlobReader r(bytes, t.at, &strings);
    ScopeDetails& d = t.details->value;
    d.notes = r.texts();
    d.evidence.resize(r.count());
    for (Evidence& ev : d.evidence) {
      ev.source = r.text();
      ev.kind = r.text();
      ev.as_of = r.text();
      ev.url = r.text();
      ev.note = r.text();
      std::size_t flags = r.u();
      ev.decides = flags & 1;
      std::size_t g = flags & 2 ? r.index(grants.size()) : t.requires;
      ev.grant = grants[g];
      ev.requires_json = grant_json[g];
    }
  }
};

const ScopeDetails& Scope::details() const {
  static const ScopeDetails none;
  if (!lazy) return none;
  if (BlobDetails* src = lazy->source.get()) {
    std::lock_guard<std::mutex> hold(src->mutex);
    if (!src->walked) src->walk(), src->walked = true;
    if (!lazy->read) src->read(lazy->index), lazy->read = true;
  }
  return lazy->value;
}

std::shared_ptr<const Catalog> Catalog::from_json(const std::string& text) {
  json doc = read_json(text, "catalog");
  if (!doc.is_object()) fail("top level", "must be an object");
  auto cat = std::make_shared<Catalog>();
  auto fmt = doc.find("format");
  if (fmt == doc.end() || !fmt->is_number_integer() || fmt->get<int>() != 2)
    fail("format", "this tierscope reads catalog format 2 (docs/catalog.md)");
  if (!doc.contains("as_of") || !doc["as_of"].is_string()) fail("as_of", "missing or not a string");
  cat->as_of = doc["as_of"];
  auto model = read_model(doc);
  cat->model = model;
  const Model& m = *model;
  if (!doc.contains("scopes") || !doc["scopes"].is_array()) fail("scopes", "missing or not an array");
  const json& scopes = doc["scopes"];
  const json refs = doc.contains("evidence_sources") ? doc["evidence_sources"] : json();
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
    if (!known(s.confidence, {"observed", "docs-table", "docs-guide", "api-spec", "docs-text", "secondary", "unverified"}))
      fail(where, "unknown confidence \"" + s.confidence +
                      "\" (observed, docs-table, docs-guide, api-spec, docs-text, secondary, unverified)");
    s.retired_on = str_or_empty(e, "retired_on", where);
    s.sensitive = e.value("sensitive", false);
    s.deprecated = e.value("deprecated", false);
    s.replaced_by = str_list(e, "replaced_by", where);
    s.requires_json = e.contains("requires") ? e["requires"] : json();
    s.strict = parse_grant(s.requires_json, m, where + ": requires");
    s.requirement = s.strict.kind;
    auto any = e.find("requires_any_source");
    s.requires_any_source_json = any != e.end() ? *any : s.requires_json;
    s.lenient = any != e.end() ? parse_grant(*any, m, where + ": requires_any_source") : s.strict;
    s.lazy = std::make_shared<LazyDetails>();
    s.lazy->value = read_details(e, s.requires_json, refs, m, where);
    s.strict_id = cat->requirements.add(s.strict);
    s.lenient_id = cat->requirements.add(s.lenient);
    cat->index_[s.name] = cat->scopes.size();
    cat->scopes.push_back(std::move(s));
  }
  cat->requirements.index_profiles(m);
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
  if (doc.contains("legacy_read_only")) {
    const auto& ro = doc["legacy_read_only"];
    if (!ro.is_object() || !ro.contains("suffix") || !ro["suffix"].is_string() || !ro.contains("read_suffix") ||
        !ro["read_suffix"].is_string() || ro["suffix"].get<std::string>().empty())
      fail("legacy_read_only", "must be an object with a non-empty suffix and a read_suffix");
    cat->read_only_suffix = ro["suffix"].get<std::string>();
    cat->read_scope_suffix = ro["read_suffix"].get<std::string>();
  }
  return cat;
}

std::shared_ptr<const Catalog> Catalog::from_blob(std::string_view bytes) {
  BlobReader r(bytes);
  auto cat = std::make_shared<Catalog>();
  cat->as_of = r.text();
  auto named = [&r] {
    std::vector<Named> out(r.count());
    for (auto& n : out) {
      n.id = r.text();
      n.name = r.text();
      n.hs_key = r.text();
      n.hs_levels = r.texts();
      n.sold = r.texts();
      n.aliases = r.texts();
    }
    return out;
  };
  auto tiers = named();
  auto hubs = named();
  auto features = named();
  auto model = std::make_shared<Model>(std::move(tiers), std::move(hubs), std::move(features));
  Model& m = *model;
  cat->model = model;
  for (std::size_t n = r.count(); n--;) {  // as read_model does, from indexes
    Profile p;
    p.id = r.text();
    p.name = r.text();
    int above = 0;
    for (std::size_t k = r.count(); k--;) {
      int h = int(r.index(m.hubs.size())), t = int(r.index(m.tiers.size()));
      p.config = m.with_tier(p.config, h, t);
      if (t > 0) p.hub = h, p.tier = t, ++above;
    }
    for (std::size_t k = r.count(); k--;) p.config = m.with_feature(p.config, int(r.index(m.features.size())));
    if (above > 1) p.hub = -1, p.tier = -1;
    m.profiles.push_back(std::move(p));
  }
  auto source = std::make_shared<BlobDetails>();
  source->model = model;
  source->grants.resize(r.count());
  for (auto& g : source->grants) g = read_blob_grant(r, m);
  for (const auto& g : source->grants) source->grant_json.push_back(grant_json(g, m));
  const auto& grants = source->grants;
  const auto& as_written = source->grant_json;
  cat->scopes.reserve(r.count_peek());
  for (std::size_t n = r.count(); n--;) {
    Scope s;
    s.name = r.text();
    s.area = r.text();
    s.tier_text = r.text();
    s.confidence = r.text();
    s.retired_on = r.text();
    std::size_t flags = r.u();
    s.sensitive = flags & 1;
    s.deprecated = flags & 2;
    s.replaced_by = r.texts();
    std::size_t strict = r.index(grants.size());
    s.strict = grants[strict];
    s.requires_json = as_written[strict];
    s.requirement = s.strict.kind;
    std::size_t lenient = flags & 4 ? r.index(grants.size()) : strict;
    s.lenient = grants[lenient];
    s.requires_any_source_json = as_written[lenient];
    s.lazy = std::make_shared<LazyDetails>();
    s.lazy->source = source;
    s.lazy->index = source->scopes.size();
    source->scopes.push_back({s.lazy.get(), strict});
    s.strict_id = cat->requirements.add(s.strict);
    s.lenient_id = cat->requirements.add(s.lenient);
    cat->index_[s.name] = cat->scopes.size();
    cat->scopes.push_back(std::move(s));
  }
  cat->requirements.index_profiles(m);
  for (std::size_t n = r.count(); n--;) {
    std::string alias = r.text(), target = r.text();
    if (!cat->index_.count(alias)) cat->aliases[alias] = target;  // a real scope wins over an alias
  }
  cat->read_only_suffix = r.text();
  cat->read_scope_suffix = r.text();
  source->bytes = r.bytes(r.u());
  return cat;
}

std::shared_ptr<const Catalog> Catalog::builtin() {
  static const std::shared_ptr<const Catalog> cat = from_blob(
      std::string_view(reinterpret_cast<const char*>(detail::kCatalogBlob), detail::kCatalogBlobSize));
  return cat;
}

const Scope* Catalog::find(std::string_view name) const {
  std::call_once(table_once_, [this] {
    std::size_t size = 16;
    while (size < 2 * index_.size()) size *= 2;
    table_.assign(size, 0);
    for (const auto& [n, at] : index_) {
      std::size_t k = name_hash(n) & (size - 1);
      while (table_[k]) k = (k + 1) & (size - 1);
      table_[k] = std::uint32_t(at + 1);
    }
  });
  const std::size_t mask = table_.size() - 1;
  for (std::size_t k = name_hash(name) & mask; table_[k]; k = (k + 1) & mask)
    if (scopes[table_[k] - 1].name == name) return &scopes[table_[k] - 1];
  return nullptr;
}

const std::string* Catalog::alias_target(const std::string& name) const {
  auto it = aliases.find(name);
  return it == aliases.end() ? nullptr : &it->second;
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
