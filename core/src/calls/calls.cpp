#include "calls/calls.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "calls/calls_input.hpp"
#include "calls/least_privilege.hpp"
#include "evaluate/combinations.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

Diagnostic note(const char* severity, const char* code, std::string message) {
  return {severity, code, "", escape_controls(message), "", {}};  // calls and paths quoted: one line
}

std::string call_name(const Call& c) {
  return c.method + " " + escape_controls(c.path) + " (" + (c.line ? "line " + std::to_string(c.line) : std::string("input")) + ")";
}

void write_operation(JsonWriter& w, const Operations& t, const Operation& op) {
  const ApiInfo& a = t.apis[op.api];
  w.begin_object().field("method", op.method).field("path", op.path).field("api", a.name).field("version", a.version);
  w.field("beta", a.beta).field("legacy", a.legacy);
  // A legacy API's status (data/sources/legacy-apis.json): legacy | retiring | retired, its date, its replacement.
  w.key("status").string_or_null(a.status).key("date").string_or_null(a.date).key("replacement").string_or_null(a.replacement);
  w.end_object();
}

void write_sets(JsonWriter& w, const std::vector<ScopeSet>& sets) {
  w.begin_array();
  for (const auto& set : sets) w.strings(set);
  w.end_array();
}

// "GET /crm/v3/lists": the replacement of a legacy API, with the call's method.
std::string replacement_call(const std::string& method, const ApiInfo& a) {
  return method + " " + a.replacement;
}

// Answers kept per catalog (a new catalog starts afresh), at most `limit` of them (then emptied): the
// least-privilege search and the uncovered calls ask the same questions call list after call list and
// input after input.
template <class Key, class Value>
class KeptPerCatalog {
 public:
  explicit KeptPerCatalog(std::size_t limit) : limit_(limit) {}
  template <class Work>
  Value get(const Key& key, const std::shared_ptr<const Catalog>& catalog, Work work) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (counted_.lock() != catalog) kept_.clear(), counted_ = catalog;
      auto it = kept_.find(key);
      if (it != kept_.end()) return it->second;
    }
    Value v = work();
    std::lock_guard<std::mutex> lock(mutex_);
    if (kept_.size() >= limit_) kept_.clear();
    kept_.emplace(key, v);
    return v;
  }
  void forget() {
    std::lock_guard<std::mutex> lock(mutex_);
    kept_.clear();
  }

 private:
  const std::size_t limit_;
  std::mutex mutex_;
  std::weak_ptr<const Catalog> counted_;
  std::map<Key, Value> kept_;
};

// Configurations where every name can be granted (the evaluator's count for a request of them).
KeptPerCatalog<std::vector<std::string>, std::uint32_t>& install_counts() {
  static KeptPerCatalog<std::vector<std::string>, std::uint32_t> kept(4096);
  return kept;
}
std::uint32_t installs(const std::vector<std::string>& names, const std::shared_ptr<const Catalog>& catalog) {
  return install_counts().get(names, catalog, [&] {
    return combinations_install(build_request(from_lists(names, {}), *catalog), *catalog);
  });
}

// The standard tiers where a set of scopes, all required, installs (the ids of the profiles whose status
// is "installs") and how many profiles were evaluated: what an uncovered call's covered_by lists per
// alternative (the alternatives are the operations table's), kept per options too.
struct Tiers {
  std::vector<std::string> installs;
  std::size_t total = 0;
};
KeptPerCatalog<std::pair<Options, ScopeSet>, Tiers>& kept_tiers() {
  static KeptPerCatalog<std::pair<Options, ScopeSet>, Tiers> kept(1024);
  return kept;
}
Tiers installing_tiers(const ScopeSet& alt, const std::shared_ptr<const Catalog>& catalog, const Options& options) {
  return kept_tiers().get(std::make_pair(options, alt), catalog, [&] {
    Evaluation ev = evaluate(build_request(from_lists(alt, {}), *catalog), *catalog, options);
    Tiers t;
    for (const auto& p : ev.profiles)
      if (p.status == "installs") t.installs.push_back(p.id);
    t.total = ev.profiles.size();
    return t;
  });
}

std::size_t literals(const Operation& op) {
  return std::count_if(op.segments.begin(), op.segments.end(), [](const std::string& s) { return s[0] != '{' && s != "*"; });
}

std::vector<std::string> sorted_names(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::string canonical(const std::string& name, const Catalog& catalog) {
  if (auto t = catalog.alias_target(name)) return *t;
  return name;
}
}  // namespace

namespace {
// The calls report but its last member, "report" (the check report of the least-privilege set): written
// directly (JsonWriter), members in the order of docs/report.md, with the data the report is written from.
struct CallsReport {
  std::shared_ptr<const Catalog> catalog;
  std::string text;  // the calls report's JSON, without "report"
  RawInput lp;
  Request req;
  Evaluation ev;
};

// A requested scope no call uses (unused) or one a call may need (may_be_needed).
struct Unused {
  std::string scope;
  const char* kind;
  std::vector<std::string> locks_out;  // unused: the profiles it locks out
  std::vector<std::string> calls;      // may_be_needed: the calls
  std::string message;
};

// An uncovered call: its index, the standard tiers of each alternative.
struct Uncovered {
  std::size_t call;
  std::vector<Tiers> tiers;
};

// A profile where calls get a 403 when the tier-limited scopes are optional.
struct Failing {
  const std::string* profile;
  std::vector<std::string> calls;
  bool uncertain;
};

CallsReport calls_report(CallsInput in, std::string_view config_text, const Options& options) {
  auto table = loaded_operations();
  auto catalog = current_catalog();
  std::vector<Diagnostic> diags = in.diagnostics;

  // An app config (or install URL, or scope list) to compare with.
  bool with_config = config_text.find_first_not_of(" \t\r\n") != std::string_view::npos;
  RawInput config;
  Request app;
  if (with_config) {
    try {
      config = read_input(config_text);
    } catch (const InputError& e) {
      throw InputError(e.code, std::string("the app config: ") + e.what());
    }
    app = build_request(config, *catalog);
  }

  // Match every call.
  std::vector<Match> matches;
  std::vector<std::vector<ScopeSet>> alternatives;
  for (auto& c : in.calls) {
    Match m = match_call(*table, c.method, c.segments);
    if (c.method_assumed)  // a bare URL: GET, unless another method's operation fits the path better
      for (const char* other : {"POST", "PUT", "PATCH", "DELETE"}) {
        Match o = match_call(*table, other, c.segments);
        if (o.op && o.how == "exact" && (!m.op || literals(*o.op) > literals(*m.op))) {
          c.method = other;
          m = std::move(o);
        }
      }
    for (auto& alt : m.alternatives)
      for (auto& n : alt) n = canonical(n, *catalog);
    alternatives.push_back(m.alternatives);
    matches.push_back(std::move(m));
  }

  Cover cover = least_privilege(alternatives, [&](const std::vector<std::string>& s) { return installs(s, catalog); });
  const std::uint32_t total = installs({}, catalog);
  // The least-privilege answer: every scope of the set required, so that every call works wherever
  // the app installs. The install-everywhere answer: the tier-limited scopes optional instead.
  std::vector<std::string> required = {"oauth"}, everywhere_required = {"oauth"}, optional;
  std::map<std::string, bool> limited;
  for (const auto& s : cover.scopes) {
    limited[s] = installs({s}, catalog) < total;
    required.push_back(s);
    (limited[s] ? optional : everywhere_required).push_back(s);
  }
  required = sorted_names(required);
  everywhere_required = sorted_names(everywhere_required);

  // Per call: whether its chosen scopes install on every tier, and its diagnostics.
  std::vector<char> all_tiers(in.calls.size(), 1);
  std::map<std::string, std::vector<std::string>> calls_needing;  // tier-limited scope -> calls
  for (std::size_t i = 0; i < in.calls.size(); ++i) {
    const Call& c = in.calls[i];
    const Match& m = matches[i];
    int chosen = cover.choice[i];
    if (chosen >= 0)
      for (const auto& s : m.alternatives[chosen])
        if (limited[s]) {
          all_tiers[i] = 0;
          calls_needing[s].push_back(c.method + " " + c.path);
        }
    if (!m.op) {
      std::string list;
      for (const auto* op : m.nearest) list += (list.empty() ? "" : ", ") + op->method + " " + op->path;
      diags.push_back(note("warning", "unmatched-call",
                           call_name(c) + " matches no operation of HubSpot's API spec" +
                               (list.empty() ? "." : "; the nearest: " + list + ".")));
    } else if (m.problem == "generic-object") {
      diags.push_back(note("warning", "generic-object",
                           call_name(c) + " does not name an object type: give it (contacts, 0-1, ...) to know its scopes; "
                                          "the generic operation accepts any object's scope."));
    } else if (m.problem == "unknown-object") {
      diags.push_back(note("warning", "unknown-object",
                           call_name(c) + ": no scope of the spec is for the object " + quote_name(join(m.objects, ", ")) + "."));
    } else if (m.alternatives.empty()) {
      diags.push_back(note("info", "no-oauth-scope",
                           call_name(c) + ": the spec lists no OAuth scope for " + m.op->method + " " + m.op->path +
                               " (it takes another kind of authentication, such as a developer API key)."));
    } else if (m.problem == "read-only-object") {
      diags.push_back(note("warning", "read-only-object",
                           call_name(c) + " writes to " + quote_name(join(m.objects, ", ")) +
                               ", which HubSpot's API spec only reads: no scope lets an app write to it."));
    } else {
      const ApiInfo& a = table->apis[m.op->api];
      if (a.status == "retired" || a.status == "retiring") {
        std::string when = a.date.empty() ? "" : (a.status == "retired" ? " on " : " from ") + a.date;
        std::string instead = a.replacement.empty() ? "" : "; call " + replacement_call(c.method, a) + " instead";
        Diagnostic d = note(a.status == "retired" ? "warning" : "info", a.status == "retired" ? "retired-api" : "retiring-api",
                            call_name(c) + " is in " + a.name + " " + a.version + ", which HubSpot " +
                                (a.status == "retired" ? "retired" : "retires") + when + instead + ".");
        diags.push_back(std::move(d));
      }
      if (a.query)
        diags.push_back(note("info", "query-data-scopes",
                             call_name(c) + " runs a " + a.name + " query: besides " + join(m.alternatives.front(), " and ") +
                                 ", it needs the read scope of each kind of data the query reads (contacts: "
                                 "crm.objects.contacts.read, ...), which only the query tells; least_privilege leaves them out."));
      if (a.beta)
        diags.push_back(note("info", "beta-operation", call_name(c) + " is a beta API (" + a.name + " " + a.version + ")."));
      if (m.how == "other-version")
        diags.push_back(note("info", "other-version",
                             call_name(c) + " was matched to " + m.op->path + ": that version of the path is not in the spec."));
      if (c.method_assumed && c.method != "GET")
        diags.push_back(note("info", "method-assumed", call_name(c) + " had no method: read as " + c.method + ", the only one its path has."));
    }
  }
  if (!cover.exact)
    diags.push_back(note("info", "greedy-search",
                         "Too many combinations of scope alternatives for an exact search: the set was chosen call by "
                         "call (it covers every call, but a smaller one may exist)."));
  for (const auto& [scope, needing] : calls_needing) {
    Diagnostic d = note("info", "tier-limited",
                        "Only some tiers can grant " + scope + ", needed by " + join(needing, ", ") +
                            ": required, the app installs only where it is granted; made optional (install_everywhere), "
                            "the app installs everywhere and those calls get a 403 where it is missing.");
    d.scope = scope;
    d.action = "make-optional";
    d.scopes = {scope};
    diags.push_back(std::move(d));
  }

  // Against the app's config (without one: unused, may_be_needed and uncovered are null).
  std::vector<Unused> unused, maybe_needed;
  std::vector<Uncovered> uncovered;
  if (with_config) {
    std::vector<std::string> requested = app.required;
    requested.insert(requested.end(), app.conditional.begin(), app.conditional.end());
    requested.insert(requested.end(), app.optional.begin(), app.optional.end());
    requested = sorted_names(requested);
    std::set<std::string> used = {"oauth"};  // HubSpot requires oauth in every install
    // Scopes a call on a generic object ({objectType} not named) may need: any object's scope of the
    // operation -> the calls. Never "unused": the object is only known when the app runs. The same for
    // a query call (GraphQL): the requested scopes its data may need (the API's data_scopes).
    struct Maybe {
      std::vector<std::string> calls;
      std::size_t generic = 0, query = 0;
      std::string api;  // the query API's name ("GraphQL")
    };
    std::map<std::string, Maybe> maybe;
    auto maybe_add = [&](const std::string& scope, std::size_t i, bool query) {
      Maybe& v = maybe[scope];
      std::string call = in.calls[i].method + " " + in.calls[i].path;
      if (std::find(v.calls.begin(), v.calls.end(), call) != v.calls.end()) return;
      v.calls.push_back(call);
      ++(query ? v.query : v.generic);
      if (query) v.api = table->apis[matches[i].op->api].name;
    };
    std::size_t unmatched = 0;
    std::vector<std::string> unmatched_calls;
    for (std::size_t i = 0; i < in.calls.size(); ++i) {
      bool ok = false;
      for (const auto& alt : matches[i].alternatives)
        if (std::includes(requested.begin(), requested.end(), alt.begin(), alt.end())) {
          ok = true;
          used.insert(alt.begin(), alt.end());
        }
      if (matches[i].op && matches[i].problem == "generic-object")
        for (int k : matches[i].op->alternatives)
          for (const auto& n : table->scope_sets[k]) maybe_add(canonical(n, *catalog), i, false);
      if (matches[i].op && table->apis[matches[i].op->api].query)
        for (const auto& n : requested)
          if (table->apis[matches[i].op->api].data_scope(n)) maybe_add(n, i, true);
      if (!matches[i].op && ++unmatched <= 3) unmatched_calls.push_back(call_name(in.calls[i]));
      if (!ok && !matches[i].alternatives.empty()) {
        // The scopes that would cover it, each with the standard tiers that can grant it.
        Uncovered u{i, {}};
        for (const auto& alt : matches[i].alternatives) u.tiers.push_back(installing_tiers(alt, catalog, options));
        uncovered.push_back(std::move(u));
      }
    }
    Evaluation ev = evaluate(app, *catalog, options);
    auto add_unused = [&](const std::vector<std::string>& names, const char* kind) {
      for (const auto& s : names) {
        if (used.count(s)) continue;
        if (auto it = maybe.find(s); it != maybe.end()) {
          const Maybe& v = it->second;
          auto count = [](std::size_t n, const std::string& what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };
          std::string by = v.generic ? count(v.generic, "call") + " on {objectType}" : "";
          if (v.query) by += (by.empty() ? "" : " and ") + count(v.query, v.api + " call");
          maybe_needed.push_back({s, kind, {}, v.calls, "may be needed by " + by});
          continue;
        }
        std::vector<std::string> locks;
        for (const auto& p : ev.profiles)
          if (std::any_of(p.missing.begin(), p.missing.end(), [&](std::uint32_t k) { return ev.names[k] == s; }))
            locks.push_back(p.id);
        unused.push_back({s, kind, std::move(locks), {}, ""});
      }
    };
    add_unused(app.required, "required");
    add_unused(app.conditional, "conditional");
    add_unused(app.optional, "optional");
    // Unmatched calls: their scopes are unknown, so any scope in unused may still be theirs.
    if (unmatched && !unused.empty()) {
      std::vector<std::string> names;
      for (const auto& u : unused) names.push_back(u.scope);
      bool one = unmatched == 1;
      diags.push_back(note("warning", "unused-uncertain",
                           std::to_string(unmatched) + (one ? " call matches" : " calls match") + " no known operation (" +
                               join(unmatched_calls, ", ") + (unmatched > 3 ? ", ..." : "") + "), so " +
                               (one ? "its" : "their") + " scopes are unknown: " + join(names, ", ") +
                               (names.size() == 1 ? " is" : " are") + " in unused on incomplete evidence; check " +
                               (one ? "that call" : "those calls") + " before removing any."));
    }
  }

  // The check report of the least-privilege set (every scope required).
  RawInput lp = from_lists(required, {});
  Request req = build_request(lp, *catalog);
  Evaluation ev = evaluate(req, *catalog, options);
  // Install everywhere: the tier-limited scopes optional; per tier, the calls that get a 403.
  // With no tier-limited scope that is the same request (everywhere_required == required): one evaluation.
  Evaluation ev_optional;
  if (!optional.empty()) ev_optional = evaluate(build_request(from_lists(everywhere_required, optional), *catalog), *catalog, options);
  const Evaluation& ev_all = optional.empty() ? ev : ev_optional;
  std::vector<Failing> failing;
  for (const auto& p : ev_all.profiles) {
    // Scopes the profile cannot grant (dropped or missing), then those whose availability the sources
    // leave open or disagree on there (unverified, disputed): a 403 is then possible, not certain ("uncertain": true).
    std::vector<std::string> lost = ev_all.names_of(p.dropped);
    std::vector<std::string> missing = ev_all.names_of(p.missing);
    lost.insert(lost.end(), missing.begin(), missing.end());
    std::vector<std::string> open = ev_all.names_of(p.unverified), disputed = ev_all.names_of(p.disputed);
    open.insert(open.end(), disputed.begin(), disputed.end());
    auto failing_with = [&](const std::vector<std::string>& names) {
      std::vector<std::string> list;
      for (std::size_t i = 0; i < in.calls.size(); ++i) {
        int chosen = cover.choice[i];
        if (chosen < 0) continue;
        const ScopeSet& alt = matches[i].alternatives[chosen];
        if (std::any_of(alt.begin(), alt.end(), [&](const std::string& s) { return std::find(names.begin(), names.end(), s) != names.end(); }))
          list.push_back(in.calls[i].method + " " + in.calls[i].path);
      }
      return list;
    };
    std::vector<std::string> list = failing_with(lost);
    bool uncertain = list.empty();
    if (uncertain) list = failing_with(open);
    if (!list.empty()) failing.push_back({&p.id, std::move(list), uncertain});
  }

  // The report, written in its order.
  JsonWriter w(4096 + 1024 * in.calls.size());
  w.begin_object();
  write_header(w, *catalog);
  w.key("operations").begin_object().field("source", table->source).field("commit", table->commit);
  w.field("operations", std::uint64_t(table->ops.size())).end_object();
  w.key("input").begin_object().field("format", in.format).field("calls", std::uint64_t(in.calls.size()));
  w.field("other_hosts", std::uint64_t(in.other_hosts)).key("config");
  if (with_config) w.begin_object().field("format", config.format).key("app_name").string_or_null(config.app_name).end_object();
  else w.null();
  w.end_object();
  w.key("calls").begin_array();
  for (std::size_t i = 0; i < in.calls.size(); ++i) {
    const Call& c = in.calls[i];
    const Match& m = matches[i];
    const int chosen = cover.choice[i];
    w.begin_object().field("line", std::uint64_t(c.line)).field("method", c.method).field("path", c.path);
    w.key("host").string_or_null(c.host).field("count", std::uint64_t(c.count)).field("match", m.how).key("operation");
    if (m.op) write_operation(w, *table, *m.op);
    else w.null();
    w.key("objects").strings(m.objects);
    write_sets(w.key("alternatives"), m.alternatives);
    w.key("chosen");
    if (chosen >= 0) w.strings(sorted_names(m.alternatives[chosen]));
    else w.null();
    w.key("all_tiers");
    if (chosen >= 0) w.value(all_tiers[i] != 0);
    else w.null();
    // Why a call has no scope: unmatched | generic-object | unknown-object | no-oauth-scope.
    w.key("problem").string_or_null(!m.op ? "unmatched" : !m.problem.empty() ? m.problem : m.alternatives.empty() ? "no-oauth-scope" : "");
    w.key("nearest").begin_array();
    for (const auto* op : m.nearest) write_operation(w, *table, *op);
    w.end_array().end_object();
  }
  w.end_array();
  w.key("least_privilege").begin_object();
  w.key("required").strings(required).key("optional").begin_array().end_array().field("search", cover.exact ? "exact" : "greedy");
  w.key("combinations").begin_object().field("all_calls", cover.installs).field("required", ev.combinations_install);
  w.field("total", total).end_object();
  w.key("install_everywhere").begin_object().key("required").strings(everywhere_required).key("optional").strings(optional);
  w.field("combinations", ev_all.combinations_install).field("profiles_install", ev_all.profiles_install);
  w.key("calls_failing").begin_array();
  for (const auto& f : failing)
    w.begin_object().field("profile", *f.profile).key("calls").strings(f.calls).field("uncertain", f.uncertain).end_object();
  w.end_array().end_object().end_object();
  // Against the app's config: an array of items, or null without a config.
  auto per_config = [&](const char* key, const auto& items, const auto& write_item) {
    w.key(key);
    if (!with_config) {
      w.null();
      return;
    }
    w.begin_array();
    for (const auto& item : items) write_item(item);
    w.end_array();
  };
  per_config("unused", unused, [&](const Unused& u) {
    w.begin_object().field("scope", u.scope).field("kind", u.kind).key("locks_out").strings(u.locks_out).end_object();
  });
  per_config("may_be_needed", maybe_needed, [&](const Unused& u) {
    w.begin_object().field("scope", u.scope).field("kind", u.kind).key("calls").strings(u.calls).field("message", u.message).end_object();
  });
  per_config("uncovered", uncovered, [&](const Uncovered& u) {
    const Call& c = in.calls[u.call];
    const auto& alts = matches[u.call].alternatives;
    w.begin_object().field("line", std::uint64_t(c.line)).field("method", c.method).field("path", c.path);
    write_sets(w.key("alternatives"), alts);
    w.key("covered_by").begin_array();
    for (std::size_t k = 0; k < alts.size(); ++k) {
      w.begin_object().key("scopes").strings(alts[k]).key("tiers").strings(u.tiers[k].installs);
      w.field("tiers_total", std::uint64_t(u.tiers[k].total)).end_object();
    }
    w.end_array().end_object();
  });
  write_diagnostics(w.key("diagnostics"), diags);
  return {catalog, w.end_object().take(), std::move(lp), std::move(req), std::move(ev)};
}
}  // namespace

std::string calls_text_from(CallsInput in, std::string_view config_text, const Options& options) {
  CallsReport r = calls_report(std::move(in), config_text, options);
  // The check report's text, written at the top level, goes in as the last member, one level deeper
  // (two spaces more after each line break: a JSON string holds no raw line break).
  std::string& text = r.text;
  const std::string report = report_text(r.lp, r.req, r.ev, options, *r.catalog, nullptr);
  text.resize(text.size() - 2);  // "\n}"
  text.reserve(text.size() + report.size() + report.size() / 8 + 32);
  text += ",\n  \"report\": ";
  for (std::size_t at = 0; at < report.size();) {
    std::size_t nl = report.find('\n', at);
    if (nl == std::string::npos) nl = report.size();
    text.append(report, at, nl - at);
    if (nl < report.size()) text += "\n  ";
    at = nl + 1;
  }
  text += "\n}";
  return std::move(text);
}

void forget_kept_counts() {
  install_counts().forget();
  kept_tiers().forget();
}

std::string calls_text(std::string_view calls_text, std::string_view config_text, const Options& options) {
  loaded_operations();
  return calls_text_from(read_calls(calls_text), config_text, options);
}

// The same document as a tree (the project scan adds to it): the text, read back.
ojson calls_json_from(CallsInput in, std::string_view config_text, const Options& options) {
  return json_document(calls_text_from(std::move(in), config_text, options));
}

ojson calls_json(std::string_view calls_text, std::string_view config_text, const Options& options) {
  loaded_operations();
  return calls_json_from(read_calls(calls_text), config_text, options);
}

}  // namespace tierscope
