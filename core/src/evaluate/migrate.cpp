#include "evaluate/migrate.hpp"

#include <algorithm>
#include <map>

#include "evaluate/evaluate.hpp"
#include "evaluate/suggest.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

ojson coverage_json(const Evaluation& ev) {
  return {{"profiles", ev.profiles_install}, {"uncertain", ev.profiles_uncertain}, {"combinations", ev.combinations_install}};
}
}  // namespace

ojson migrate_json(const RawInput& oauth1) {
  auto catalog = current_catalog();
  ojson out = header_json(*catalog);
  out["input"] = {{"format", oauth1.format}};
  std::vector<std::string> migrated;
  ojson scopes = ojson::array();
  auto add = [&](const std::string& s) {
    if (std::find(migrated.begin(), migrated.end(), s) == migrated.end()) migrated.push_back(s);
  };
  auto ends_with = [](const std::string& s, const std::string& tail) {
    return !tail.empty() && s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  };
  for (const auto& e : oauth1.entries) {
    std::string name = e.name;
    if (auto t = catalog->alias_target(name)) name = *t;
    const Scope* s = catalog->find(name);
    // A read-only legacy name (contacts-ro): the legacy scope's read replacements only (catalog data).
    const Scope* base = nullptr;
    if (!s && ends_with(name, catalog->read_only_suffix)) {
      std::string b = name.substr(0, name.size() - catalog->read_only_suffix.size());
      if (auto t = catalog->alias_target(b)) b = *t;
      base = catalog->find(b);
    }
    ojson item;
    item["scope"] = e.name;
    if (base) {
      std::vector<std::string> reads;
      for (const auto& r : base->replaced_by)
        if (ends_with(r, catalog->read_scope_suffix)) reads.push_back(r);
      item["status"] = base->retired() ? "retired" : base->deprecated ? "deprecated" : "current";
      if (!reads.empty()) {
        item["replaced_by"] = reads;
        item["note"] = "The read-only form of " + base->name + ": only the read scopes of its replacements.";
        for (const auto& r : reads) add(r);
      } else {
        item["replaced_by"] = ojson::array({base->name});
        item["note"] = "The read-only form of " + base->name + ", which has no read-only scope today: " + base->name +
                       " (it can also write).";
        add(base->name);
      }
    } else if (!s) {
      NameAdvice advice = catalog->name_index().advise(e.name);
      auto& near = advice.fix.empty() ? advice.guesses : advice.fix;
      item["status"] = "unknown";
      item["replaced_by"] = advice.fix;  // only a sure fix; a spelling guess stays in the note
      item["note"] = near.empty() ? "Not a scope tierscope knows; left out."
                                  : "Not a scope tierscope knows; did you mean " + join(near, " or ") + "? Left out.";
    } else if (s->retired()) {
      item["status"] = "retired";
      item["replaced_by"] = s->replaced_by;
      item["note"] = "Retired on " + s->retired_on + "; replaced by the granular scopes listed: keep only those the app uses.";
      for (const auto& r : s->replaced_by) add(r);
    } else if (s->deprecated) {
      item["status"] = "deprecated";
      item["replaced_by"] = s->replaced_by;
      item["note"] = "Deprecated and missing from HubSpot's current lists; its tier is not documented.";
      add(name);
    } else {
      item["status"] = "current";
      item["replaced_by"] = ojson::array();
      // The tier in the model's words (current product names), not the catalog's quoted text.
      item["note"] = s->unverified() ? "Tier not documented." : "Tier: " + requirement_text(s->strict, *catalog->model) + ".";
      add(name);
    }
    scopes.push_back(std::move(item));
  }
  if (std::find(migrated.begin(), migrated.end(), "oauth") == migrated.end()) migrated.insert(migrated.begin(), "oauth");
  std::sort(migrated.begin(), migrated.end());
  out["scopes"] = std::move(scopes);
  // Under OAuth 2 every migrated scope is required: who now gets the permission error at re-auth?
  Request req = build_request(from_lists(migrated, {}), *catalog);
  Evaluation ev = evaluate(req, *catalog, Options{});
  ojson profiles = ojson::array();
  for (const auto& p : ev.profiles)
    profiles.push_back({{"id", p.id}, {"name", p.name}, {"oauth1", "approved"}, {"oauth2", p.status}, {"missing", ev.names_of(p.missing)}});
  // Recommendation: keep as required only what every account has; the rest optional.
  std::vector<std::string> keep, make_optional;
  for (const auto& s : migrated) {
    const Scope* sc = catalog->find(s);
    (sc && sc->requirement == Requirement::Any ? keep : make_optional).push_back(s);
  }
  Evaluation rec = evaluate(build_request(from_lists(keep, make_optional), *catalog), *catalog, Options{});
  out["migrated"] = {{"required", migrated}, {"conditional", ojson::array()}, {"optional", ojson::array()}};
  out["profiles"] = std::move(profiles);
  out["coverage"] = {{"oauth1", {{"profiles", catalog->model->profiles.size()}, {"combinations", catalog->model->configurations()}}},
                     {"oauth2", coverage_json(ev)}};
  out["recommendation"] = {{"required", keep}, {"optional", make_optional}, {"coverage", coverage_json(rec)}};
  out["diagnostics"] = diagnostics_json(all_diagnostics(req, ev));
  return out;
}

ojson diff_json(const RawInput& before_in, const RawInput& after_in, const Options& o) {
  auto catalog = current_catalog();
  Request before = build_request(before_in, *catalog), after = build_request(after_in, *catalog);
  auto kinds = [](const Request& r) {
    std::map<std::string, std::string> m;
    for (const auto& s : r.required) m[s] = "required";
    for (const auto& s : r.conditional) m[s] = "conditional";
    for (const auto& s : r.optional) m[s] = "optional";
    return m;
  };
  auto kb = kinds(before), ka = kinds(after);
  ojson added = {{"required", ojson::array()}, {"conditional", ojson::array()}, {"optional", ojson::array()}};
  ojson removed = added, changed = ojson::array();
  for (const auto& [s, k] : ka)
    if (!kb.count(s)) added[k].push_back(s);
    else if (kb[s] != k) changed.push_back({{"scope", s}, {"from", kb[s]}, {"to", k}});
  for (const auto& [s, k] : kb)
    if (!ka.count(s)) removed[k].push_back(s);
  Evaluation eb = evaluate(before, *catalog, o), ea = evaluate(after, *catalog, o);
  ojson profiles = ojson::array();
  for (std::size_t i = 0; i < ea.profiles.size(); ++i)
    if (eb.profiles[i].status != ea.profiles[i].status)
      profiles.push_back({{"id", ea.profiles[i].id}, {"name", ea.profiles[i].name}, {"before", eb.profiles[i].status},
                          {"after", ea.profiles[i].status}, {"missing", ea.names_of(ea.profiles[i].missing)}});
  bool any_added = !added["required"].empty() || !added["conditional"].empty() || !added["optional"].empty();
  bool stronger = std::any_of(changed.begin(), changed.end(), [](const ojson& c) { return c["to"] != "optional"; });
  ojson out = header_json(*catalog);
  out["added"] = std::move(added);
  out["removed"] = std::move(removed);
  out["changed_kind"] = std::move(changed);
  out["reauthorize"] = any_added || stronger;
  out["reauthorize_note"] =
      any_added || stronger
          ? "Existing installs must re-authorize to get the added scopes: a super admin or a user with App "
            "Marketplace Access has to approve the new request. Accounts that lack an added required scope get the "
            "permission error at that re-authorization."
          : "No re-authorization needed: nothing was added (removed scopes simply stop being requested).";
  out["profiles"] = std::move(profiles);
  out["coverage"] = {{"before", coverage_json(eb)}, {"after", coverage_json(ea)}};
  out["diagnostics"] = diagnostics_json(all_diagnostics(after, ea));  // about what ships
  return out;
}

}  // namespace tierscope
