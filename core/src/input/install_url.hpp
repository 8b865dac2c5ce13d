// Install URLs and app configs: the consistency rules of RULES.md (1-7) and the URL builder.
#pragma once
#include <string>
#include <vector>

#include "input/input.hpp"
#include "report/report.hpp"
#include "input/request.hpp"

namespace tierscope {

struct UrlParts {
  std::string host = "app.hubspot.com", account_id, client_id, redirect_uri;
  std::vector<std::string> scope, optional_scope;
};
// https://HOST/oauth[/ACCOUNT]/authorize?client_id=..&redirect_uri=..&scope=a%20b&optional_scope=c
std::string install_url(const UrlParts& parts);
std::string url_encode(const std::string& s);

struct UrlCheck {
  std::vector<Diagnostic> diagnostics;  // one url-config-mismatch per failed rule
  std::vector<int> rules_failed;
  std::string rejection;                // "" | "url-mismatch" | "insufficient-scopes"
  std::string fixed_url;
  RawInput evaluated;                   // what HubSpot is asked: the URL's scopes with the config's kinds
};
// config: a read app config; url: a read install URL. Throws InputError when they are not that.
UrlCheck check_url_against_config(const RawInput& config, const RawInput& url);
// An install URL alone: every app's config requires oauth (RULES.md), so rule 6 applies without the
// config: a scope parameter without oauth is url-mismatch on every account, with the fix.
void check_url_alone(const RawInput& url, Request& req);

// {"urls": [{"label", "scopes", "optional_scopes", "url", "installs_profiles", "combinations"}], "diagnostics": [...]}
// options: {"redirectUri", "clientId", "eu": bool, "accountId"}
ojson build_urls(const RawInput& config, const nlohmann::ordered_json& options);

}  // namespace tierscope
