// From what was read to what HubSpot is asked: canonical names, kinds, and diagnostics.
#pragma once
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "input/input.hpp"

namespace tierscope {

struct Diagnostic {
  std::string severity, code, scope, message;  // scope empty = null
  std::string action;                          // suggestion action; empty = no suggestion
  std::vector<std::string> scopes;             // suggestion scopes
};

struct Request {
  std::vector<std::string> required, conditional, optional;  // canonical (or as given when invalid), sorted
  std::set<std::string> invalid;                             // unknown or retired names, as in the lists
  bool comma_separated_url = false;
  bool static_auth = false;   // static-auth app: no optional scopes (fixes remove, or switch to OAuth)
  std::string url_rejection;  // "url-mismatch" | "insufficient-scopes" when the install URL fails for every account
  std::vector<Diagnostic> diagnostics;
};

Request build_request(const RawInput& in, const Catalog& catalog);

}  // namespace tierscope
