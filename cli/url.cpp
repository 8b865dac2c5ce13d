// tierscope url: correct install URLs built from an app config.
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {
struct UrlArgs {
  std::vector<std::string> files;
  std::string client_id, redirect_uri, account_id, format = "text";
  bool eu = false;
};

int run_url(const UrlArgs& a) {
  ojson options = ojson::object();
  if (!a.client_id.empty()) options["clientId"] = a.client_id;
  if (!a.redirect_uri.empty()) options["redirectUri"] = a.redirect_uri;
  if (!a.account_id.empty()) options["accountId"] = a.account_id;
  if (a.eu) options["eu"] = true;
  if (a.files.size() != 1) throw Failure{"url takes one input (a FILE or - for stdin)"};
  std::string out = need(tierscope::build_urls(read_file(a.files[0]), options.dump()));
  if (a.format == "json") std::cout << out << "\n";
  else std::cout << render_urls(json::parse(out));
  return 0;
}
}  // namespace

Run add_url(CLI::App& app) {
  auto a = std::make_shared<UrlArgs>();
  CLI::App* cmd = app.add_subcommand("url", "Correct install URLs built from an app config");
  cmd->add_option("config", a->files, "the app config (public-app.json, app-hsmeta.json, ...; - for stdin)")->type_name("CONFIG");
  add_value(*cmd, "--client-id", a->client_id, "the app's client id", "ID");
  add_value(*cmd, "--redirect-uri", a->redirect_uri, "the redirect URI (default: the config's first)", "URI");
  cmd->add_flag("--eu", a->eu, "use the EU data centre's host (app-eu1.hubspot.com)");
  add_value(*cmd, "--account-id", a->account_id, "pin the URL to one account", "N");
  add_format(*cmd, a->format, {"text", "json"});
  return [a] { return run_url(*a); };
}

}  // namespace tierscope_cli
