#include "input/request.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "evaluate/evaluate.hpp"
#include "evaluate/suggest.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

int severity_rank(const std::string& s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

std::string kind_list(Kind k) {
  return k == Kind::Required ? "required" : k == Kind::Conditional ? "conditionally required" : "optional";
}

}  // namespace

std::string unknown_scope_message(const std::string& name, const NameAdvice& advice, const std::string& as_of) {
  std::string msg = quote_name(name);
  if (scope_grammar(name))
    msg += " is not in tierscope's catalog (as of " + as_of +
           "). The name is well formed: HubSpot may have added it since, so check HubSpot's scope docs; an "
           "unknown scope makes HubSpot refuse the install for every account.";
  else
    msg += " is not a HubSpot scope name (those are lowercase letters, digits, '.', '_' and '-'); HubSpot "
           "rejects it for every account.";
  if (!advice.fix.empty()) ((msg += " Did you mean ") += join(advice.fix, " and ")) += "?";
  else if (!advice.guesses.empty()) ((msg += " Perhaps ") += join(advice.guesses, " or ")) += "? (a guess)";
  if (!advice.why.empty()) (msg += " ") += advice.why;
  return msg;
}

bool scope_grammar(std::string_view name) {
  if (name.empty() || name.size() > 100 || name[0] < 'a' || name[0] > 'z') return false;
  char prev = 0;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || (c == '.' && prev != '.');
    if (!ok) return false;
    prev = c;
  }
  return prev != '.';
}

Request build_request(const RawInput& in, const Catalog& catalog) {
  Request req;
  req.comma_separated_url = in.comma_separated_url;
  req.static_auth = in.static_auth;
  auto& diags = req.diagnostics;
  for (const auto& n : in.notes) {
    bool ignored = n.code == "static-auth-optional" && !in.static_ignored.empty();  // the fix: remove them
    diags.push_back({n.severity, n.code, n.scope, n.message, ignored ? "remove" : "", ignored ? in.static_ignored : std::vector<std::string>{}});
  }
  if (in.comma_separated_url)
    diags.push_back({"error", "comma-separated", "",
                     "The URL separates scopes with commas; HubSpot expects spaces (%20 or +) and rejects the URL "
                     "for every account.",
                     "", {}});

  struct Given {
    Kind kind;          // the strongest kind given
    unsigned seen = 0;  // bit k: given as Kind(k)
    const Scope* scope = nullptr;  // its catalog entry (null: none)
  };
  // (std::string keys, not views: a map and a set of views were new template code in the wasm module.)
  std::map<std::string, Given> kind_of;  // canonical name -> how it was given
  std::set<std::string> reported;        // names whose name-level diagnostics were given
  std::vector<std::string> repeated;     // canonical name + kind digit, one per duplicate-scope diagnostic
  std::vector<std::size_t> repeat_at, repeats;  // its place in diags; how many times it is listed
  for (const auto& e : in.entries) {
    const std::string* canonical = &e.name;
    const Scope* scope = catalog.find(e.name);
    // A current scope's name has no name-level diagnostic, so it need not be remembered (the same name always
    // takes the same branch below).
    bool first_time = scope && !scope->retired() && !scope->deprecated ? true : reported.insert(e.name).second;
    if (!scope) {
      if (const std::string* target = catalog.alias_target(e.name)) {
        canonical = target;
        scope = catalog.find(*canonical);
        if (first_time)
          diags.push_back({"info", "alias", e.name,
                           quote_name(e.name) + " is another spelling of " + quote_name(*canonical) + "; evaluated as " +
                               quote_name(*canonical) + ".",
                           "replace", {*canonical}});
      }
    }
    if (!scope && std::find(in.placeholders.begin(), in.placeholders.end(), e.name) != in.placeholders.end()) {
      req.invalid.insert(e.name);  // placeholder-in-scope (from the reading) says why
    } else if (!scope) {
      const bool grammatical = scope_grammar(e.name);
      (grammatical ? req.unknown : req.invalid).insert(e.name);
      if (first_time) {
        auto known = catalog.name_index().advised(e.name);  // its message worded once, kept with its advice
        diags.push_back({"error", "unknown-scope", e.name, known->message, known->action, known->advice.fix});
      }
    } else if (scope->retired()) {
      req.invalid.insert(*canonical);
      if (first_time) {
        std::string msg = quote_name(*canonical) + " was retired by HubSpot on " + scope->retired_on +
                          "; HubSpot rejects it for every account.";
        if (!scope->replaced_by.empty()) msg += " Request the granular scopes you use instead: " + join(scope->replaced_by, ", ") + ".";
        diags.push_back({"error", "retired-scope", e.name, msg, scope->replaced_by.empty() ? "remove" : "replace",
                         scope->replaced_by});
      }
    } else if (scope->deprecated && first_time) {
      std::string msg = quote_name(*canonical) + " is deprecated: it is missing from HubSpot's current scope lists and "
                        "may be refused.";
      if (!scope->replaced_by.empty()) msg += " Consider " + join(scope->replaced_by, ", ") + " instead.";
      diags.push_back({"warning", "deprecated-scope", e.name, msg, scope->replaced_by.empty() ? "" : "replace",
                       scope->replaced_by});
    }
    auto [given, fresh] = kind_of.try_emplace(*canonical, Given{e.kind, 0, scope});
    const unsigned seen = given->second.seen, bit = 1u << int(e.kind);
    if (seen & bit) {  // one diagnostic per name and kind, with its count (filled in below)
      std::string key = *canonical + char('0' + int(e.kind));
      auto at = std::find(repeated.begin(), repeated.end(), key);
      if (at != repeated.end()) {
        ++repeats[std::size_t(at - repeated.begin())];
      } else {
        repeated.push_back(key);
        repeats.push_back(2);
        repeat_at.push_back(diags.size());
        diags.push_back({"info", "duplicate-scope", e.name, "", "remove", {e.name}});
      }
    } else if (seen && !(seen & (seen - 1))) {  // given as one other kind before
      Kind strongest = std::min(given->second.kind, e.kind);
      diags.push_back({"warning", "conflicting-kinds", *canonical,
                       quote_name(*canonical) + " is given as both " + kind_list(given->second.kind) + " and " +
                           kind_list(e.kind) + "; HubSpot takes each scope as one kind. Evaluated as " +
                           kind_list(strongest) + ".",
                       "", {}});
    }
    given->second.seen = seen | bit;
    if (!fresh) given->second.kind = std::min(given->second.kind, e.kind);
  }

  for (std::size_t k = 0; k < repeated.size(); ++k) {
    const std::string& key = repeated[k];
    diags[repeat_at[k]].message = concat({quote_name(key.substr(0, key.size() - 1)), " is listed ", std::to_string(repeats[k]),
                                          " times as ", kind_list(Kind(key.back() - '0')), "; counted once."});
  }

  if (kind_of.empty()) {
    diags.push_back({"warning", "empty-request", "", "No scopes found in the input.", "", {}});
  } else if (in.format != "private-app") {
    auto it = kind_of.find("oauth");
    if (it == kind_of.end()) {
      kind_of["oauth"] = Given{Kind::Required};
      diags.push_back({"info", "missing-oauth", "oauth",
                       "\"oauth\" was not in the request; HubSpot requires it of every app, so it was added as required.",
                       "add", {"oauth"}});
    } else if (it->second.kind != Kind::Required) {
      diags.push_back({"info", "missing-oauth", "oauth",
                       "\"oauth\" is always required; it was given as " + kind_list(it->second.kind) +
                           " and evaluated as required.",
                       "", {}});
      it->second.kind = Kind::Required;
    }
  }

  for (const auto& [name, given] : kind_of) {
    const Kind kind = given.kind;
    (kind == Kind::Required ? req.required : kind == Kind::Conditional ? req.conditional : req.optional).push_back(name);
    const Scope* s = given.scope ? given.scope : catalog.find(name);  // ("oauth" when it was added)
    if (!s || s->retired()) continue;
    if (s->requirement == Requirement::Undocumented) {
      std::string msg = "HubSpot documents no tier for " + quote_name(name) +
                        ": profiles that need it show as uncertain, and the configuration counts treat it as available.";
      std::vector<std::string> hints;  // evidence that does not decide (a beta spec file, a statement without a tier)
      for (const auto& e : s->details().evidence)
        if (e.grant.kind != Requirement::Undocumented) hints.push_back(e.source + ": " + requirement_text(e.grant, *catalog.model));
      if (!hints.empty()) msg += " Not deciding (see the catalog's evidence): " + join(hints, "; ") + ".";
      bool blocking = kind != Kind::Optional;
      if (blocking) msg += in.static_auth ? " Removing it (or switching to OAuth with it optional) removes the risk." : " Making it optional removes the risk.";
      diags.push_back({"warning", "undocumented-availability", name, msg, !blocking ? "" : in.static_auth ? "remove" : "make-optional",
                       blocking ? std::vector<std::string>{name} : std::vector<std::string>{}});
    } else if (s->confidence == "secondary") {
      diags.push_back({"info", "secondary-source", name,
                       "The tier of " + quote_name(name) + " (" + s->tier_text +
                           ") comes from a secondary source: HubSpot's own docs and API spec state none.",
                       "", {}});
    }
  }
  // Errors, then warnings, then info, each in the order found (a stable sort: std::stable_sort of
  // Diagnostic objects cost the wasm module ~3 KB); mostly in order already: then nothing moves.
  auto by_severity = [](const Diagnostic& a, const Diagnostic& b) { return severity_rank(a.severity) < severity_rank(b.severity); };
  if (!std::is_sorted(diags.begin(), diags.end(), by_severity)) {
    std::vector<int> rank;
    for (const auto& d : diags) rank.push_back(severity_rank(d.severity));
    std::vector<Diagnostic> sorted;
    sorted.reserve(diags.size());
    for (int r = 0; r < 3; ++r)
      for (std::size_t i = 0; i < diags.size(); ++i)
        if (rank[i] == r) sorted.push_back(std::move(diags[i]));
    diags = std::move(sorted);
  }
  return req;
}

}  // namespace tierscope
