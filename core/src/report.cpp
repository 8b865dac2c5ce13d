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

static ojson profile_json(const ProfileResult& r) {
  ojson j;
  j["id"] = r.id;
  j["name"] = r.name;
  j["hub"] = r.hub >= 0 ? ojson(kHubIds[r.hub]) : ojson(nullptr);
  j["tier"] = r.tier >= 0 ? ojson(kTierIds[r.tier]) : ojson(nullptr);
  j["status"] = r.status;
  j["missing"] = r.missing;
  j["granted"] = r.granted;
  j["dropped"] = r.dropped;
  j["unverified"] = r.unverified;
  return j;
}

static ojson account_json(std::uint32_t config) {
  ojson hubs = ojson::object(), features = ojson::array();
  for (int h = 0; h < kHubs; ++h) hubs[kHubIds[h]] = kTierIds[tier_of(config, h)];
  for (int f = 0; f < kFeatures; ++f)
    if (has_feature(config, f)) features.push_back(kFeatureIds[f]);
  return {{"hubs", hubs}, {"features", features}};
}

ojson report_json(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                  const Catalog& catalog) {
  ojson r = header_json(catalog);
  r["input"] = input_json(in, o);
  r["request"] = request_json(req);
  r["diagnostics"] = diagnostics_json(req.diagnostics);
  ojson profiles = ojson::array();
  for (const auto& p : ev.profiles) profiles.push_back(profile_json(p));
  r["profiles"] = std::move(profiles);
  ojson by_hub, by_feature;
  for (int h = 0; h < kHubs; ++h) {
    ojson tiers;
    for (int t = 0; t < kTiers; ++t) tiers[kTierIds[t]] = ev.by_hub[h][t];
    by_hub[kHubIds[h]] = std::move(tiers);
  }
  for (int f = 0; f < kFeatures; ++f)
    by_feature[kFeatureIds[f]] = {{"off", ev.combinations_install - ev.by_feature_on[f]}, {"on", ev.by_feature_on[f]}};
  r["coverage"] = {
      {"profiles", {{"installs", ev.profiles_install}, {"uncertain", ev.profiles_uncertain}, {"total", standard_profiles().size()}}},
      {"combinations", {{"installs", ev.combinations_install}, {"total", kConfigurations}}},
      {"by_hub", std::move(by_hub)},
      {"by_feature", std::move(by_feature)}};
  ojson suggestions = ojson::array();
  for (const auto& s : ev.suggestions)
    suggestions.push_back(
        {{"action", "make-optional"}, {"scopes", s.scopes}, {"unlocks", s.unlocks}, {"combinations", s.combinations}});
  r["suggestions"] = std::move(suggestions);
  if (ev.account) {
    ojson a = profile_json(*ev.account);
    a["account"] = account_json(*o.account);
    r["account"] = std::move(a);
  } else {
    r["account"] = nullptr;
  }
  r["url_check"] = nullptr;  // filled by check_pair
  return r;
}

ojson scope_entry_json(const Scope& s) {
  ScopeLabel label = label_for(s.name);
  ojson j;
  j["name"] = s.name;
  j["area"] = str_or_null(s.area);
  j["tier_text"] = str_or_null(s.tier_text);
  j["requires"] = s.requires_json;
  j["confidence"] = s.confidence;
  j["source"] = s.source;
  j["sensitive"] = s.sensitive;
  j["deprecated"] = s.deprecated;
  j["retired_on"] = str_or_null(s.retired_on);
  j["replaced_by"] = s.replaced_by;
  j["notes"] = s.notes;
  j["api_spec_hint"] = s.api_spec_hint;
  j["label"] = label.text;
  j["group"] = label.group;
  return j;
}

}  // namespace tierscope
