#include "evaluate.hpp"

#include <algorithm>
#include <map>

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

AccountSet installing(const std::vector<std::string>& blocking, const Request& req, const Catalog& catalog) {
  AccountSet set = AccountSet::all();
  for (const auto& name : blocking)
    if (!req.invalid.count(name))
      if (const Scope* s = catalog.find(name)) set &= s->available;
  return set;
}

ProfileResult evaluate_one(std::uint32_t config, const Request& req, const Catalog& catalog, const Asked& asked,
                           const std::string& rejected) {
  ProfileResult r;
  bool blocked_by_unknown = false;
  for (const auto& name : asked.blocking) {
    const Scope* s = req.invalid.count(name) ? nullptr : catalog.find(name);
    if (!s) continue;
    if (!s->available.test(config)) r.missing.push_back(name);
    if (s->requirement == Requirement::Undocumented) blocked_by_unknown = true;
  }
  for (const auto& name : asked.all) {
    const Scope* s = req.invalid.count(name) ? nullptr : catalog.find(name);
    if (s && s->requirement == Requirement::Undocumented) r.unverified.push_back(name);
  }
  r.status = !rejected.empty() ? rejected : !r.missing.empty() ? "permission-error" : blocked_by_unknown ? "uncertain" : "installs";
  if (r.status == "installs" || r.status == "uncertain") {
    for (const auto& name : asked.all) {
      const Scope* s = catalog.find(name);
      if (s && s->requirement != Requirement::Undocumented && s->available.test(config)) r.granted.push_back(name);
    }
    for (const auto& name : req.optional) {
      const Scope* s = catalog.find(name);
      if (s && !s->available.test(config)) r.dropped.push_back(name);
    }
  }
  return r;
}

bool subset(const std::vector<std::string>& a, const std::vector<std::string>& b) {  // both sorted
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}
}  // namespace

std::uint32_t read_account(const json& account) {
  if (!account.is_object()) bad("account must be an object {hubs, features}");
  std::uint32_t config = 0;
  for (const auto& [key, value] : account.items())
    if (key != "hubs" && key != "features") bad("account: unknown field \"" + key + "\" (expected hubs, features)");
  if (account.contains("hubs")) {
    if (!account["hubs"].is_object()) bad("account.hubs must be an object such as {\"marketing\": \"professional\"}");
    for (const auto& [hub, tier] : account["hubs"].items()) {
      int h = hub_index(hub);
      if (h < 0) bad("account.hubs: unknown hub \"" + hub + "\" (marketing, sales, service, content, data, commerce)");
      int t = tier.is_string() ? tier_index(tier.get<std::string>()) : -1;
      if (t < 0) bad("account.hubs." + hub + ": unknown tier (free, starter, professional, enterprise)");
      config = with_tier(config, h, t);
    }
  }
  if (account.contains("features")) {
    if (!account["features"].is_array()) bad("account.features must be an array");
    for (const auto& f : account["features"]) {
      int i = f.is_string() ? feature_index(f.get<std::string>()) : -1;
      if (i < 0)
        bad("account.features: unknown feature " + f.dump() +
            " (website_addon, transactional_email_addon, business_units_addon, sensitive_data)");
      config = with_feature(config, i);
    }
  }
  return config;
}

Options read_options(std::string_view text) {
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
      if (!value.is_null()) o.account = read_account(value);
    } else if (key == "profiles") {
      if (value.is_null()) continue;
      if (!value.is_array()) bad("profiles must be an array of profile ids");
      for (const auto& p : value) {
        bool known = p.is_string() && std::any_of(standard_profiles().begin(), standard_profiles().end(),
                                                  [&](const Profile& sp) { return sp.id == p.get<std::string>(); });
        if (!known) bad("profiles: unknown profile " + p.dump() + " (free or <hub>-<starter|professional|enterprise>)");
        o.profiles.push_back(p.get<std::string>());
      }
    } else {
      bad("unknown option \"" + key + "\" (withoutConditional, account, profiles)");
    }
  }
  return o;
}

Evaluation evaluate(const Request& req, const Catalog& catalog, const Options& o) {
  Evaluation ev;
  const Asked asked(req, o);
  const std::string rejected = rejected_for_all(req, asked);
  std::vector<ProfileResult> all;
  for (const auto& p : standard_profiles()) {
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
  AccountSet ok = !rejected.empty() ? AccountSet::none() : installing(blocking, req, catalog);
  ev.combinations_install = ok.count();
  for (int h = 0; h < kHubs; ++h)
    for (int t = 0; t < kTiers; ++t) ev.by_hub[h][t] = ok.count_within(hub_at(h, t));
  for (int f = 0; f < kFeatures; ++f) ev.by_feature_on[f] = ok.count_within(feature_on(f));

  // Suggestions: each distinct set of missing scopes among failing profiles, made optional,
  // unlocks every failing profile whose missing scopes it covers.
  std::vector<std::vector<std::string>> sets;
  for (const auto& r : all)
    if (r.status == "permission-error" && std::find(sets.begin(), sets.end(), r.missing) == sets.end())
      sets.push_back(r.missing);
  for (const auto& set : sets) {
    Suggestion s;
    s.scopes = set;
    for (const auto& r : all)
      if (r.status == "permission-error" && subset(r.missing, set)) s.unlocks.push_back(r.id);
    std::vector<std::string> rest;
    std::set_difference(blocking.begin(), blocking.end(), set.begin(), set.end(), std::back_inserter(rest));
    s.combinations = installing(rest, req, catalog).count();
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
  return ev;
}

}  // namespace tierscope
