// Evaluating a request on accounts: per-profile status, coverage of the 65,536 configurations,
// and the smallest "make optional" changes that let failing profiles install.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "request.hpp"

namespace tierscope {

struct Options {
  bool without_conditional = false;
  std::optional<std::uint32_t> account;  // a custom account configuration
  std::vector<std::string> profiles;     // rows to keep; empty = all
};
// Reads the options JSON (see api.hpp). Throws InputError with code "bad-options".
Options read_options(std::string_view options_json);
// {"hubs": {"marketing": "professional"}, "features": [...]} -> configuration. Throws InputError.
std::uint32_t read_account(const nlohmann::ordered_json& account);

struct ProfileResult {
  std::string id, name, status;
  int hub = -1, tier = 0;
  std::vector<std::string> missing, granted, dropped, unverified;
};

struct Suggestion {
  std::vector<std::string> scopes, unlocks;
  std::uint32_t combinations = 0;
};

struct Evaluation {
  std::vector<ProfileResult> profiles;  // filtered by Options::profiles
  std::uint32_t profiles_install = 0, profiles_uncertain = 0, combinations_install = 0;
  std::uint32_t by_hub[kHubs][kTiers] = {};
  std::uint32_t by_feature_on[kFeatures] = {};
  std::vector<Suggestion> suggestions;
  std::optional<ProfileResult> account;
};

Evaluation evaluate(const Request& req, const Catalog& catalog, const Options& options);

}  // namespace tierscope
