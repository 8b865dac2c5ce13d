#include "explain/explain.hpp"

#include <algorithm>

#include "input/request.hpp"
#include "text.hpp"

namespace tierscope::detail {
extern const char kErrorsJson[];
extern const std::size_t kErrorsJsonSize;
}  // namespace tierscope::detail

namespace tierscope {

const ojson& wordings_table() {
  static const ojson table = json_document({detail::kErrorsJson, detail::kErrorsJsonSize});
  return table;
}

namespace {
using Names = std::vector<std::string>;

bool has(const Names& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }
void add_unique(Names& v, const std::string& s) {
  if (!has(v, s)) v.push_back(s);
}

// The text as the wordings are matched against it: escapes of reprs and JSON strings undone (any
// depth: every backslash goes, \n \r \t become spaces), quotes straightened, whitespace collapsed,
// ASCII and Latin-1 letters lowercased.
std::string flatten(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  bool space = false;
  auto put = [&](char c) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\\') {
      while (i < t.size() && t[i] == '\\') ++i;
      if (i == t.size()) break;
      char n = t[i];
      if (n == 'n' || n == 'r' || n == 't') { space = true; continue; }
      if (n == 'u' && i + 4 < t.size() && (t.substr(i + 1, 4) == "0022" || t.substr(i + 1, 4) == "0027")) {
        put(t[i + 4] == '2' ? '"' : '\'');
        i += 4;
        continue;
      }
      --i;  // read the character after the backslashes as it is
      continue;
    }
    if (c <= ' ') { space = true; continue; }
    if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xA0) { ++i; space = true; continue; }
    if (c == 0xE3 && t.substr(i, 3) == "\xE3\x80\x80") { i += 2; space = true; continue; }  // ideographic space
    if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(t[i + 2]);
      if (d == 0x98 || d == 0x99) { put('\''); i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { put('"'); i += 2; continue; }
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    if (c == 0xC3 && i + 1 < t.size()) {  // Latin-1 capitals (except the multiplication sign) to lower case
      unsigned char d = static_cast<unsigned char>(t[i + 1]);
      put(char(c));
      out += char(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
      continue;
    }
    put(char(c));
  }
  return out;
}

// Brackets nested deeper than JSON input may be: a clear error instead of work on hostile input.
void check_nesting(std::string_view t) {
  int depth = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '{' || c == '[' || c == '(') {
      if (++depth > kMaxJsonDepth) {
        auto [line, col] = line_column(t, i);
        throw InputError("parse-error", "the error text: brackets nested deeper than " + std::to_string(kMaxJsonDepth) +
                                            " levels at line " + std::to_string(line) + ", column " + std::to_string(col));
      }
    } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
      --depth;
    }
  }
}

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '/';
}

// The names in a bracketed list that starts within a few characters after `at` (quotes, colons,
// `=>` and spaces may come first): ["a", 'b'], [a, b], (u'a',). Empty when no list follows.
// far: the list may come later in the same sentence (translations put the verb between).
Names list_after(const std::string& flat, std::size_t at, bool far = false) {
  Names out;
  std::size_t i = at;
  if (far) {
    auto end = std::min(flat.find_first_of(".[", at), flat.find("\xE3\x80\x82", at));  // 。ends a Japanese sentence
    if (end != std::string::npos && end < at + 120 && flat[end] == '[') i = end;
  }
  while (i < flat.size() && i < at + 8 && std::string_view(" \"':=>").find(flat[i]) != std::string_view::npos) ++i;
  if (i >= flat.size() || (flat[i] != '[' && flat[i] != '(')) return out;
  char close = flat[i] == '[' ? ']' : ')';
  std::size_t end = flat.find(close, i);
  if (end == std::string::npos) end = flat.size();
  std::string token;
  for (std::size_t k = i + 1; k <= end; ++k) {
    char c = k < end ? flat[k] : ' ';
    if (name_char(c)) { token += c; continue; }
    while (!token.empty() && (token.back() == '.' || token.back() == '-')) token.pop_back();
    if (token.size() >= 2 && token.size() <= kMaxScopeName && out.size() < kMaxScopes &&
        std::any_of(token.begin(), token.end(), [](char x) { return x >= 'a' && x <= 'z'; }))
      add_unique(out, token);
    token.clear();
  }
  return out;
}

// What the text was recognised as.
struct Reading {
  std::string format = "text", language, cause, match, era, unsupported_language;
  Names scopes, objects;
  bool headline = false;
  const ojson* token = nullptr;  // token info
};

std::string lang_name(const std::string& code) {
  for (const auto& group : {"languages", "unsupported_languages"})
    for (const auto& l : wordings_table()[group])
      if (l["code"] == code) return l["name"].get<std::string>();
  return code;
}

// The wordings in `flat`: the first found (data order) decides the cause; any/all and the lists
// that follow a wording are read from every one found.
void read_wordings(const std::string& flat, Reading& r) {
  const ojson& table = wordings_table();
  for (const auto& w : table["wordings"]) {
    for (const auto& f : w["find"]) {
      auto pos = flat.find(f.get_ref<const std::string&>());
      if (pos == std::string::npos) continue;
      std::size_t after = pos + f.get_ref<const std::string&>().size();
      if (r.cause.empty() || (r.cause == "missing-scopes" && w["cause"] == "missing-scopes" && r.match.empty())) {
        r.cause = w["cause"].get<std::string>();
        r.language = w["language"].get<std::string>();
        r.era = w["era"].get<std::string>();
        if (w.contains("tool")) r.format = "hs-cli";
      }
      if (w.contains("match") && r.match.empty()) r.match = w["match"].get<std::string>();
      if (w.contains("scopes_follow") || w.contains("match"))
        for (auto& n : list_after(flat, after, w.contains("scopes_follow"))) add_unique(r.scopes, n);
      if (w.contains("objects_follow"))
        for (auto& n : list_after(flat, after)) add_unique(r.objects, n);
      break;
    }
  }
  for (const char* key : {"requiredgranularscopes", "requiredscopes", "missingscopes"})
    for (auto pos = flat.find(key); pos != std::string::npos; pos = flat.find(key, pos + 1)) {
      for (auto& n : list_after(flat, pos + std::string_view(key).size())) add_unique(r.scopes, n);
      if (r.cause.empty()) r.cause = "missing-scopes", r.language = "en";
    }
  if (r.language.empty())
    for (const auto& l : table["languages"])
      for (const auto& h : l["headline"])
        if (flat.find(h.get_ref<const std::string&>()) != std::string::npos) {
          r.language = l["code"].get<std::string>();
          r.headline = true;
        }
  if (!r.language.empty() || !r.cause.empty()) return;
  // Not recognised: name the language when it can be told, so the message says which one.
  auto contains_range = [&](unsigned char lead_lo, unsigned char lead_hi) {
    return std::any_of(flat.begin(), flat.end(), [&](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= lead_lo && u <= lead_hi;
    });
  };
  for (const auto& l : table["unsupported_languages"]) {
    bool seen = false;
    if (l.contains("words"))
      for (const auto& w : l["words"]) seen = seen || flat.find(w.get_ref<const std::string&>()) != std::string::npos;
    if (l.value("script", "") == "han") seen = contains_range(0xE4, 0xE9) && flat.find("\xE3\x81") == std::string::npos &&
                                                flat.find("\xE3\x82") == std::string::npos;
    if (l.value("script", "") == "hangul") seen = contains_range(0xEA, 0xED);
    if (l.value("script", "") == "cyrillic") seen = contains_range(0xD0, 0xD1);
    if (seen) {
      r.unsupported_language = l["code"].get<std::string>();
      return;
    }
  }
}

// error=...&error_description=... of a redirect (anywhere in the text, after ? & or #).
bool read_redirect(std::string_view text, Reading& r, std::string& code, std::string& description) {
  std::size_t pos = 0;
  for (;; ++pos) {
    pos = text.find("error=", pos);
    if (pos == std::string_view::npos) return false;
    if (pos > 0 && (text[pos - 1] == '?' || text[pos - 1] == '&' || text[pos - 1] == '#')) break;
  }
  std::size_t end = text.find_first_of(" \t\r\n\"'<>", pos);
  std::string_view query = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    auto eq = pair.find('=');
    std::string key(pair.substr(0, eq)), value = eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1), true);
    if (key == "error") code = value;
    if (key == "error_description") description = value;
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  if (auto bad = invalid_utf8_at(description)) description.resize(*bad);
  r.format = "redirect-query";
  return true;
}

// The JSON document of the text, or of an HTTP response's body; null when there is none.
ojson json_of(std::string_view text, Reading& r) {
  std::string t = trim(text);
  if (t.rfind("HTTP/", 0) == 0 || t.rfind("< HTTP/", 0) == 0) {
    r.format = "api-http";
    auto body = t.find("\n\n");
    auto crlf = t.find("\r\n\r\n");
    if (crlf != std::string::npos && (body == std::string::npos || crlf < body)) body = crlf;
    if (body == std::string::npos) return nullptr;
    t = trim(std::string_view(t).substr(body));
  } else if (!t.empty() && t[0] == '{') {
    r.format = "api-repr";  // until it parses as JSON
  } else {
    if (t.find('{') != std::string::npos) r.format = "api-log";
    return nullptr;
  }
  if (t.empty() || t[0] != '{') return nullptr;
  try {
    ojson doc = parse_json(t, "the error text");
    if (r.format == "api-repr") r.format = "api-json";
    return doc;
  } catch (const InputError&) {
    return nullptr;  // a repr, or JSON cut short: read as text
  }
}

// An app config (app-hsmeta.json: config.auth; public-app.json: auth), not something HubSpot said.
bool is_app_config(const ojson& doc) {
  return doc.is_object() && ((doc.contains("auth") && doc["auth"].is_object()) ||
                             (doc.contains("config") && doc["config"].is_object() && doc["config"].contains("auth")));
}

bool is_token_info(const ojson& doc) {
  if (!doc.is_object() || !doc.contains("scopes") || !doc["scopes"].is_array()) return false;
  for (const char* k : {"token", "hub_id", "app_id", "user_id", "token_type", "hub_domain", "active", "client_id", "expires_in"})
    if (doc.contains(k)) return true;
  return false;
}

// --- what the catalog says ---

struct Context {
  const Catalog& catalog;
  const Options& options;
};

std::string canonical(const Catalog& c, const std::string& name) {
  if (c.find(name)) return name;
  if (auto t = c.alias_target(name)) return *t;
  return name;
}

// Per name: the standard tiers (profile names) that lack it.
std::vector<std::pair<std::string, Names>> lacking(const Context& cx, const Names& names) {
  std::vector<std::pair<std::string, Names>> out;
  Names known;
  for (const auto& n : names)
    if (const Scope* s = cx.catalog.find(n); s && !s->retired()) known.push_back(n);
  if (known.empty()) return out;
  Request req = build_request(from_lists(known, {}), cx.catalog);
  Evaluation ev = evaluate(req, cx.catalog, Options{});
  for (const auto& n : known) {
    Names tiers;
    for (const auto& p : ev.profiles)
      if (has(ev.names_of(p.missing), n)) tiers.push_back(p.name);
    out.emplace_back(n, tiers);
  }
  return out;
}

const Names* lacking_of(const std::vector<std::pair<std::string, Names>>& l, const std::string& n) {
  for (const auto& [name, tiers] : l)
    if (name == n) return &tiers;
  return nullptr;
}

std::string tier_words(const Names& tiers, std::size_t total) {
  return std::to_string(tiers.size()) + " of " + std::to_string(total) + " standard tiers (" + join(tiers, ", ") + ")";
}

struct Fix {
  std::string action;
  Names scopes;
  std::string why;
};

// One sentence per named scope, and the fix each one calls for (add = the error says it is needed).
void scope_facts(const Context& cx, const Names& names, bool add, const std::string& match, std::vector<std::string>& says,
                 std::vector<Fix>& fixes) {
  auto lack = lacking(cx, names);
  std::size_t total = cx.catalog.model->profiles.size();
  std::string best;  // match any: the alternative most tiers have
  std::size_t best_lacking = total + 1;
  for (const auto& n : names) {
    const Scope* s = cx.catalog.find(n);
    if (!s) {
      says.push_back(quote_name(n) + " is not a scope in tierscope's catalog (as of " + cx.catalog.as_of + ").");
      continue;
    }
    if (s->retired()) {
      std::string msg = quote_name(n) + " is retired (HubSpot retired it on " + s->retired_on + ")";
      msg += s->replaced_by.empty() ? "." : "; it is replaced by " + join(s->replaced_by, ", ") + ": request the one the call needs, not " + quote_name(n) + ".";
      says.push_back(msg);
      fixes.push_back({"replace", {n}, "a retired scope is refused for every account; its replacements are " +
                                           (s->replaced_by.empty() ? std::string("none") : join(s->replaced_by, ", "))});
      continue;
    }
    const Names& tiers = *lacking_of(lack, n);
    std::string msg = n + " is available on " + requirement_text(s->strict, *cx.catalog.model);
    msg += tiers.empty() ? "; every standard tier has it." : "; required, it locks out " + tier_words(tiers, total) + ".";
    says.push_back(msg);
    if (tiers.size() < best_lacking) best = n, best_lacking = tiers.size();
    if (add && match != "any")
      fixes.push_back(tiers.empty() ? Fix{"add", {n}, "every standard tier has it, so requiring it locks nobody out"}
                                    : Fix{"add-optional", {n}, "required, it would lock out " + tier_words(tiers, total) +
                                                                   "; as optional those accounts still install: handle the missing access in the app"});
  }
  if (add && match == "any" && !best.empty()) {
    const Names& tiers = *lacking_of(lack, best);
    fixes.push_back({tiers.empty() ? "add" : "add-optional", {best},
                     "any one of the listed scopes is enough; " + best +
                         (tiers.empty() ? " is on every standard tier" : " locks out the fewest tiers (" + std::to_string(tiers.size()) + ")")});
  }
}

ojson fixes_json(const std::vector<Fix>& fixes) {
  ojson arr = ojson::array();
  for (const auto& f : fixes) arr.push_back({{"action", f.action}, {"scopes", f.scopes}, {"why", f.why}});
  return arr;
}

// The fixes applied to the config's request: make-optional, add, add-optional, replace/remove (drop the name).
void apply(RawInput& in, const std::vector<Fix>& fixes, const Catalog& catalog) {
  for (const auto& f : fixes)
    for (const auto& n : f.scopes) {
      auto same = [&](const Entry& e) { return canonical(catalog, e.name) == n; };
      bool present = std::any_of(in.entries.begin(), in.entries.end(), same);
      if (f.action == "make-optional") {
        for (auto& e : in.entries)
          if (same(e) && e.kind == Kind::Required) e.kind = Kind::Optional;
      } else if ((f.action == "add" || f.action == "add-optional") && !present) {
        in.entries.push_back({n, f.action == "add" ? Kind::Required : Kind::Optional});
      } else if (f.action == "replace" || f.action == "remove") {
        in.entries.erase(std::remove_if(in.entries.begin(), in.entries.end(), same), in.entries.end());
      }
    }
}

ojson grant_json(const Context& cx, const ojson& token, const RawInput* config, std::string& cause, std::vector<std::string>& says,
                 std::vector<Fix>& fixes) {
  Names granted;
  for (const auto& s : token["scopes"])
    if (s.is_string() && granted.size() < kMaxScopes) add_unique(granted, canonical(cx.catalog, trim(s.get<std::string>())));
  ojson g = {{"granted", granted}, {"missing_required", nullptr}, {"dropped_optional", nullptr}, {"extra", nullptr},
             {"reauthorize", nullptr}, {"why", "No app config was given to compare the token with."}};
  says.push_back("The token was granted " + std::to_string(granted.size()) + " scopes.");
  if (!config) return g;
  Request req = build_request(*config, cx.catalog);
  Names missing, dropped, extra;
  for (const auto& n : req.required)
    if (!has(granted, n)) missing.push_back(n);
  for (const auto* list : {&req.conditional, &req.optional})
    for (const auto& n : *list)
      if (!has(granted, n)) dropped.push_back(n);
  for (const auto& n : granted)
    if (!has(req.required, n) && !has(req.conditional, n) && !has(req.optional, n)) extra.push_back(n);
  std::string why;
  if (!missing.empty())
    why = "The token lacks required scopes of the config (" + join(missing, ", ") +
          "): it was granted before they were added; the app must be re-authorized (installed again) to get them. ";
  if (!dropped.empty())
    why += "Optional scopes not granted (" + join(dropped, ", ") + ") are what HubSpot drops when the account's tier lacks them: expected, handle the missing access. ";
  if (!extra.empty())
    why += "The token carries scopes the config no longer asks for (" + join(extra, ", ") + "): granted by an older version of the config. ";
  if (why.empty()) why = "The token has every scope the config asks for. ";
  why.pop_back();
  g["missing_required"] = missing;
  g["dropped_optional"] = dropped;
  g["extra"] = extra;
  g["reauthorize"] = !missing.empty();
  g["why"] = why;
  if (!missing.empty() || !extra.empty()) cause = "grant-drift";
  if (!missing.empty())
    fixes.push_back({"reauthorize", missing, "a token keeps the scopes of its install: send the account through the install URL again"});
  says.push_back(why);
  return g;
}

}  // namespace

ojson explain_json(std::string_view text, std::string_view config_text, const Options& options) {
  check_text(text, "the error text");
  if (trim(text).empty()) throw InputError("parse-error", "the error text is empty: paste HubSpot's error page, a 403 body or a token's info");
  check_nesting(text);
  auto catalog = current_catalog();
  Context cx{*catalog, options};
  std::optional<RawInput> config;
  if (!config_text.empty()) {
    try {
      config = read_input(config_text);
    } catch (const InputError& e) {
      throw InputError(e.code, std::string("the app config: ") + e.what());
    }
  }

  Reading r;
  std::vector<Diagnostic> diags;
  std::vector<std::string> says;
  std::vector<Fix> fixes;
  std::string code, description;
  ojson doc = json_of(text, r);
  const bool app_config = is_app_config(doc);  // its requiredScopes are no 403's context: no cause read from it
  ojson grant;
  if (is_token_info(doc)) {
    r.format = "token-info";
    grant = grant_json(cx, doc, config ? &*config : nullptr, r.cause, says, fixes);
  } else if (read_redirect(text, r, code, description)) {
    read_wordings(flatten(description), r);
    if (r.cause.empty() && wordings_table()["redirect_codes"].contains(code)) r.cause = wordings_table()["redirect_codes"][code].get<std::string>();
    if (r.cause.empty())
      says.push_back("HubSpot sent the install back with error=" + quote_name(code) + (description.empty() ? "" : " (" + quote_name(description) + ")") + ".");
  } else if (!app_config) {
    read_wordings(flatten(text), r);
    if (r.format == "text" && (!r.language.empty() && r.cause != "missing-scopes" && r.cause != "not-public-api" && r.cause != "account-feature"))
      r.format = "install-page";
  }
  if (r.format == "token-info") {
  } else if (app_config) {
    diags.push_back({"warning", "error-not-recognised", "",
                     "This is an app config, not an error text: give HubSpot's error (its install page, a 403 body, an hs message) first, "
                     "then the app config.", "", {}});
  } else if (r.cause.empty() && !r.unsupported_language.empty()) {
    diags.push_back({"warning", "language-not-recognised", "",
                     "The text seems to be in " + lang_name(r.unsupported_language) +
                         ", a language whose HubSpot error wordings tierscope does not know; paste the English text (HubSpot's language setting) instead.", "", {}});
  } else if (r.cause.empty()) {
    diags.push_back({"warning", "error-not-recognised", "",
                     r.headline ? "HubSpot's install page (" + lang_name(r.language) + ") is recognised but not the reason it gives; paste the whole message or the English text."
                                : "No HubSpot error wording tierscope knows was found in the text.", "", {}});
  }
  for (const auto& o : r.objects) {  // hs: object types -> their read scopes
    std::string name = "crm.objects." + o + ".read";
    if (!catalog->find(name) && catalog->find("crm.objects." + o + "s.read")) name = "crm.objects." + o + "s.read";
    if (!catalog->find(name)) name = "crm.objects.custom.read";
    add_unique(r.scopes, name);
  }
  Names scopes;
  for (const auto& n : r.scopes) add_unique(scopes, canonical(*catalog, n));
  const std::string& cause = r.cause;

  // Per cause: what it means, and the fix.
  if (cause == "tier-lacks-scope") {
    if (scopes.empty() && config) {  // the older wording names no scope: the config's scopes that lock tiers out
      Request req = build_request(*config, *catalog);
      Evaluation ev = evaluate(req, *catalog, options);
      for (const auto& p : ev.profiles)
        for (const auto& n : ev.names_of(p.missing)) add_unique(scopes, n);
      std::sort(scopes.begin(), scopes.end());
    }
    says.insert(says.begin(), scopes.empty() ? "The account's tier lacks a scope the app requires; this wording does not say which. Give the app config to see which required scopes lock which tiers out."
                                             : "The account's tier lacks a scope the app requires: " + join(scopes, ", ") + ".");
    scope_facts(cx, scopes, false, "", says, fixes);
    for (const auto& n : scopes)
      if (const Scope* s = catalog->find(n); s && !s->retired())
        fixes.push_back({"make-optional", {n}, "accounts without it then install without it; the app must handle the missing access"});
  } else if (cause == "missing-scopes" || cause == "missing-object-read-scope") {
    says.insert(says.begin(), cause == "missing-object-read-scope"
                                  ? "The app's config lacks the read scope of an object type it shows (app cards need crm.objects.<object>.read)."
                              : scopes.empty() ? "The token lacks a scope this call needs; the text names none."
                              : r.match == "any"  ? "The token lacks a scope this call needs: any one of " + join(scopes, ", ") + "."
                              : r.match == "all" ? "The token lacks scopes this call needs: all of " + join(scopes, ", ") + "."
                                                 : "The token lacks a scope this call needs: " + join(scopes, ", ") + ".");
    scope_facts(cx, scopes, true, r.match, says, fixes);
    if (!scopes.empty() && cause == "missing-scopes")
      fixes.push_back({"reauthorize", {}, "a token keeps the scopes of its install: after the config changes, installed accounts must authorize again"});
  } else if (cause == "url-insufficient-scopes" || cause == "url-scope-mismatch") {
    says.insert(says.begin(), cause == "url-insufficient-scopes"
                                  ? "The install URL's scope parameter lacks a scope the app's config requires (or puts it in optional_scope); the account's tier is not the problem."
                                  : "The install URL's scopes and the config's disagree: a scope the config does not have, a required scope sent as optional or the reverse, or oauth left out.");
    Names req_scopes;
    if (config) req_scopes = build_request(*config, *catalog).required;
    fixes.push_back({"fix-url", req_scopes, "the URL's scope must list exactly the config's required scopes (with oauth), optional_scope exactly its optional ones; tierscope url builds it"});
  } else if (cause == "invalid-scope") {
    says.insert(says.begin(), "The install URL names a scope HubSpot does not know (a typo, a retired name or a placeholder).");
    if (config) {
      Request req = build_request(*config, *catalog);
      for (const auto& n : req.invalid) {
        add_unique(scopes, n);
        const Scope* s = catalog->find(n);
        Names to;
        for (const auto& d : req.diagnostics)
          if (d.scope == n && !d.scopes.empty()) to = d.scopes;
        fixes.push_back({s && s->retired() ? "replace" : "remove", {n}, to.empty() ? "HubSpot refuses it for every account" : "did you mean " + join(to, ", ") + "?"});
      }
      if (req.invalid.empty()) says.push_back("Every name in the config is known: check the URL's own scope values against the config.");
    } else {
      fixes.push_back({"check-names", {}, "run the install URL through tierscope check: it names the unknown scope"});
    }
  } else if (cause == "app-not-permitted") {
    says.insert(says.begin(), "HubSpot does not let this app request this set of scopes (for example sensitive scopes the app was not approved for, or scopes its distribution does not allow).");
    if (config)
      for (const auto& e : config->entries)
        if (const Scope* s = catalog->find(canonical(*catalog, e.name)); s && s->sensitive) add_unique(scopes, s->name);
    fixes.push_back({"review-scopes", scopes, scopes.empty() ? "ask HubSpot which scopes the app may request" : "these sensitive scopes need HubSpot's approval for the app"});
  } else if (cause == "invalid-client-id") {
    says.insert(says.begin(), "The install URL's client_id is not an app HubSpot knows: not a scope problem.");
    fixes.push_back({"fix-client-id", {}, "use the client ID of the app (its Auth settings), of the same account (test vs production)"});
  } else if (cause == "installing-user-permissions") {
    says.insert(says.begin(), "The user installing lacks the permissions to install apps (App Marketplace access and the like); the account's tier and the scopes are not the problem.");
    fixes.push_back({"ask-admin", {}, "a super admin, or a user with the permissions HubSpot lists, installs the app"});
  } else if (cause == "not-public-api") {
    says.insert(says.begin(), "This endpoint is not a public HubSpot API: no scope grants it.");
    fixes.push_back({"not-a-scope-problem", {}, "use a public API for the task; adding scopes will not help"});
  } else if (cause == "account-feature") {
    says.insert(says.begin(), "The account lacks a HubSpot feature (a product tier or add-on) the call needs: not a scope the app can request.");
    fixes.push_back({"not-a-scope-problem", {}, "the account needs the feature; adding scopes will not help"});
  }

  ojson out;
  out["schema_version"] = kSchemaVersion;
  out["input"] = {{"format", r.format}, {"language", r.language.empty() ? (r.unsupported_language.empty() ? ojson(nullptr) : ojson(r.unsupported_language)) : ojson(r.language)}};
  out["cause"] = r.format == "token-info" && cause.empty() ? ojson(nullptr) : ojson(cause.empty() ? "unknown" : cause);
  out["scopes"] = scopes;
  out["match"] = r.match.empty() ? ojson(nullptr) : ojson(r.match);
  out["explanation"] = join(says, " ");
  out["fix"] = fixes_json(fixes);
  if (config) {
    RawInput fixed = *config;
    if (r.format != "token-info") apply(fixed, fixes, *catalog);
    Request req = build_request(fixed, *catalog);
    Evaluation ev = evaluate(req, *catalog, options);
    // The report as check writes it (report_json's tree builder is not in the main wasm module).
    out["report"] = json_document(report_text(fixed, req, ev, options, *catalog, nullptr));
  }
  if (r.format == "token-info") out["grant"] = grant;
  out["diagnostics"] = diagnostics_json(diags);
  return out;
}

}  // namespace tierscope
