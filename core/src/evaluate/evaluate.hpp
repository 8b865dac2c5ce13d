// Evaluating a request on accounts: per-profile status, coverage of the model's configurations,
// where the sources disagree, and the smallest "make optional" changes that let failing profiles install.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "catalog/catalog.hpp"
#include "input/request.hpp"

namespace tierscope {

struct Options {
  bool without_conditional = false;
  bool lean = false;                     // no granted lists (they are most of a long request's report)
  std::optional<std::uint32_t> account;  // a custom account configuration
  std::vector<std::string> profiles;     // rows to keep; empty = all
  // Every field, for comparing options (calls.cpp keeps evaluations per options): a new field goes here too.
  auto fields() const { return std::tie(without_conditional, lean, account, profiles); }
  bool operator<(const Options& o) const { return fields() < o.fields(); }
};
// Reads the options JSON (see api.hpp) against the catalog's model. Throws InputError "bad-options".
Options read_options(std::string_view options_json, const Model& model);
// {"hubs": {"marketing": "professional"}, "features": [...]} -> configuration. Throws InputError.
std::uint32_t read_account(const nlohmann::ordered_json& account, const Model& model);
// A requirement in words: "Marketing Hub Professional or higher", "every account", ...
std::string requirement_text(const Grant& g, const Model& model);

using NameList = std::vector<std::uint32_t>;  // places in Evaluation::names

struct ProfileResult {
  std::string id, name, status;
  int hub = -1, tier = 0;
  NameList missing, granted, dropped, unverified, disputed;
};

struct Suggestion {
  // make-optional; remove-or-rename (unknown or retired names: first, as if they were gone, the others
  // count on it); for a static-auth app remove and switch-to-oauth instead of make-optional.
  std::string action = "make-optional";
  NameList scopes;  // places in Evaluation::names (sorted, as the names are)
  std::vector<std::string> unlocks;
  std::uint32_t combinations = 0;
  std::vector<std::string> renamed;                 // remove-or-rename: the names with candidates,
  std::vector<std::vector<std::string>> did_you_mean;  // and those candidates
};

struct Evaluation {
  std::vector<std::string> names;       // every name asked for, sorted: what a NameList points into
  std::vector<std::string> names_of(const NameList& list) const;
  std::vector<ProfileResult> profiles;  // filtered by Options::profiles
  std::uint32_t profiles_install = 0, profiles_uncertain = 0, combinations_install = 0, combinations_disputed = 0;
  std::vector<std::vector<std::uint32_t>> by_hub;  // [hub][tier]: installing configurations
  std::vector<std::uint32_t> by_feature_on;       // [feature]
  std::vector<Suggestion> suggestions;
  std::optional<ProfileResult> account;
  std::vector<Diagnostic> diagnostics;  // sources-disagree (warnings), one per disputed requested scope
};

Evaluation evaluate(const Request& req, const Catalog& catalog, const Options& options);
// The request's diagnostics with the evaluation's, errors first, then warnings, then info.
std::vector<Diagnostic> all_diagnostics(const Request& req, const Evaluation& ev);
// The same, in the same order, without copying them (the report's writer).
std::vector<const Diagnostic*> all_diagnostics_in_place(const Request& req, const Evaluation& ev);

}  // namespace tierscope
