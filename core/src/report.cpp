#include "report.hpp"

#include <cstdio>

#include "labels.hpp"

namespace tierscope {

std::string dump(const ojson& j) { return j.dump(2, ' ', false, ojson::error_handler_t::replace); }

std::string percent_text(std::uint32_t part, std::uint32_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

static ojson str_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

ojson header_json(const Catalog& catalog) {
  ojson h;
  h["schema_version"] = kSchemaVersion;
  h["tool"] = {{"name", "tierscope"}, {"version", TIERSCOPE_VERSION}};
  h["catalog"] = {{"as_of", catalog.as_of}, {"scopes", catalog.scopes.size()}};
  return h;
}

static ojson id_or_null(const std::vector<Named>& list, int i) { return i >= 0 ? ojson(list[i].id) : ojson(nullptr); }

ojson catalog_info_json(const Catalog& catalog) {
  const Model& m = *catalog.model;
  ojson j;
  j["as_of"] = catalog.as_of;
  j["scopes"] = catalog.scopes.size();
  j["configurations"] = m.configurations();
  const std::pair<const char*, const std::vector<Named>*> lists[] = {{"tiers", &m.tiers}, {"hubs", &m.hubs}, {"features", &m.features}};
  for (const auto& [key, list] : lists) {
    ojson& arr = j[key] = ojson::array();
    for (const auto& n : *list) {
      ojson& e = arr.emplace_back();
      e["id"] = n.id;
      e["name"] = n.name;
    }
  }
  ojson& profiles = j["profiles"] = ojson::array();
  for (const auto& p : m.profiles) {
    ojson& e = profiles.emplace_back();
    e["id"] = p.id;
    e["name"] = p.name;
    e["hub"] = id_or_null(m.hubs, p.hub);
    e["tier"] = id_or_null(m.tiers, p.tier);
  }
  return j;
}

ojson input_json(const RawInput& in, const Options& o) {
  ojson j;
  j["format"] = in.format;
  j["app_name"] = str_or_null(in.app_name);
  j["host"] = str_or_null(in.host);
  j["account_id"] = str_or_null(in.account_id);
  j["without_conditional"] = o.without_conditional;
  return j;
}

ojson request_json(const Request& req) {
  ojson j;
  j["required"] = req.required;
  j["conditional"] = req.conditional;
  j["optional"] = req.optional;
  return j;
}

ojson diagnostics_json(const std::vector<Diagnostic>& diags) {
  ojson arr = ojson::array();
  for (const auto& d : diags) {
    ojson j;
    j["severity"] = d.severity;
    j["code"] = d.code;
    j["scope"] = str_or_null(d.scope);
    j["message"] = d.message;
    if (d.action.empty()) {
      j["suggestion"] = nullptr;
    } else {
      j["suggestion"] = {{"action", d.action}, {"scopes", d.scopes}};
    }
    arr.push_back(std::move(j));
  }
  return arr;
}

static ojson profile_json(const ProfileResult& r, const Evaluation& ev, const Model& m) {
  ojson j;
  j["id"] = r.id;
  j["name"] = r.name;
  j["hub"] = id_or_null(m.hubs, r.hub);
  j["tier"] = id_or_null(m.tiers, r.tier);
  j["status"] = r.status;
  j["missing"] = ev.names_of(r.missing);
  j["granted"] = ev.names_of(r.granted);
  j["dropped"] = ev.names_of(r.dropped);
  j["unverified"] = ev.names_of(r.unverified);
  j["disputed"] = ev.names_of(r.disputed);
  return j;
}

static ojson account_json(std::uint32_t config, const Model& m) {
  ojson hubs = ojson::object(), features = ojson::array();
  for (std::size_t h = 0; h < m.hubs.size(); ++h) hubs[m.hubs[h].id] = m.tiers[m.tier_of(config, int(h))].id;
  for (std::size_t f = 0; f < m.features.size(); ++f)
    if (m.has_feature(config, int(f))) features.push_back(m.features[f].id);
  return {{"hubs", hubs}, {"features", features}};
}

ojson report_json(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                  const Catalog& catalog) {
  const Model& m = *catalog.model;
  ojson r = header_json(catalog);
  r["input"] = input_json(in, o);
  r["request"] = request_json(req);
  r["diagnostics"] = diagnostics_json(all_diagnostics(req, ev));
  ojson profiles = ojson::array();
  for (const auto& p : ev.profiles) profiles.push_back(profile_json(p, ev, m));
  r["profiles"] = std::move(profiles);
  ojson by_hub = ojson::object(), by_feature = ojson::object();
  for (std::size_t h = 0; h < m.hubs.size(); ++h) {
    ojson tiers;
    for (std::size_t t = 0; t < m.tiers.size(); ++t) tiers[m.tiers[t].id] = ev.by_hub[h][t];
    by_hub[m.hubs[h].id] = std::move(tiers);
  }
  for (std::size_t f = 0; f < m.features.size(); ++f)
    by_feature[m.features[f].id] = {{"off", ev.combinations_install - ev.by_feature_on[f]}, {"on", ev.by_feature_on[f]}};
  r["coverage"] = {
      {"profiles", {{"installs", ev.profiles_install}, {"uncertain", ev.profiles_uncertain}, {"total", m.profiles.size()}}},
      {"combinations",
       {{"installs", ev.combinations_install}, {"disputed", ev.combinations_disputed}, {"total", m.configurations()}}},
      {"by_hub", std::move(by_hub)},
      {"by_feature", std::move(by_feature)}};
  ojson suggestions = ojson::array();
  for (const auto& s : ev.suggestions)
    suggestions.push_back(
        {{"action", "make-optional"}, {"scopes", s.scopes}, {"unlocks", s.unlocks}, {"combinations", s.combinations}});
  r["suggestions"] = std::move(suggestions);
  if (ev.account) {
    ojson a = profile_json(*ev.account, ev, m);
    a["account"] = account_json(*o.account, m);
    r["account"] = std::move(a);
  } else {
    r["account"] = nullptr;
  }
  r["url_check"] = nullptr;  // filled by check_pair
  return r;
}

static ojson evidence_json(const Evidence& e) {
  ojson j;
  j["source"] = e.source;
  j["kind"] = e.kind;
  j["requires"] = e.requires_json;
  j["as_of"] = str_or_null(e.as_of);
  j["url"] = str_or_null(e.url);
  j["note"] = str_or_null(e.note);
  j["decides"] = e.decides;
  return j;
}

ojson scope_entry_json(const Scope& s) {
  ScopeLabel label = label_for(s.name);
  ojson j;
  j["name"] = s.name;
  j["area"] = str_or_null(s.area);
  j["tier_text"] = str_or_null(s.tier_text);
  j["requires"] = s.requires_json;
  j["requires_any_source"] = s.requires_any_source_json;
  j["confidence"] = s.confidence;
  j["sensitive"] = s.sensitive;
  j["deprecated"] = s.deprecated;
  j["retired_on"] = str_or_null(s.retired_on);
  j["replaced_by"] = s.replaced_by;
  j["notes"] = s.notes;
  ojson evidence = ojson::array();
  for (const auto& e : s.evidence) evidence.push_back(evidence_json(e));
  j["evidence"] = std::move(evidence);
  j["label"] = label.text;
  j["group"] = label.group;
  return j;
}

}  // namespace tierscope
