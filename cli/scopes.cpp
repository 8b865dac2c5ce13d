// tierscope scopes: the scope catalog, searched.
#include <iostream>
#include <memory>

#include "cli.hpp"
#include "table.hpp"

namespace tierscope_cli {
namespace {
struct ScopesArgs {
  std::string search, format = "table", catalog;
};

int run_scopes(const ScopesArgs& a) {
  load_catalog_option(a.catalog);
  std::string out = need(tierscope::list_scopes(a.search));
  if (a.format == "json") std::cout << out << "\n";
  else std::cout << render_scopes(json::parse(out));
  return 0;
}
}  // namespace

Run add_scopes(CLI::App& app) {
  auto a = std::make_shared<ScopesArgs>();
  CLI::App* cmd = app.add_subcommand("scopes", "The scope catalog: tier, confidence and source of each scope");
  add_value(*cmd, "--search", a->search, "only scopes whose name, area or tier text contains TEXT (case-insensitive)");
  add_format(*cmd, a->format, {"table", "json"});
  add_catalog(*cmd, a->catalog);
  return [a] { return run_scopes(*a); };
}

}  // namespace tierscope_cli
