#include "evaluate.hpp"

#include <algorithm>
#include <map>

#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm

[[noreturn]] void bad(const std::string& message) { throw InputError("bad-options", "options: " + message); }

// What the install URL asks for, worked out once per evaluation (both lists sorted).
struct Asked {
  std::vector<std::string> blocking;  // required, plus conditional unless left out: these decide the install
  std::vector<std::string> all;       // blocking plus optional
  Asked(const Request& req, const Options& o) : blocking(req.required) {
    if (!o.without_conditional) blocking.insert(blocking.end(), req.conditional.begin(), req.conditional.end());
    std::sort(blocking.begin(), blocking.end());
    all = blocking;
    all.insert(all.end(), req.optional.begin(), req.optional.end());
    std::sort(all.begin(), all.end());
  }
};

// The status HubSpot gives every account, whatever its tier, or "" when the tier decides.
std::string rejected_for_all(const Request& req, const Asked& asked) {
  if (req.comma_separated_url) return "invalid-scope";
  for (const auto& name : asked.all)
    if (req.invalid.count(name)) return "invalid-scope";
  return req.url_rejection;
}

const Scope* valid_scope(const std::string& name, const Request& req, const Catalog& catalog) {
  return req.invalid.count(name) ? nullptr : catalog.find(name);
}

// The configurations where every blocking scope is surely granted (strict and lenient: an
// unverified scope counts as available), and where at least one source grants each (lenient).
struct Reach {
  AccountSet installs, maybe;
};
Reach reach(const std::vector<std::string>& blocking, const Request& req, const Catalog& catalog) {
  const Model& m = *catalog.model;
  std::vector<const Grant*> lenient, both;
  for (const auto& name : blocking)
    if (const Scope* s = valid_scope(name, req, catalog)) {
      lenient.push_back(&s->lenient);
      both.push_back(&s->lenient);
      both.push_back(&s->strict);
    }
  return {m.where_all(both), m.where_all(lenient)};
}

ProfileResult evaluate_one(std::uint32_t config, const Request& req, const Catalog& catalog, const Asked& asked,
                           const std::string& rejected) {
  const Model& m = *catalog.model;
  ProfileResult r;
  bool uncertain = false;
  for (const auto& name : asked.blocking) {
    const Scope* s = valid_scope(name, req, catalog);
    if (!s) continue;
    if (!m.grants(s->lenient, config)) r.missing.push_back(name);  // no source grants it here
    else if (s->unverified() || !m.grants(s->strict, config)) uncertain = true;
  }
  for (const auto& name : asked.all) {
    const Scope* s = valid_scope(name, req, catalog);
    if (!s) continue;
    if (s->unverified()) r.unverified.push_back(name);
    else if (m.grants(s->lenient, config) && !m.grants(s->strict, config)) r.disputed.push_back(name);
  }
  r.status = !rejected.empty() ? rejected : !r.missing.empty() ? "permission-error" : uncertain ? "uncertain" : "installs";
  if (r.status == "installs" || r.status == "uncertain") {
    for (const auto& name : asked.all) {
      const Scope* s = catalog.find(name);
      if (s && !s->unverified() && m.grants(s->strict, config) && m.grants(s->lenient, config)) r.granted.push_back(name);
    }
    for (const auto& name : req.optional) {
      const Scope* s = catalog.find(name);
      if (s && !m.grants(s->lenient, config)) r.dropped.push_back(name);
    }
  }
  return r;
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {  // both sorted
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

std::vector<std::string> intersect(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

int severity_rank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

// sources-disagree: a requested scope whose deciding sources disagree on a profile of the report.
std::vector<Diagnostic> disagreements(const Evaluation& ev, const Asked& asked, const Request& req,
                                      const Catalog& catalog) {
  std::vector<Diagnostic> out;
  std::vector<const ProfileResult*> rows;
  for (const auto& p : ev.profiles) rows.push_back(&p);
  if (ev.account) rows.push_back(&*ev.account);
  for (const auto& name : asked.all) {
    std::vector<std::string> where;
    for (const auto* p : rows)
      if (std::binary_search(p->disputed.begin(), p->disputed.end(), name)) where.push_back(p->name);
    if (where.empty()) continue;
    const Scope* s = catalog.find(name);
    std::vector<std::string> says;
    for (const auto& e : s->evidence)
      if (e.decides)
        says.push_back(e.source + " (" + e.kind + (e.as_of.empty() ? "" : ", " + e.as_of) + "): " +
                       requirement_text(e.grant, *catalog.model));
    bool blocking = std::binary_search(asked.blocking.begin(), asked.blocking.end(), name);
    std::string msg = "Sources disagree on " + quote_name(name) + " for " + join(where, ", ") + ": " +
                      (says.empty() ? "see the catalog's evidence" : join(says, "; ")) + ".";
    msg += blocking ? " There the install may succeed or get the permission error (uncertain). Making it optional "
                      "removes the risk."
                    : " There the token may lack it.";
    out.push_back({"warning", "sources-disagree", name, msg, blocking ? "make-optional" : "",
                   blocking ? std::vector<std::string>{name} : std::vector<std::string>{}});
  }
  (void)req;
  return out;
}
}  // namespace

std::string requirement_text(const Grant& g, const Model& m) {
  if (g.kind == Requirement::Any) return "every account";
  if (g.kind == Requirement::Undocumented) return "no tier stated";
  std::vector<std::string> alts;
  for (const auto& alt : g.alternatives) {
    std::vector<std::string> conds;
    for (const auto& c : alt) {
      if (c.feature >= 0) { conds.push_back(m.features[c.feature].name); continue; }
      bool top = c.min_tier + 1 == int(m.tiers.size());
      std::string tier = m.tiers[c.min_tier].name + (top ? "" : " or higher");
      conds.push_back(c.hub < 0 ? tier + " of any hub" : m.hubs[c.hub].name + " " + tier);
    }
    alts.push_back(join(conds, " with "));
  }
  return join(alts, ", or ");
}

std::uint32_t read_account(const json& account, const Model& m) {
  if (!account.is_object()) bad("account must be an object {hubs, features}");
  std::uint32_t config = 0;
  for (const auto& [key, value] : account.items())
    if (key != "hubs" && key != "features") bad("account: unknown field \"" + key + "\" (expected hubs, features)");
  if (account.contains("hubs")) {
    if (!account["hubs"].is_object()) bad("account.hubs must be an object such as {\"" + m.hubs[0].id + "\": \"" + m.tiers.back().id + "\"}");
    for (const auto& [hub, tier] : account["hubs"].items()) {
      int h = m.hub_index(hub);
      if (h < 0) bad("account.hubs: unknown hub \"" + hub + "\" (" + m.hub_list() + ")");
      int t = tier.is_string() ? m.tier_index(tier.get<std::string>()) : -1;
      if (t < 0) bad("account.hubs." + hub + ": unknown tier (" + m.tier_list() + ")");
      config = m.with_tier(config, h, t);
    }
  }
  if (account.contains("features")) {
    if (!account["features"].is_array()) bad("account.features must be an array");
    for (const auto& f : account["features"]) {
      int i = f.is_string() ? m.feature_index(f.get<std::string>()) : -1;
      if (i < 0) bad("account.features: unknown feature " + f.dump() + " (" + m.feature_list() + ")");
      config = m.with_feature(config, i);
    }
  }
  return config;
}

Options read_options(std::string_view text, const Model& m) {
  Options o;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return o;
  json doc = options_json(text);
  if (doc.is_null()) return o;
  if (!doc.is_object()) bad("must be an object");
  for (const auto& [key, value] : doc.items()) {
    if (key == "withoutConditional") {
      if (!value.is_boolean()) bad("withoutConditional must be true or false");
      o.without_conditional = value.get<bool>();
    } else if (key == "account") {
      if (!value.is_null()) o.account = read_account(value, m);
    } else if (key == "profiles") {
      if (value.is_null()) continue;
      if (!value.is_array()) bad("profiles must be an array of profile ids");
      for (const auto& p : value) {
        if (!p.is_string() || !m.profile(p.get<std::string>()))
          bad("profiles: unknown profile " + p.dump() + " (" + m.profiles.front().id + " or <hub>-<tier>, hub one of " +
              m.hub_list() + ")");
        o.profiles.push_back(p.get<std::string>());
      }
    } else {
      bad("unknown option \"" + key + "\" (withoutConditional, account, profiles)");
    }
  }
  return o;
}

Evaluation evaluate(const Request& req, const Catalog& catalog, const Options& o) {
  const Model& m = *catalog.model;
  Evaluation ev;
  const Asked asked(req, o);
  const std::string rejected = rejected_for_all(req, asked);
  std::vector<ProfileResult> all;
  for (const auto& p : m.profiles) {
    ProfileResult r = evaluate_one(p.config, req, catalog, asked, rejected);
    r.id = p.id;
    r.name = p.name;
    r.hub = p.hub;
    r.tier = p.tier;
    if (r.status == "installs") ++ev.profiles_install;
    if (r.status == "uncertain") ++ev.profiles_uncertain;
    all.push_back(std::move(r));
  }
  const auto& blocking = asked.blocking;
  if (rejected.empty()) {
    Reach now = reach(blocking, req, catalog);
    ev.combinations_install = now.installs.count();
    ev.combinations_disputed = now.maybe.subtract(now.installs).count();
    Model::Breakdown b = m.breakdown(now.installs);
    ev.by_hub = std::move(b.by_hub);
    ev.by_feature_on = std::move(b.feature_on);
  } else {
    ev.by_hub.assign(m.hubs.size(), std::vector<std::uint32_t>(m.tiers.size(), 0));
    ev.by_feature_on.assign(m.features.size(), 0);
  }

  // Suggestions: for each failing profile, its missing scopes plus the blocking scopes disputed on
  // it (made optional, they leave nothing that could still fail there); each distinct set unlocks
  // every failing profile whose missing and disputed blocking scopes it covers.
  auto needs = [&](const ProfileResult& r) {
    std::vector<std::string> set = r.missing, disputed = intersect(r.disputed, blocking);
    set.insert(set.end(), disputed.begin(), disputed.end());
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
  };
  std::vector<std::vector<std::string>> sets;
  for (const auto& r : all)
    if (r.status == "permission-error") {
      auto set = needs(r);
      if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(std::move(set));
    }
  for (const auto& set : sets) {
    Suggestion s;
    s.scopes = set;
    for (const auto& r : all)
      if (r.status == "permission-error" && subset(needs(r), set)) s.unlocks.push_back(r.id);
    std::vector<std::string> rest;
    std::set_difference(blocking.begin(), blocking.end(), set.begin(), set.end(), std::back_inserter(rest));
    s.combinations = reach(rest, req, catalog).installs.count();
    ev.suggestions.push_back(std::move(s));
  }
  std::sort(ev.suggestions.begin(), ev.suggestions.end(), [](const Suggestion& a, const Suggestion& b) {
    if (a.scopes.size() != b.scopes.size()) return a.scopes.size() < b.scopes.size();
    if (a.unlocks.size() != b.unlocks.size()) return a.unlocks.size() > b.unlocks.size();
    return a.scopes < b.scopes;
  });

  for (auto& r : all)
    if (o.profiles.empty() || std::find(o.profiles.begin(), o.profiles.end(), r.id) != o.profiles.end())
      ev.profiles.push_back(std::move(r));
  if (o.account) {
    ProfileResult r = evaluate_one(*o.account, req, catalog, asked, rejected);
    r.id = "custom";
    r.name = "Custom account";
    r.hub = -1;
    r.tier = -1;
    ev.account = std::move(r);
  }
  ev.diagnostics = disagreements(ev, asked, req, catalog);
  return ev;
}

std::vector<Diagnostic> all_diagnostics(const Request& req, const Evaluation& ev) {
  // The request's are sorted by severity and the evaluation's are warnings: they go after the last warning.
  std::vector<Diagnostic> out = req.diagnostics;
  auto info = std::find_if(out.begin(), out.end(), [](const Diagnostic& d) { return severity_rank(d.severity) > 1; });
  out.insert(info, ev.diagnostics.begin(), ev.diagnostics.end());
  return out;
}

}  // namespace tierscope
