#include "input/input.hpp"

#include <algorithm>

#include "input/paste.hpp"
#include "input/placeholder.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;  // one nlohmann type in the core: smaller wasm

[[noreturn]] void parse_error(const std::string& message) { throw InputError("parse-error", message); }

std::string where(std::string_view text, std::size_t offset) {
  auto [line, col] = line_column(text, offset);
  return "line " + std::to_string(line) + ", column " + std::to_string(col);
}

// nlohmann's message without its "[json.exception.x.N] " prefix.
std::string json_reason(const std::exception& e) {
  std::string msg = e.what();
  auto close = msg.find("] ");
  return msg.rfind("[json.exception.", 0) == 0 && close != std::string::npos ? msg.substr(close + 2) : msg;
}

// Where the first number too large for a double is (nlohmann's out_of_range 406 has no position):
// the first number whose decimal magnitude (integer digits + exponent) reaches 309.
std::string number_overflow_where(std::string_view text) {
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t j = i + (c == '-'), start = i;
      long magnitude = 0;
      bool leading = true;
      for (; j < text.size() && text[j] >= '0' && text[j] <= '9'; ++j)
        if (!(leading && text[j] == '0')) { leading = false; ++magnitude; }
      if (j < text.size() && text[j] == '.')
        for (++j; j < text.size() && text[j] >= '0' && text[j] <= '9'; ++j)
          if (leading) { if (text[j] == '0') --magnitude; else leading = false; }
      if (j < text.size() && (text[j] == 'e' || text[j] == 'E')) {
        bool negative = ++j < text.size() && text[j] == '-';
        if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
        long exponent = 0;
        for (; j < text.size() && text[j] >= '0' && text[j] <= '9'; ++j) exponent = std::min(exponent * 10 + (text[j] - '0'), 100000L);
        magnitude += negative ? -exponent : exponent;
      }
      if (!leading && magnitude >= 309)
        return "the number " + quote_name(text.substr(start, j - start)) + " at " + where(text, start);
      i = j > i ? j - 1 : i;
    }
  }
  return "a number out of range";
}

void add_entry(RawInput& in, std::string name, Kind kind, std::string_view origin) {
  if (std::string_view t = trimmed(name); t.size() != name.size()) name = std::string(t);  // most names: no copy
  if (name.empty()) return;
  if (name.size() > kMaxScopeName)
    parse_error(std::string(origin) + ": a scope name of " + std::to_string(name.size()) + " characters (the limit is " +
                std::to_string(kMaxScopeName) + "): " + quote_name(name));
  if (in.entries.size() >= kMaxScopes)
    throw InputError("input-too-large", "more than " + std::to_string(kMaxScopes) + " scopes in the input");
  in.entries.push_back({std::move(name), kind});
}

void add_list(RawInput& in, std::string_view list, Kind kind, const std::string& origin) {
  for (auto& name : split_list(list)) add_entry(in, std::move(name), kind, origin);
}

// A placeholder where scope names belong: kept as a name HubSpot would reject, with an error naming it.
void add_placeholder(RawInput& in, const std::string& text, Kind kind, const std::string& key, const std::string& origin) {
  std::string name = trim(text);
  add_entry(in, name, kind, origin);
  if (std::find(in.placeholders.begin(), in.placeholders.end(), name) != in.placeholders.end()) return;
  in.placeholders.push_back(name);
  in.notes.push_back({"error", "placeholder-in-scope", name,
                      concat({"The URL's ", key, " parameter holds the placeholder ", quote_name(name),
                              ", not scope names; as written, HubSpot rejects the URL for every account."})});
}

void add_json_list(RawInput& in, const json& doc, const char* key, Kind kind, const std::string& path) {
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return;
  std::string origin = path + key;
  if (it->is_string()) return add_list(in, it->get<std::string>(), kind, origin);
  if (!it->is_array()) parse_error(origin + " must be an array of scope names, not " + std::string(it->type_name()));
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (!v.is_string())
      parse_error(origin + "[" + std::to_string(i) + "] must be a scope name (a string), not " + std::string(v.type_name()));
    add_entry(in, v.get<std::string>(), kind, origin + "[" + std::to_string(i) + "]");
  }
}

std::string first_redirect(const json& auth) {
  auto it = auth.find("redirectUrls");
  if (it != auth.end() && it->is_array() && !it->empty() && (*it)[0].is_string()) return (*it)[0].get<std::string>();
  return "";
}

std::string name_of(const json& o) {
  auto it = o.find("name");
  return it != o.end() && it->is_string() ? trim(it->get<std::string>()) : "";
}

// Two places for the same thing (scopes and requiredScopes, config.auth and auth): the one read is said.
bool present(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && !it->is_null();
}

void conflict(RawInput& in, const char* read, const char* ignored) {
  in.notes.push_back({"warning", "conflicting-keys", "",
                      concat({"This config has both ", read, " and ", ignored, ": tierscope read ", read, " and ignored ", ignored,
                              " (scopes only there are not evaluated). Keep one of them."})});
}

Note single_account() {
  return {"info", "single-account-app", "",
          "A private or static-auth app is installed in one HubSpot account only: the tier matrix says which accounts "
          "it could be installed in, not who can install it."};
}

// A key named like a scope list: scope, scopes, requiredScopes, oauth_scopes, SCOPES (case aside).
bool scope_key(const std::string& key) {
  std::string k = ascii_lower(key);
  return k.size() >= 5 && (k.compare(k.size() - 5, 5, "scope") == 0 || (k.size() >= 6 && k.compare(k.size() - 6, 6, "scopes") == 0));
}

// Every scope list (a string or an array of strings under a scope key) in a JSON document, by path.
struct Found {
  std::vector<std::string> paths;
  std::vector<const json*> lists;
};
void find_scope_lists(const json& node, const std::string& path, Found& found) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      std::string at = path.empty() ? key : path + "." + key;
      bool strings = value.is_string() || (value.is_array() && std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); }));
      if (scope_key(key) && strings) found.paths.push_back(at), found.lists.push_back(&value);
      else find_scope_lists(value, at, found);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) find_scope_lists(node[i], path + "[" + std::to_string(i) + "]", found);
  }
}

// Any other JSON: a connector manifest (Power Platform apiProperties.json:
// properties.connectionParameters.*.oAuthSettings.scopes) or a document with one scope list.
RawInput read_scope_list_json(const json& doc) {
  Found found;
  find_scope_lists(doc, "", found);
  const auto& paths = found.paths;
  if (paths.size() != 1)
    parse_error(paths.empty() ? "this JSON is not an app config tierscope knows and has no scope list: expected config.auth "
                                "(app-hsmeta.json), auth (public-app.json), scopes (private app.json), or one key named "
                                "like scopes"
                              : "this JSON has " + std::to_string(paths.size()) + " scope lists (" +
                                    escape_controls(join(paths, ", ")) + "); paste the one to check");
  RawInput in;
  in.json_path = paths[0];
  in.format = in.json_path.rfind("properties.connectionParameters.", 0) == 0 ? "connector" : "json-scopes";
  std::string key = in.json_path.substr(in.json_path.find_last_of('.') + 1);
  Kind kind = ascii_lower(key).find("optional") != std::string::npos ? Kind::Optional : Kind::Required;
  const json& list = *found.lists[0];  // each string may hold several names (apiProperties.json does)
  if (list.is_string()) add_list(in, list.get<std::string>(), kind, in.json_path);
  for (std::size_t i = 0; list.is_array() && i < list.size(); ++i)
    add_list(in, list[i].get<std::string>(), kind, in.json_path + "[" + std::to_string(i) + "]");
  return in;
}

RawInput read_config(const json& doc) {
  RawInput in;
  if (doc.is_array()) {  // a JSON array of scope names
    json wrapper = {{"scopes", doc}};
    add_json_list(in, wrapper, "scopes", Kind::Required, "");
    return in;
  }
  if (!doc.is_object())
    parse_error("JSON input must be an app config object or an array of scope names, not " + std::string(doc.type_name()));
  auto cfg = doc.find("config");
  if (cfg != doc.end() && cfg->is_object() && cfg->contains("auth")) {
    const json& auth = (*cfg)["auth"];
    if (!auth.is_object()) parse_error("app-hsmeta.json: config.auth must be an object");
    in.format = "app-hsmeta";
    in.app_name = name_of(*cfg).empty() ? name_of(doc) : name_of(*cfg);
    in.redirect_uri = first_redirect(auth);
    add_json_list(in, auth, "requiredScopes", Kind::Required, "config.auth.");
    if (present(doc, "auth")) conflict(in, "config.auth", "auth");
    if (present(doc, "scopes")) conflict(in, "config.auth.requiredScopes", "scopes");
    if (present(auth, "scopes") && present(auth, "requiredScopes")) conflict(in, "config.auth.requiredScopes", "config.auth.scopes");
    bool is_static = auth.contains("type") && auth["type"] == "static";
    in.static_auth = is_static;
    // config.auth.type: "oauth" or "static" (RULES.md); anything else is read as OAuth, and said.
    if (auth.contains("type") && !is_static && auth["type"] != "oauth")
      in.notes.push_back({"warning", "unknown-auth-type", "",
                          "config.auth.type is " + (auth["type"].is_string() ? quote_name(auth["type"].get<std::string>())
                                                                             : std::string("a JSON ") + auth["type"].type_name()) +
                              ": an app's auth type is \"oauth\" or \"static\"; tierscope evaluated it as OAuth (required, "
                              "conditionally required and optional scopes). Set \"oauth\", or \"static\" for static auth."});
    std::size_t before = in.entries.size();
    add_json_list(in, auth, "conditionallyRequiredScopes", Kind::Conditional, "config.auth.");
    add_json_list(in, auth, "optionalScopes", Kind::Optional, "config.auth.");
    if (is_static) in.notes.push_back(single_account());
    if (is_static && in.entries.size() > before) {
      // The scopes static auth ignores, named (the page strikes them through); the fix: remove them (or switch to
      // OAuth). A scope also required is not ignored: it stays required (nothing to say when all are).
      std::vector<std::string> ignored;
      std::string names;
      for (std::size_t i = before; i < in.entries.size(); ++i) {
        std::size_t j = 0;
        while (in.entries[j].name != in.entries[i].name) ++j;
        if (j == i) ignored.push_back(in.entries[i].name), names += (names.empty() ? "" : ", ") + quote_name(in.entries[i].name);
      }
      in.entries.resize(before);
      in.static_ignored = ignored;  // the note's suggestion: remove them (request.cpp)
      if (!ignored.empty())
        in.notes.push_back({"warning", "static-auth-optional", "",
                            "This app uses static auth, which takes required scopes only: its optional and "
                            "conditionally required scopes (" + names + ") were left out of the evaluation; remove them, or "
                            "switch the app to OAuth to keep them optional."});
    }
    return in;
  }
  auto auth = doc.find("auth");
  if (auth != doc.end()) {
    if (!auth->is_object()) parse_error("public-app.json: auth must be an object");
    in.format = "public-app";
    in.app_name = name_of(doc);
    in.redirect_uri = first_redirect(*auth);
    add_json_list(in, *auth, "requiredScopes", Kind::Required, "auth.");
    bool required = present(*auth, "requiredScopes");
    if (present(doc, "scopes")) conflict(in, required ? "auth.requiredScopes" : "auth", "scopes");
    if (present(*auth, "scopes") && required) conflict(in, "auth.requiredScopes", "auth.scopes");
    if (present(doc, "requiredScopes") && required) conflict(in, "auth.requiredScopes", "requiredScopes");
    add_json_list(in, *auth, "conditionallyRequiredScopes", Kind::Conditional, "auth.");
    add_json_list(in, *auth, "optionalScopes", Kind::Optional, "auth.");
    return in;
  }
  if (doc.contains("scopes")) {
    in.format = "private-app";
    in.app_name = name_of(doc);
    add_json_list(in, doc, "scopes", Kind::Required, "");
    if (present(doc, "requiredScopes"))
      conflict(in, "scopes", "requiredScopes");
    in.notes.push_back(single_account());
    return in;
  }
  return read_scope_list_json(doc);
}

bool looks_like_url(std::string_view t) {
  std::string lower = ascii_lower(t.substr(0, 16));
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("app.hubspot.com/", 0) == 0 ||
         lower.rfind("app-eu1.hubspot.com", 0) == 0;
}

void read_url(RawInput& in, std::string_view url_text) {
  std::string url = trim(url_text);
  // Placeholders of a URL template ({{{ client_id }}}, <CLIENT_ID>, ...) may hold spaces, '&' or '#'.
  auto spans = placeholder_spans(url);
  for (std::size_t i = 0; i < url.size(); ++i)
    if ((url[i] == ' ' || url[i] == '\t' || url[i] == '\r' || url[i] == '\n') && find_outside(url, url[i], i, spans) == i)
      parse_error("an install URL cannot contain spaces or line breaks: separate scopes with %20 in the scope parameter");
  in.format = "install-url";
  std::size_t start = 0, end = find_outside(url, '#', 0, spans);
  if (end == std::string::npos) end = url.size();
  auto scheme_end = url.find("://");
  if (scheme_end != std::string::npos && scheme_end < end) start = scheme_end + 3;
  std::size_t query_start = find_outside(url, '?', start, spans);
  if (query_start > end) query_start = std::string::npos;
  std::string authority_path = url.substr(start, (query_start == std::string::npos ? end : query_start) - start);
  std::string query = query_start == std::string::npos ? "" : url.substr(query_start + 1, end - query_start - 1);
  auto slash = authority_path.find('/');
  std::string host = ascii_lower(authority_path.substr(0, slash));
  std::string path = slash == std::string::npos ? "/" : authority_path.substr(slash);
  in.host = host;
  bool known_host = host == "app.hubspot.com" || host == "app-eu1.hubspot.com";
  bool template_seen = has_placeholder(host);  // placeholders outside the scope parameters: a url-placeholder note
  // /oauth/authorize or /oauth/{accountId}/authorize, with an optional trailing slash.
  bool known_path = false;
  std::string p = path.size() > 1 && path.back() == '/' ? path.substr(0, path.size() - 1) : path;
  if (p == "/oauth/authorize") {
    known_path = true;
  } else if (p.rfind("/oauth/", 0) == 0 && p.size() > 17 && p.compare(p.size() - 10, 10, "/authorize") == 0) {
    std::string id = p.substr(7, p.size() - 17);
    if (!id.empty() && id.find_first_not_of("0123456789") == std::string::npos) {
      known_path = true;
      in.account_id = id;
    }
  }
  if (!known_host || !known_path)
    in.notes.push_back({"warning", "unrecognized-url", "",
                        "This URL is not HubSpot's install page (expected https://app.hubspot.com/oauth/authorize, "
                        "app-eu1.hubspot.com, or /oauth/{accountId}/authorize); its scopes were read anyway."});
  bool saw_scope = false, scope_has_oauth = false;
  auto qspans = placeholder_spans(query);
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t amp = find_outside(query, '&', pos, qspans);
    std::string pair = query.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    pos = amp == std::string::npos ? query.size() + 1 : amp + 1;
    if (pair.empty()) continue;
    auto eq = find_outside(pair, '=', 0, placeholder_spans(pair));
    std::string key = percent_decode(pair.substr(0, eq), true);
    std::string value = eq == std::string::npos ? "" : percent_decode(pair.substr(eq + 1), true);
    if (key != "scope" && key != "optional_scope" && (has_placeholder(value) || has_placeholder(key))) template_seen = true;
    if (key == "redirect_uri") in.redirect_uri = value;
    if (key == "client_id") in.client_id = value;
    if (key != "scope" && key != "optional_scope") continue;
    if (auto bad = bad_percent_escape(pair.substr(eq == std::string::npos ? pair.size() : eq + 1)))
      in.notes.push_back({"error", "bad-encoding", "",
                          "The URL's " + key + " parameter has a malformed percent-escape " +
                              quote_name(pair.substr(eq + 1 + *bad, 3)) + " (% needs two hex digits, e.g. %20)."});
    if (invalid_utf8_at(value)) parse_error("the URL's " + key + " parameter decodes to invalid UTF-8");
    if (value.find('\0') != std::string::npos) parse_error("the URL's " + key + " parameter decodes to a NUL byte");
    if (key == "scope") saw_scope = true;
    if (key == "scope")  // a template's placeholder may stand for oauth
      for (const auto& name : split_list(value)) scope_has_oauth = scope_has_oauth || name == "oauth" || has_placeholder(name);
    Kind kind = key == "scope" ? Kind::Required : Kind::Optional;
    std::string origin = "the URL's " + key + " parameter";
    std::string rest = value;  // placeholders out, the rest read as names
    for (const auto& sp : placeholder_spans(value)) {
      add_placeholder(in, value.substr(sp.begin, sp.end - sp.begin), kind, key, origin);
      std::fill(rest.begin() + sp.begin, rest.begin() + sp.end, ' ');
    }
    if (rest.find(',') != std::string::npos) in.comma_separated_url = true;
    for (auto& name : split_list(rest)) {
      if (placeholder_word(name)) add_placeholder(in, name, kind, key, origin);
      else add_entry(in, std::move(name), kind, origin);
    }
  }
  if (template_seen)
    in.notes.push_back({"info", "url-placeholder", "",
                        "An install URL template: placeholders outside scope and optional_scope are left as written."});
  in.url_lacks_oauth = saw_scope && !scope_has_oauth;
  if (!saw_scope)
    parse_error("the install URL has no scope parameter: HubSpot needs scope=oauth%20... with the required scopes");
}
// Text with no names (code, a README) that holds one install URL with its scopes, as a string in JS or an href:
// that URL, from its "http" to the end of the string or Markdown link; else empty. Two URLs are not guessed between.
std::string_view lone_install_url(std::string_view t) {
  const std::size_t at = t.find("hubspot.com/oauth/");
  if (at == t.npos || t.find("hubspot.com/oauth/", at + 1) != t.npos) return {};
  const std::size_t from = t.rfind("http", at);
  if (from == t.npos) return {};
  std::size_t end = from;
  while (end < t.size() && static_cast<unsigned char>(t[end]) > ' ' && t[end] != '"' && t[end] != '\'' && t[end] != '`' &&
         t[end] != ')')
    ++end;
  if (end <= at) return {};
  const std::string_view url = t.substr(from, end - from);
  return url.find("scope=") != url.npos ? url : std::string_view{};
}

}  // namespace

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Required: return "required";
    case Kind::Conditional: return "conditional";
    case Kind::Optional: return "optional";
  }
  return "required";
}

void check_text(std::string_view text, const char* what) {
  if (text.size() > kMaxInputBytes)
    throw InputError("input-too-large", std::string(what) + " is more than " + std::to_string(kMaxInputBytes) +
                                            " bytes; the limit is " + std::to_string(kMaxInputBytes) + " bytes (1 MiB)");
  auto nul = text.find('\0');
  if (nul != std::string_view::npos)
    parse_error(std::string(what) + " has a NUL byte at byte offset " + std::to_string(nul) + " (" + where(text, nul) + ")");
  if (auto bad = invalid_utf8_at(text))
    parse_error(std::string(what) + " is not valid UTF-8 at byte offset " + std::to_string(*bad) + " (" +
                where(text, *bad) + ")");
}

json json_document(std::string_view text) {
  // Through sax_parse with the plain DOM builder: json::parse would also build in its callback
  // parser (a second copy of nlohmann's parser in the wasm module, ~5 KB gzip).
  json result;
  nlohmann::detail::json_sax_dom_parser<json> sax(result, true);
  json::sax_parse(text.begin(), text.end(), &sax);
  return result;
}

json parse_json(std::string_view text, const char* what) {
  // Bound the nesting before nlohmann sees it, so deep input cannot exhaust the stack.
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
        if (c == 'u' && text.substr(i + 1, 4) == "0000")  // NUL written as an escape: refused like a raw NUL
          parse_error(std::string(what) + " has a NUL character (\\u0000) in a JSON string at " + where(text, i - 1));
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        parse_error(std::string(what) + ": JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at " +
                    where(text, i));
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  try {
    return json_document(text);
  } catch (const json::parse_error& e) {
    std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    std::string msg = e.what();
    auto pos = msg.find(": syntax error ");
    std::string detail = pos == std::string::npos ? msg : msg.substr(pos + 15);
    auto colon = detail.find(" - ");
    if (colon != std::string::npos) detail = detail.substr(colon + 3);
    parse_error(std::string(what) + ": invalid JSON at " + where(text, at) + ": " + detail);
  } catch (const json::out_of_range& e) {  // 406: a number too large for a double (1e400)
    parse_error(std::string(what) + ": invalid JSON: " + json_reason(e) + " (" + number_overflow_where(text) + ")");
  } catch (const json::exception& e) {
    parse_error(std::string(what) + ": invalid JSON: " + json_reason(e));
  }
}

nlohmann::ordered_json options_json(std::string_view text) {
  try {
    check_text(text, "the options");
    return parse_json(text, "the options");
  } catch (const InputError& e) {  // options that cannot be read are bad options, whatever is wrong
    throw InputError("bad-options", e.what());
  }
}

RawInput from_lists(const std::vector<std::string>& required, const std::vector<std::string>& optional) {
  RawInput in;
  for (const auto& s : required) in.entries.push_back({s, Kind::Required});
  for (const auto& s : optional) in.entries.push_back({s, Kind::Optional});
  return in;
}

RawInput read_input(std::string_view text) {
  check_text(text, "the input");
  std::string t = trim(text);
  RawInput in;
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) {
    // Keep offsets relative to the original text for line/column.
    in = read_config(parse_json(text, "the input"));
  } else if (looks_like_url(t)) {
    read_url(in, t);
  } else {
    Pasted pasted = read_pasted_list(text);  // line numbers of the text as given
    if (pasted.names.empty()) {
      if (std::string_view url = lone_install_url(t); !url.empty()) {
        read_url(in, url);
        return in;
      }
    }
    in.entries.reserve(std::min(pasted.names.size(), kMaxScopes));
    for (auto& n : pasted.names) add_entry(in, std::move(n.name), n.kind, "the list");
    in.ignored = std::move(pasted.ignored);
  }
  return in;
}

RawInput read_fields(std::string_view fields_json) {
  check_text(fields_json, "the fields");
  json doc = parse_json(fields_json, "the fields");
  if (!doc.is_object()) parse_error("the fields must be an object {required, conditional, optional, url}");
  for (const auto& [key, value] : doc.items())
    if (key != "required" && key != "conditional" && key != "optional" && key != "url")
      parse_error("unknown field " + quote_name(key) + ": expected required, conditional, optional or url");
  RawInput in;
  if (doc.contains("url") && !doc["url"].is_null()) {
    if (!doc["url"].is_string()) parse_error("url must be a string");
    std::string url = trim(doc["url"].get<std::string>());
    if (!url.empty()) read_url(in, url);
  }
  add_json_list(in, doc, "required", Kind::Required, "");
  add_json_list(in, doc, "conditional", Kind::Conditional, "");
  add_json_list(in, doc, "optional", Kind::Optional, "");
  return in;
}

}  // namespace tierscope
