#include "evaluate/evaluate.hpp"
#include "evaluate/combinations.hpp"

#include <algorithm>
#include <map>

#include "evaluate/suggest.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm

[[noreturn]] void bad(const std::string& message) { throw InputError("bad-options", "options: " + message); }

// What the install URL asks for, worked out once per evaluation: `all` sorted, each name with its
// catalog entry (null when the catalog lacks it or HubSpot rejects it) and its place in `blocking` (or -1); the
// blocking and optional names (sorted) by their places in `all`.
struct Asked {
  struct Item {
    const std::string* name;
    const Scope* scope;
    int blocking;
  };
  std::vector<std::string> all;  // blocking plus optional
  std::vector<Item> all_items;
  std::vector<std::uint32_t> blocking_at, optional_at;
  int unknown = 0;  // asked names the catalog lacks (well formed: maybe newer than the catalog)
  Asked(const Request& req, const Catalog& catalog, const Options& o) {
    // Blocking: required, plus conditional unless left out (these decide the install). The request's
    // three lists are sorted and share no name: merged here, no sort.
    static const std::vector<std::string> none;
    const auto& req2 = req.required;
    const auto& cond = o.without_conditional ? none : req.conditional;
    const auto& opt = req.optional;
    std::vector<int> from;  // per place in all: blocking index, or -1 for optional
    all.reserve(req2.size() + cond.size() + opt.size());
    for (std::size_t i = 0, j = 0, k = 0, b = 0; i < req2.size() || j < cond.size() || k < opt.size();) {
      const std::string* next = nullptr;
      int list = 0;
      if (i < req2.size()) next = &req2[i], list = 0;
      if (j < cond.size() && (!next || cond[j] < *next)) next = &cond[j], list = 1;
      if (k < opt.size() && (!next || opt[k] < *next)) next = &opt[k], list = 2;
      (list == 0 ? i : list == 1 ? j : k)++;
      (list < 2 ? blocking_at : optional_at).push_back(std::uint32_t(all.size()));
      from.push_back(list < 2 ? int(b++) : -1);
      all.push_back(*next);
    }
    all_items.reserve(all.size());
    for (std::size_t k = 0; k < all.size(); ++k)
      all_items.push_back({&all[k], req.invalid.count(all[k]) ? nullptr : catalog.find(all[k]), from[k]}),
          unknown += req.unknown.count(all[k]) > 0;
  }
  std::size_t blocking_count() const { return blocking_at.size(); }
  const Scope* blocking_scope(std::size_t i) const { return all_items[blocking_at[i]].scope; }
};

// The status HubSpot gives every account, whatever its tier, or "" when the tier decides.
std::string rejected_for_all(const Request& req, const Asked& asked) {
  if (req.comma_separated_url) return "invalid-scope";
  for (const auto& name : asked.all)
    if (req.invalid.count(name)) return "invalid-scope";
  return req.url_rejection;
}

// Ids (requirements, places) are kept sorted as 64-bit keys: one sort for every list of the
// evaluator (each std::sort instantiation costs the wasm module kilobytes).
using Ids = std::vector<std::uint64_t>;
void sort_unique(Ids& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
bool has(const Ids& sorted, std::uint64_t id) { return std::binary_search(sorted.begin(), sorted.end(), id); }
Ids minus(const Ids& a, const Ids& b) {  // both sorted
  Ids out;
  for (auto id : a)
    if (!has(b, id)) out.push_back(id);
  return out;
}

// The requirements the blocking scopes kept (keep[i]) need, strict and lenient or lenient only,
// without those met everywhere: sorted ids, one AND each.
Ids requirement_ids(const Asked& asked, const std::vector<char>& keep, const Catalog& catalog, bool strict_too) {
  Ids ids;
  for (std::size_t i = 0; i < asked.blocking_count(); ++i)
    if (const Scope* s = asked.blocking_scope(i); s && keep[i])
      for (int id : {s->lenient_id, strict_too ? s->strict_id : -1})
        if (id >= 0 && !catalog.requirements.everywhere(id)) ids.push_back(std::uint64_t(id));
  sort_unique(ids);
  return ids;
}

// How many configurations the requirements `ids` all hold on.
std::uint32_t count_all(const Ids& ids, const Catalog& catalog) {
  std::vector<Requirements::Met> met;
  std::vector<const AccountSet*> sets;
  for (auto id : ids) {
    met.push_back(catalog.requirements.met(int(id), *catalog.model));
    sets.push_back(met.back().set.get());
  }
  return count_and_all(catalog.model->all(), sets);
}

// How many configurations install now (the set) and after each suggestion, whose requirements
// removed[s] are no longer needed. The requirements are ANDed in one order, those that fewest
// suggestions remove first; a suggestion's count is the running AND up to the first requirement it
// removes, ANDed with the ones after it that it keeps. For nested suggestions (the usual case:
// a higher tier misses fewer scopes) that is no AND of its own at all.
struct Reach {
  AccountSet installs;
  std::vector<std::uint32_t> after;
};
Reach reach(const Ids& ids, const std::vector<Ids>& removed, const Catalog& catalog) {
  const Model& m = *catalog.model;
  std::vector<Requirements::Met> met;
  Ids keys;  // removals, configurations, place in ids: the AND order
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::uint64_t removals = 0;
    for (const auto& gone : removed) removals += has(gone, ids[i]);
    met.push_back(catalog.requirements.met(int(ids[i]), m));
    keys.push_back(removals << 52 | std::uint64_t(met.back().count) << 26 | i);
  }
  std::sort(keys.begin(), keys.end());
  std::vector<std::size_t> order;  // places in ids
  for (auto k : keys) order.push_back(std::size_t(k & ((1u << 26) - 1)));
  Ids by_first;  // first place in the order a suggestion removes, suggestion
  for (std::size_t s = 0; s < removed.size(); ++s) {
    std::size_t first = order.size();
    for (std::size_t p = 0; p < order.size() && first == order.size(); ++p)
      if (has(removed[s], ids[order[p]])) first = p;
    by_first.push_back(std::uint64_t(first) << 32 | s);
  }
  std::sort(by_first.begin(), by_first.end());
  Reach out{m.all(), std::vector<std::uint32_t>(removed.size())};
  std::size_t done = 0;  // order[0, done) is ANDed into out.installs
  for (auto key : by_first) {
    const std::size_t first = std::size_t(key >> 32), s = std::size_t(key & 0xFFFFFFFFu);
    for (; done < first; ++done) out.installs &= *met[order[done]].set;
    std::vector<const AccountSet*> kept;
    for (std::size_t p = first; p < order.size(); ++p)
      if (!has(removed[s], ids[order[p]])) kept.push_back(met[order[p]].set.get());
    out.after[s] = count_and_all(out.installs, kept);
  }
  for (; done < order.size(); ++done) out.installs &= *met[order[done]].set;
  return out;
}

// Whether an account meets a requirement: a bit test for a standard profile, worked out for a custom account.
struct Account {
  const Catalog& catalog;
  int profile;  // -1: the custom account `config`
  std::uint32_t config;
  bool operator()(int id) const {
    return profile >= 0 ? catalog.requirements.on_profile(id, std::size_t(profile))
                         : catalog.model->grants(catalog.requirements.grant(id), config);
  }
};

// One account's result, and what making optional would have to cover there: its missing blocking
// scopes and the blocking scopes disputed on it (places in asked.blocking, sorted).
struct Row {
  ProfileResult result;
  Ids needs;
};

Row evaluate_one(const Account& has, const Asked& asked, const std::string& rejected, bool lean) {
  // After a sure failure (rejected for all, a missing scope), a name the catalog lacks leaves the
  // verdict open: HubSpot may know it (then the known scopes decide) or reject it (then every account fails).
  Row row;
  ProfileResult& r = row.result;
  bool uncertain = false;
  for (std::size_t i = 0; i < asked.blocking_at.size(); ++i) {
    const Scope* s = asked.blocking_scope(i);
    if (!s) continue;
    if (!has(s->lenient_id)) r.missing.push_back(asked.blocking_at[i]), row.needs.push_back(i);  // no source grants it here
    else if (s->unverified() || !has(s->strict_id)) uncertain = true;
  }
  for (std::uint32_t k = 0; k < asked.all_items.size(); ++k) {
    const auto& [name, s, b] = asked.all_items[k];
    if (!s) continue;
    if (s->unverified()) r.unverified.push_back(k);
    else if (has(s->lenient_id) && !has(s->strict_id)) {
      r.disputed.push_back(k);
      if (b >= 0) row.needs.push_back(std::uint64_t(b));
    }
  }
  sort_unique(row.needs);
  r.status = !rejected.empty()    ? rejected
             : !r.missing.empty() ? "permission-error"
             : asked.unknown      ? "unknown-scope"
             : uncertain          ? "uncertain"
                                  : "installs";
  if (r.status == "installs" || r.status == "uncertain") {  // then no asked name is invalid
    if (!lean) r.granted.reserve(asked.all_items.size());  // most of them: one allocation, not one per doubling
    for (std::uint32_t k = 0; k < asked.all_items.size() && !lean; ++k)
      if (const Scope* s = asked.all_items[k].scope; !s->unverified() && has(s->strict_id) && has(s->lenient_id))
        r.granted.push_back(k);
    for (std::uint32_t k : asked.optional_at)
      if (!has(asked.all_items[k].scope->lenient_id)) r.dropped.push_back(k);
  }
  return row;
}

int severity_rank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

// Names HubSpot rejects (retired, outside the grammar) and names the catalog lacks first: "remove or
// rename" them (with what they may have meant; an unknown name may also be newer than the catalog, as its
// diagnostic says); the rows that install once they are gone, and the suggestions after it, count as if
// they were.
void first_remove_invalid(Evaluation& ev, const Request& req, const Asked& asked, const std::vector<Row>& rows,
                          const AccountSet& installs, const Catalog& catalog) {
  Suggestion s;
  s.action = "remove-or-rename";
  for (std::uint32_t k = 0; k < asked.all.size(); ++k) {
    const std::string& name = asked.all[k];
    if (!req.invalid.count(name) && !req.unknown.count(name)) continue;
    s.scopes.push_back(k);
    const Scope* scope = catalog.find(name);
    std::vector<std::string> maybe;
    if (scope) maybe = scope->replaced_by;  // retired
    else {
      auto advised = catalog.name_index().advised(name);  // the memo's, not a copy
      const NameAdvice& advice = advised->advice;
      maybe = advice.fix.empty() ? advice.guesses : advice.fix;
    }
    if (maybe.empty()) continue;
    s.renamed.push_back(name);
    s.did_you_mean.push_back(std::move(maybe));
  }
  if (s.scopes.empty()) return;
  for (const auto& row : rows)
    if (row.needs.empty()) s.unlocks.push_back(row.result.id);
  s.combinations = installs.count();  // counted only here: most requests have no such name
  ev.suggestions.insert(ev.suggestions.begin(), std::move(s));
}

// Fewest scopes first, then most unlocked, then by name (no two suggestions have the same scopes). An
// insertion sort of a few dozen at most: std::sort of Suggestion objects cost the wasm module ~10 KB.
void sort_suggestions(std::vector<Suggestion>& list) {
  auto before = [](const Suggestion* a, const Suggestion* b) {
    if (a->scopes.size() != b->scopes.size()) return a->scopes.size() < b->scopes.size();
    if (a->unlocks.size() != b->unlocks.size()) return a->unlocks.size() > b->unlocks.size();
    return a->scopes < b->scopes;  // places in the sorted names: the names' order
  };
  std::vector<Suggestion*> order;
  for (auto& s : list) {
    order.push_back(&s);
    for (std::size_t j = order.size() - 1; j > 0 && before(order[j], order[j - 1]); --j) std::swap(order[j], order[j - 1]);
  }
  std::vector<Suggestion> sorted;
  sorted.reserve(list.size());
  for (Suggestion* s : order) sorted.push_back(std::move(*s));
  list = std::move(sorted);
}

// A static-auth app has no optional scopes: what would be made optional is removed instead (the app then
// lacks it on every account), or the app switches to OAuth with those scopes optional (the widest one).
void static_auth_fixes(Evaluation& ev) {
  const Suggestion* widest = nullptr;
  for (auto& s : ev.suggestions)
    if (s.action == "make-optional") {
      s.action = "remove";
      if (!widest || s.unlocks.size() > widest->unlocks.size()) widest = &s;
    }
  if (!widest) return;
  Suggestion oauth = *widest;
  oauth.action = "switch-to-oauth";
  ev.suggestions.push_back(std::move(oauth));
}

// sources-disagree: a requested scope whose deciding sources disagree on a profile of the report. One deciding
// statement cannot disagree with itself: its dispute is the time rule (docs/catalog.md rule 12: it predates a
// product those accounts hold, as its evidence note says), where no source speaks: undocumented-availability.
std::vector<Diagnostic> disagreements(const Evaluation& ev, const Asked& asked, const Request& req,
                                      const Catalog& catalog) {
  std::vector<Diagnostic> out;
  std::vector<const ProfileResult*> rows;
  for (const auto& p : ev.profiles) rows.push_back(&p);
  if (ev.account) rows.push_back(&*ev.account);
  std::vector<char> disputed(asked.all.size(), 0);  // anywhere: the few names to look at
  for (const auto* p : rows)
    for (std::uint32_t k : p->disputed) disputed[k] = 1;
  for (std::uint32_t k = 0; k < asked.all.size(); ++k) {
    if (!disputed[k]) continue;
    const std::string& name = asked.all[k];
    const auto& evidence = catalog.find(name)->details().evidence;
    std::size_t says = 0;  // deciding statements
    const Evidence* newest = nullptr;  // ISO dates compare as text
    for (const auto& e : evidence)
      if (e.decides) {
        ++says;
        if (!e.as_of.empty() && (!newest || e.as_of > newest->as_of)) newest = &e;
      }
    bool blocking = asked.all_items[k].blocking >= 0, silent = says == 1;
    // Written into one string: "<lead> <name> for <profiles, ...>: <statement; ...>."
    std::string msg = silent ? "No source speaks of " : "Sources disagree on ";
    msg.reserve(512);
    msg += quote_name(name);
    msg += " for ";
    const char* sep = "";
    for (const auto* p : rows)
      if (std::binary_search(p->disputed.begin(), p->disputed.end(), k)) msg += sep, msg += p->name, sep = ", ";
    msg += ": ";
    if (!says) msg += "see the catalog's evidence";
    sep = "";
    for (const auto& e : evidence)
      if (e.decides) {
        msg += sep, msg += e.source, msg += " (", msg += e.kind;
        if (!e.as_of.empty()) msg += ", ", msg += e.as_of;
        msg += "): ", msg += requirement_text(e.grant, *catalog.model), sep = "; ";
      }
    msg += '.';
    if (newest && says > 1) msg += " The newest statement is " + newest->source + " (" + newest->as_of + ").";
    msg += !blocking ? " There the token may lack it."
           : req.static_auth ? " There the install may succeed or get the permission error (uncertain). Removing it "
                               "(or switching to OAuth with it optional) removes the risk."
                             : " There the install may succeed or get the permission error (uncertain). Making it optional "
                               "removes the risk.";
    out.push_back({"warning", silent ? "undocumented-availability" : "sources-disagree", name, msg,
                   !blocking ? "" : req.static_auth ? "remove" : "make-optional",
                   blocking ? std::vector<std::string>{name} : std::vector<std::string>{}});
  }
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
    if (key != "hubs" && key != "features") bad("account: unknown field " + quote_name(key) + " (expected hubs, features)");
  if (account.contains("hubs")) {
    if (!account["hubs"].is_object()) bad("account.hubs must be an object such as {\"" + m.hubs[0].id + "\": \"" + m.tiers.back().id + "\"}");
    for (const auto& [hub, tier] : account["hubs"].items()) {
      int h = m.hub_by_key(hub);  // an id, or an alias (revenue, crm, cms, dataHub, ...)
      if (h < 0) bad("account.hubs: unknown hub " + quote_name(hub) + " (" + m.hub_list() + ")");
      int t = tier.is_string() ? m.tier_index(tier.get<std::string>()) : -1;
      if (t < 0) bad("account.hubs." + hub + ": unknown tier (" + m.tier_list() + ")");
      if (!m.sells(h, t)) bad("account.hubs." + hub + ": " + m.not_sold(h, t));
      config = m.with_tier(config, h, t);
    }
  }
  if (account.contains("features")) {
    if (!account["features"].is_array()) bad("account.features must be an array");
    for (const auto& f : account["features"]) {
      int i = f.is_string() ? m.feature_index(f.get<std::string>()) : -1;
      if (i < 0) bad("account.features: unknown feature " + (f.is_string() ? quote_name(f.get<std::string>()) : f.dump()) + " (" + m.feature_list() + ")");
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
    } else if (key == "lean") {
      if (!value.is_boolean()) bad("lean must be true or false");
      o.lean = value.get<bool>();
    } else if (key == "account") {
      if (!value.is_null()) o.account = read_account(value, m);
    } else if (key == "profiles") {
      if (value.is_null()) continue;
      if (!value.is_array()) bad("profiles must be an array of profile ids");
      for (const auto& p : value) {
        if (!p.is_string()) bad("profiles: a profile id must be a string, not " + p.dump());
        if (!m.profile(p.get<std::string>())) bad("profiles: " + m.profile_error(p.get<std::string>()));
        o.profiles.push_back(p.get<std::string>());
      }
    } else {
      bad("unknown option " + quote_name(key) + " (withoutConditional, account, profiles, lean)");
    }
  }
  return o;
}

Evaluation evaluate(const Request& req, const Catalog& catalog, const Options& o) {
  const Model& m = *catalog.model;
  Evaluation ev;
  Asked asked(req, catalog, o);
  const std::string rejected = rejected_for_all(req, asked);
  std::vector<Row> rows;
  rows.reserve(m.profiles.size());
  for (std::size_t i = 0; i < m.profiles.size(); ++i) {
    const Profile& p = m.profiles[i];
    Row row = evaluate_one({catalog, int(i), p.config}, asked, rejected, o.lean);
    ProfileResult& r = row.result;
    r.id = p.id;
    r.name = p.name;
    r.hub = p.hub;
    r.tier = p.tier;
    if (r.status == "installs") ++ev.profiles_install;
    if (r.status == "uncertain") ++ev.profiles_uncertain;
    rows.push_back(std::move(row));
  }

  // Suggestions: for each failing profile, its missing scopes plus the blocking scopes disputed on
  // it (made optional, they leave nothing that could still fail there); each distinct set unlocks
  // every failing profile whose missing and disputed blocking scopes it covers.
  // A row fails when it lacks a blocking scope, whatever else HubSpot rejects for every account: the
  // suggestions then say what unlocks the rest once that is fixed (unknown names removed, the URL fixed).
  auto failing = [](const Row& row) { return !row.result.missing.empty(); };
  std::vector<const Ids*> sets;
  for (const auto& row : rows)
    if (failing(row) && std::none_of(sets.begin(), sets.end(), [&](auto* s) { return *s == row.needs; }))
      sets.push_back(&row.needs);

  const std::size_t n = asked.blocking_count();
  const Ids now_ids = requirement_ids(asked, std::vector<char>(n, 1), catalog, true);
  std::vector<Ids> removed;  // per suggestion: requirements no longer needed
  for (const auto* set : sets) {
    std::vector<char> keep(n, 1);
    for (auto i : *set) keep[i] = 0;
    removed.push_back(minus(now_ids, requirement_ids(asked, keep, catalog, true)));
  }
  Reach now = reach(now_ids, removed, catalog);

  if (rejected.empty()) {
    const AccountSet& installs = now.installs;
    ev.combinations_install = installs.count();
    ev.combinations_disputed =
        count_all(requirement_ids(asked, std::vector<char>(n, 1), catalog, false), catalog) -  // installs is a part of it
        ev.combinations_install;
    if (asked.unknown) ev.combinations_disputed += ev.combinations_install, ev.combinations_install = 0;
    Model::Breakdown b = m.breakdown(asked.unknown ? AccountSet(installs.words()) : installs);
    ev.by_hub = std::move(b.by_hub);
    ev.by_feature_on = std::move(b.feature_on);
  } else {
    ev.by_hub.assign(m.hubs.size(), std::vector<std::uint32_t>(m.tiers.size(), 0));
    ev.by_feature_on.assign(m.features.size(), 0);
  }

  for (std::size_t i = 0; i < sets.size(); ++i) {
    Suggestion s;
    s.scopes.reserve(sets[i]->size());  // one allocation, not one per doubling
    for (auto k : *sets[i]) s.scopes.push_back(asked.blocking_at[k]);
    for (const auto& row : rows)
      if (failing(row) && std::includes(sets[i]->begin(), sets[i]->end(), row.needs.begin(), row.needs.end()))
        s.unlocks.push_back(row.result.id);
    s.combinations = now.after[i];
    ev.suggestions.push_back(std::move(s));
  }
  sort_suggestions(ev.suggestions);

  first_remove_invalid(ev, req, asked, rows, now.installs, catalog);
  if (req.static_auth) static_auth_fixes(ev);

  for (auto& row : rows)
    if (o.profiles.empty() || std::find(o.profiles.begin(), o.profiles.end(), row.result.id) != o.profiles.end())
      ev.profiles.push_back(std::move(row.result));
  if (o.account) {
    ProfileResult r = std::move(evaluate_one({catalog, -1, *o.account}, asked, rejected, o.lean).result);
    r.id = "custom";
    r.name = "Custom account";
    r.hub = -1;
    r.tier = -1;
    ev.account = std::move(r);
  }
  ev.diagnostics = disagreements(ev, asked, req, catalog);
  ev.names = std::move(asked.all);  // the last use of asked
  return ev;
}

std::uint32_t combinations_install(const Request& req, const Catalog& catalog) {
  Asked asked(req, catalog, Options{});
  if (!rejected_for_all(req, asked).empty() || asked.unknown) return 0;  // as evaluate() counts them
  return count_all(requirement_ids(asked, std::vector<char>(asked.blocking_count(), 1), catalog, true), catalog);
}

std::vector<std::string> Evaluation::names_of(const NameList& list) const {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (std::uint32_t k : list) out.push_back(names[k]);
  return out;
}

std::vector<const Diagnostic*> all_diagnostics_in_place(const Request& req, const Evaluation& ev) {
  // The request's are sorted by severity and the evaluation's are warnings: they go after the last warning.
  const auto& mine = req.diagnostics;
  const auto info = std::find_if(mine.begin(), mine.end(), [](const Diagnostic& d) { return severity_rank(d.severity) > 1; });
  std::vector<const Diagnostic*> out;
  out.reserve(mine.size() + ev.diagnostics.size());
  for (auto it = mine.begin(); it != info; ++it) out.push_back(&*it);
  for (const auto& d : ev.diagnostics) out.push_back(&d);
  for (auto it = info; it != mine.end(); ++it) out.push_back(&*it);
  return out;
}

std::vector<Diagnostic> all_diagnostics(const Request& req, const Evaluation& ev) {
  std::vector<Diagnostic> out;
  for (const Diagnostic* d : all_diagnostics_in_place(req, ev)) out.push_back(*d);
  return out;
}

}  // namespace tierscope
