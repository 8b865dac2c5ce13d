#include "input/install_url.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "evaluate/evaluate.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

std::vector<std::string> names_of(const RawInput& in, Kind kind) {
  std::vector<std::string> out;
  for (const auto& e : in.entries)
    if (e.kind == kind && std::find(out.begin(), out.end(), e.name) == out.end()) out.push_back(e.name);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool is_config(const RawInput& in) {
  return in.format == "app-hsmeta" || in.format == "public-app" || in.format == "private-app";
}

const char* const kMismatch =
    " HubSpot refuses the URL for every account: \"mismatch between the scopes in the install URL and the app's configured scopes\".";
const char* const kOauthFix = "add oauth to scope.";

std::string rule_message(int rule, const std::vector<std::string>& scopes, const std::string& what, const std::string& fix) {
  return "Rule " + std::to_string(rule) + ": " + what + (scopes.empty() ? "" : " (" + escape_controls(join(scopes, ", ")) + ")") + ". Fix: " + fix;
}

[[noreturn]] void not_a(const std::string& what) { throw InputError("parse-error", what); }

// What HubSpot may redirect to after an install: https, or http on this machine for development.
// Anything else (javascript:, data:, a typo'd scheme, a space or control character) is refused.
bool usable_redirect_uri(const std::string& uri) {
  if (uri.empty() || invalid_utf8_at(uri)) return false;
  for (unsigned char c : uri)
    if (c <= 0x20 || c == 0x7F) return false;
  std::string lower = ascii_lower(uri);
  auto host_ends = [&](std::size_t at) {
    return at == lower.size() || lower[at] == ':' || lower[at] == '/' || lower[at] == '?' || lower[at] == '#';
  };
  if (lower.rfind("https://", 0) == 0) return !host_ends(8);
  for (const char* dev : {"http://localhost", "http://127.0.0.1", "http://[::1]"}) {
    std::size_t n = std::char_traits<char>::length(dev);
    if (lower.rfind(dev, 0) == 0 && host_ends(n)) return true;
  }
  return false;
}

void require_redirect_uri(const std::string& uri, const char* code, const std::string& where) {
  if (uri.empty() || usable_redirect_uri(uri)) return;
  throw InputError(code, where + " must be an https:// URL (or http://localhost / http://127.0.0.1 for development), not " +
                             quote_name(uri));
}
}  // namespace

std::string url_encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') out += char(c);
    else { out += '%'; out += hex[c >> 4]; out += hex[c & 15]; }
  }
  return out;
}

std::string install_url(const UrlParts& p) {
  std::string url = "https://" + p.host + "/oauth/" + (p.account_id.empty() ? "" : p.account_id + "/") + "authorize";
  auto list = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : "%20") + url_encode(s);
    return out;
  };
  url += "?client_id=" + url_encode(p.client_id.empty() ? "YOUR_CLIENT_ID" : p.client_id);
  url += "&redirect_uri=" + url_encode(p.redirect_uri.empty() ? "YOUR_REDIRECT_URI" : p.redirect_uri);
  url += "&scope=" + list(p.scope);
  if (!p.optional_scope.empty()) url += "&optional_scope=" + list(p.optional_scope);
  return url;
}

UrlCheck check_url_against_config(const RawInput& config, const RawInput& url) {
  if (!is_config(config)) not_a("the first input must be an app config (app-hsmeta.json, public-app.json or app.json), not a " + config.format);
  if (url.format != "install-url") not_a("the second input must be an install URL, not a " + url.format);
  if (config.format == "private-app") not_a("a private app (app.json) has no install URL to check");
  const auto R = names_of(config, Kind::Required), K = names_of(config, Kind::Conditional), O = names_of(config, Kind::Optional);
  const auto S = names_of(url, Kind::Required), P = names_of(url, Kind::Optional);
  UrlCheck out;
  auto fail = [&](int rule, std::vector<std::string> scopes, const std::string& what, const std::string& fix,
                  const std::string& action) {
    scopes = sorted(scopes);
    out.rules_failed.push_back(rule);
    std::string msg = rule_message(rule, scopes, what, fix);
    out.diagnostics.push_back({"error", "url-config-mismatch", scopes.size() == 1 ? scopes[0] : "", msg, action, scopes});
  };
  std::vector<std::string> r1, r2, r3, r4, r5;
  for (const auto& r : R)
    if (!contains(S, r) && r != "oauth") r1.push_back(r);
  for (const auto& s : S)
    if (contains(O, s)) r5.push_back(s);
    else if (!contains(R, s) && !contains(K, s)) r2.push_back(s);
  for (const auto& p : P)
    if (contains(K, p)) r4.push_back(p);
    else if (!contains(O, p)) r3.push_back(p);
  const std::string mismatch = kMismatch;
  if (!r1.empty())
    fail(1, r1, "the app config requires scopes the URL's scope parameter leaves out",
         "add them to scope. HubSpot refuses the URL for every account: \"Authorization failed because the provided scopes are insufficient\".",
         "add-to-scope");
  if (!r2.empty())
    fail(2, r2, "the URL's scope parameter has scopes that are neither required nor conditionally required in the app config",
         "remove them from the URL, or add them to the config." + mismatch, "remove-from-url");
  if (!r3.empty())
    fail(3, r3, "the URL's optional_scope has scopes that are not optional in the app config",
         "remove them from optional_scope, or list them as optional in the config." + mismatch, "remove-from-url");
  if (!r4.empty())
    fail(4, r4, "conditionally required scopes are in optional_scope", "move them to scope." + mismatch, "move-to-scope");
  if (!r5.empty())
    fail(5, r5, "optional scopes are in the scope parameter", "move them to optional_scope." + mismatch, "move-to-optional-scope");
  if (contains(R, "oauth") && !contains(S, "oauth"))
    fail(6, {"oauth"}, "the app requires oauth but the URL's scope parameter leaves it out", kOauthFix + mismatch,
         "add-to-scope");
  if (url.comma_separated_url)
    fail(7, {}, "scopes are separated by commas",
         "separate them with %20. HubSpot reads the comma-joined names as one invalid scope name and refuses the URL for every account.",
         "use-spaces");
  bool mismatch_rule = std::any_of(out.rules_failed.begin(), out.rules_failed.end(), [](int r) { return r != 1 && r != 7; });
  bool rule1 = std::find(out.rules_failed.begin(), out.rules_failed.end(), 1) != out.rules_failed.end();
  out.rejection = mismatch_rule ? "url-mismatch" : rule1 ? "insufficient-scopes" : "";  // rule 7: invalid-scope
  // The corrected URL: the config's required scopes plus the conditional ones this URL asked for.
  UrlParts fixed;
  fixed.host = url.host == "app-eu1.hubspot.com" ? url.host : "app.hubspot.com";
  fixed.account_id = url.account_id;
  fixed.client_id = url.client_id;
  fixed.redirect_uri = url.redirect_uri;
  fixed.scope = R;
  for (const auto& k : K)
    if (contains(S, k) || contains(P, k)) fixed.scope.push_back(k);
  fixed.optional_scope = O;
  out.fixed_url = install_url(fixed);
  // What HubSpot is asked: the URL's own scopes, with the config's kinds.
  out.evaluated = url;
  out.evaluated.app_name = config.app_name;
  for (auto& e : out.evaluated.entries)
    if (e.kind == Kind::Required && contains(K, e.name)) e.kind = Kind::Conditional;
  return out;
}

void check_url_alone(const RawInput& url, Request& req) {
  if (url.format != "install-url" || !url.url_lacks_oauth) return;
  auto& d = req.diagnostics;  // rule 6 says what missing-oauth would
  d.erase(std::remove_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.code == "missing-oauth"; }), d.end());
  d.insert(d.begin(), {"error", "url-config-mismatch", "oauth",
                       rule_message(6, {"oauth"}, "the URL's scope parameter leaves out oauth, which every app's config requires",
                                    std::string(kOauthFix) + kMismatch),
                       "add-to-scope", {"oauth"}});
  if (req.url_rejection.empty()) req.url_rejection = "url-mismatch";
}

ojson build_urls(const RawInput& config, const nlohmann::ordered_json& options) {
  if (!is_config(config)) not_a("tierscope url needs an app config (app-hsmeta.json or public-app.json), not a " + config.format);
  if (config.format == "private-app") not_a("a private app (app.json) is installed in its own account and has no install URL");
  UrlParts base;
  auto opt = [&](const char* key) {
    auto it = options.find(key);
    if (it == options.end() || it->is_null()) return std::string();
    if (!it->is_string()) throw InputError("bad-options", std::string("options: ") + key + " must be a string");
    return it->get<std::string>();
  };
  base.client_id = opt("clientId");
  std::string redirect = opt("redirectUri");
  require_redirect_uri(redirect, "bad-options", "options: redirectUri");
  if (redirect.empty()) require_redirect_uri(config.redirect_uri, "parse-error", "the app config's first redirect URL");
  base.redirect_uri = redirect.empty() ? config.redirect_uri : redirect;
  base.account_id = opt("accountId");
  if (!base.account_id.empty() && base.account_id.find_first_not_of("0123456789") != std::string::npos)
    throw InputError("bad-options", "options: accountId must be digits");
  if (options.contains("eu") && options["eu"] == true) base.host = "app-eu1.hubspot.com";
  auto R = names_of(config, Kind::Required), K = names_of(config, Kind::Conditional), O = names_of(config, Kind::Optional);
  if (!contains(R, "oauth")) R.insert(R.begin(), "oauth");
  auto catalog = current_catalog();
  ojson urls = ojson::array();
  auto add = [&](const std::string& label, std::vector<std::string> extra) {
    UrlParts p = base;
    p.scope = R;
    p.scope.insert(p.scope.end(), extra.begin(), extra.end());
    p.optional_scope = O;
    Request req = build_request(from_lists(p.scope, p.optional_scope), *catalog);
    Evaluation ev = evaluate(req, *catalog, Options{});
    urls.push_back({{"label", label}, {"scopes", p.scope}, {"optional_scopes", p.optional_scope}, {"url", install_url(p)},
                    {"installs_profiles", ev.profiles_install}, {"combinations", ev.combinations_install}});
  };
  add("base", {});
  if (K.size() <= 12)
    for (const auto& k : K) add("with " + k, {k});
  if (K.size() > 1) add("with every conditionally required scope", K);
  ojson diags = ojson::array();
  std::vector<std::string> placeholders;
  if (base.client_id.empty()) placeholders.push_back("YOUR_CLIENT_ID");
  if (base.redirect_uri.empty()) placeholders.push_back("YOUR_REDIRECT_URI (https, or http on localhost)");
  if (!placeholders.empty())
    diags.push_back({{"severity", "info"}, {"code", "url-placeholder"}, {"scope", nullptr},
                     {"message", "Replace " + join(placeholders, " and ") + " with your app's value" +
                                     (placeholders.size() > 1 ? "s." : ".")},
                     {"suggestion", nullptr}});
  auto or_null = [](const std::string& v) { return v.empty() ? ojson(nullptr) : ojson(v); };
  return {{"app_name", or_null(config.app_name)}, {"redirect_uri", or_null(base.redirect_uri)}, {"urls", urls},
          {"diagnostics", diags}};
}

}  // namespace tierscope
