#include "report/report.hpp"

#include <algorithm>
#include <cstdio>

#include "input/input.hpp"
#include "input/install_url.hpp"
#include "catalog/labels.hpp"

namespace tierscope {

std::string dump(const ojson& j) { return j.dump(2, ' ', false, ojson::error_handler_t::replace); }

std::string percent_text(std::uint32_t part, std::uint32_t whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", whole ? 100.0 * part / whole : 0.0);
  return buf;
}

static ojson tree(const std::string& text) { return json_document(text); }  // a written document as a tree

static ojson str_or_null(const std::string& s) { return s.empty() ? ojson(nullptr) : ojson(s); }

void write_header(JsonWriter& w, const Catalog& catalog) {
  w.field("schema_version", kSchemaVersion);
  w.key("tool").begin_object().field("name", "tierscope").field("version", TIERSCOPE_VERSION).end_object();
  w.key("catalog").begin_object().field("as_of", catalog.as_of).field("scopes", std::uint64_t(catalog.scopes.size())).end_object();
}

ojson header_json(const Catalog& catalog) {
  JsonWriter w;
  w.begin_object();
  write_header(w, catalog);
  return tree(w.end_object().take());
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
  for (std::size_t h = 0; h < m.hubs.size(); ++h) {  // hubs: the tiers HubSpot sells of each
    ojson& sold = j["hubs"][h]["tiers"] = ojson::array();
    for (std::size_t t = 0; t < m.tiers.size(); ++t)
      if (m.sells(int(h), int(t))) sold.push_back(m.tiers[t].id);
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

void write_request(JsonWriter& w, const Request& req) {
  w.begin_object();
  w.key("required").strings(req.required);
  w.key("conditional").strings(req.conditional);
  w.key("optional").strings(req.optional);
  w.end_object();
}

ojson request_json(const Request& req) {
  JsonWriter w;
  write_request(w, req);
  return tree(w.take());
}

static void write_diagnostic(JsonWriter& w, const Diagnostic& d) {
  w.begin_object().field("severity", d.severity).field("code", d.code);
  w.key("scope").string_or_null(d.scope).field("message", d.message).key("suggestion");
  if (d.action.empty()) w.null();
  else w.begin_object().field("action", d.action).key("scopes").strings(d.scopes).end_object();
  w.end_object();
}

void write_diagnostics(JsonWriter& w, const std::vector<Diagnostic>& diags) {
  w.begin_array();
  for (const auto& d : diags) write_diagnostic(w, d);
  w.end_array();
}

ojson diagnostics_json(const std::vector<Diagnostic>& diags) {
  JsonWriter w;
  write_diagnostics(w, diags);
  return tree(w.take());
}

namespace {
void write_id_or_null(JsonWriter& w, const std::vector<Named>& list, int i) {
  if (i >= 0) w.value(list[i].id);
  else w.null();
}

// Every name of ev.names as a JSON string, quoted once: the profiles' lists repeat them (granted: once per
// profile). All in one string (name k: bytes [at[k], at[k + 1])): one allocation, not one per name.
struct QuotedNames {
  std::string text;
  std::vector<std::size_t> at;
  std::string_view operator[](std::size_t k) const { return std::string_view(text).substr(at[k], at[k + 1] - at[k]); }
};
QuotedNames quoted_names(const Evaluation& ev) {
  QuotedNames q;
  q.at.reserve(ev.names.size() + 1);
  q.at.push_back(0);
  for (const auto& name : ev.names) append_json_string(q.text, name), q.at.push_back(q.text.size());
  return q;
}

thread_local std::vector<std::uint32_t> coded_words;  // coded_lists()

// How the report's name lists are written: as arrays of the quoted names, or (coded) as the offset of
// the list in coded_words: its length, then its indexes into ev.names.
struct NameLists {
  const QuotedNames& quoted;
  bool coded;
  void write(JsonWriter& w, const NameList& list) const {
    if (!coded) {
      w.raw_array(list.size(), [&](std::size_t i) { return quoted[list[i]]; });
      return;
    }
    w.value(std::uint64_t(coded_words.size()));
    coded_words.push_back(std::uint32_t(list.size()));
    coded_words.insert(coded_words.end(), list.begin(), list.end());
  }
};

void write_profile(JsonWriter& w, const ProfileResult& r, const NameLists& names, const Model& m, bool lean) {
  w.field("id", r.id).field("name", r.name);
  write_id_or_null(w.key("hub"), m.hubs, r.hub);
  write_id_or_null(w.key("tier"), m.tiers, r.tier);
  w.field("status", r.status);
  names.write(w.key("missing"), r.missing);
  if (!lean) names.write(w.key("granted"), r.granted);
  names.write(w.key("dropped"), r.dropped);
  names.write(w.key("unverified"), r.unverified);
  names.write(w.key("disputed"), r.disputed);
}

// The hs level of hub h at tier t ("" = hs does not offer it).
std::string hs_level(const Model& m, int h, int t) {
  const std::string prefix = m.tiers[t].id + "=";
  for (const auto& l : m.hubs[h].hs_levels)
    if (l.compare(0, prefix.size(), prefix) == 0) return l.substr(prefix.size());
  return "";
}

// verify: for each uncertain profile, the HubSpot test account that settles it (every level written out:
// hs makes a missing one ENTERPRISE) and the install URL to try there; or why hs cannot create it.
void write_verify(JsonWriter& w, const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                  const Model& m) {
  std::string url;  // written once, for the first uncertain profile (most reports have none)
  w.begin_array();
  for (const auto& p : ev.profiles) {
    if (p.status != "uncertain") continue;
    if (url.empty()) {
      UrlParts parts;
      if (!in.host.empty()) parts.host = in.host;
      parts.scope = req.required;
      if (!o.without_conditional) parts.scope.insert(parts.scope.end(), req.conditional.begin(), req.conditional.end());
      std::sort(parts.scope.begin(), parts.scope.end());
      parts.optional_scope = req.optional;
      url = install_url(parts);
    }
    w.begin_object().field("profile", p.id).key("hs_test_account");
    std::string cannot;
    if (p.hub >= 0 && m.hubs[p.hub].hs_key.empty()) cannot = "hs test-account create cannot set " + m.hubs[p.hub].name;
    else if (p.hub >= 0 && hs_level(m, p.hub, p.tier).empty())
      cannot = "hs test-account create does not offer " + m.hubs[p.hub].name + " " + m.tiers[p.tier].name;
    if (!cannot.empty()) {
      w.null();
    } else {
      w.begin_object().field("accountName", "tierscope " + p.id);
      for (std::size_t h = 0; h < m.hubs.size(); ++h)
        if (!m.hubs[h].hs_key.empty()) w.field(m.hubs[h].hs_key, hs_level(m, int(h), int(h) == p.hub ? p.tier : 0));
      w.end_object();
    }
    w.field("install_url", url).key("note").string_or_null(
        cannot.empty() ? "" : cannot + "; test on a real account with it, then record the result in data/sources/observed.json");
    w.end_object();
  }
  w.end_array();
}

void write_account(JsonWriter& w, std::uint32_t config, const Model& m) {
  w.begin_object().key("hubs").begin_object();
  for (std::size_t h = 0; h < m.hubs.size(); ++h) w.field(m.hubs[h].id, m.tiers[m.tier_of(config, int(h))].id);
  w.end_object().key("features").begin_array();
  for (std::size_t f = 0; f < m.features.size(); ++f)
    if (m.has_feature(config, int(f))) w.value(m.features[f].id);
  w.end_array().end_object();
}
}  // namespace

std::string report_text(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o,
                        const Catalog& catalog, const UrlCheck* url_check, bool coded) {
  const Model& m = *catalog.model;
  JsonWriter w(coded ? 4096 + 512 * ev.names.size() : 4096 + 64 * ev.names.size() * (m.profiles.size() + 1));
  const QuotedNames quoted = quoted_names(ev);
  const NameLists names{quoted, coded};
  if (coded) {
    coded_words.clear();
    w.begin_array().raw_array(ev.names.size(), [&](std::size_t k) { return quoted[k]; });
  }
  w.begin_object();
  write_header(w, catalog);
  w.key("input").begin_object().field("format", in.format);
  w.key("app_name").string_or_null(in.app_name);
  w.key("host").string_or_null(in.host);
  w.key("account_id").string_or_null(in.account_id);
  w.field("without_conditional", o.without_conditional);
  w.key("ignored").begin_array();  // list lines with text but no scope read, and why
  for (const auto& g : in.ignored) w.begin_object().field("line", std::uint64_t(g.line)).field("reason", g.reason).end_object();
  w.end_array().key("json_path").string_or_null(in.json_path).end_object();
  write_request(w.key("request"), req);
  w.key("diagnostics").begin_array();
  for (const Diagnostic* d : all_diagnostics_in_place(req, ev)) write_diagnostic(w, *d);
  w.end_array();
  w.key("profiles").begin_array();
  for (const auto& p : ev.profiles) {
    w.begin_object();
    write_profile(w, p, names, m, o.lean);
    w.end_object();
  }
  w.end_array();
  w.key("coverage").begin_object();
  w.key("profiles").begin_object().field("installs", ev.profiles_install).field("uncertain", ev.profiles_uncertain);
  w.field("total", std::uint64_t(m.profiles.size())).end_object();
  w.key("combinations").begin_object().field("installs", ev.combinations_install).field("disputed", ev.combinations_disputed);
  w.field("total", m.configurations()).end_object();
  w.key("by_hub").begin_object();
  for (std::size_t h = 0; h < m.hubs.size(); ++h) {
    w.key(m.hubs[h].id).begin_object();
    for (std::size_t t = 0; t < m.tiers.size(); ++t)  // only the tiers HubSpot sells of the hub
      if (m.sells(int(h), int(t))) w.field(m.tiers[t].id, ev.by_hub[h][t]);
    w.end_object();
  }
  w.end_object().key("by_feature").begin_object();
  for (std::size_t f = 0; f < m.features.size(); ++f)
    w.key(m.features[f].id).begin_object().field("off", ev.combinations_install - ev.by_feature_on[f]).field("on", ev.by_feature_on[f]).end_object();
  w.end_object().end_object();
  w.key("suggestions").begin_array();
  for (const auto& s : ev.suggestions) {
    w.begin_object().field("action", s.action);
    names.write(w.key("scopes"), s.scopes);
    w.key("unlocks").strings(s.unlocks);
    w.field("combinations", s.combinations);
    if (s.action == "remove-or-rename") {
      w.key("did_you_mean").begin_object();
      for (std::size_t k = 0; k < s.renamed.size(); ++k) w.key(s.renamed[k]).strings(s.did_you_mean[k]);
      w.end_object();
    }
    w.end_object();
  }
  w.end_array().key("verify");
  write_verify(w, in, req, ev, o, m);
  w.key("account");
  if (ev.account) {
    w.begin_object();
    write_profile(w, *ev.account, names, m, o.lean);
    write_account(w.key("account"), *o.account, m);
    w.end_object();
  } else {
    w.null();
  }
  w.key("url_check");
  if (url_check) {
    w.begin_object().field("ok", url_check->rules_failed.empty()).key("rules_failed").begin_array();
    for (int r : url_check->rules_failed) w.value(r);
    w.end_array().field("fixed_url", url_check->fixed_url).end_object();
  } else {
    w.null();
  }
  w.end_object();
  if (coded) w.end_array();
  return w.take();
}

const std::vector<std::uint32_t>& coded_lists() { return coded_words; }

ojson report_json(const RawInput& in, const Request& req, const Evaluation& ev, const Options& o, const Catalog& catalog) {
  return tree(report_text(in, req, ev, o, catalog, nullptr));
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
  const ScopeDetails& details = s.details();
  j["notes"] = details.notes;
  ojson evidence = ojson::array();
  for (const auto& e : details.evidence) evidence.push_back(evidence_json(e));
  j["evidence"] = std::move(evidence);
  j["label"] = label.text;
  j["group"] = label.group;
  return j;
}

}  // namespace tierscope
