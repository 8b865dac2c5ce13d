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
  std::set<std::string> invalid;  // names HubSpot rejects: retired, placeholders, outside the scope grammar
  std::set<std::string> unknown;  // well-formed names the catalog lacks (maybe newer than it), as in the lists
  bool comma_separated_url = false;
  bool static_auth = false;   // static-auth app: no optional scopes (fixes remove, or switch to OAuth)
  std::string url_rejection;  // "url-mismatch" | "insufficient-scopes" when the install URL fails for every account
  std::vector<Diagnostic> diagnostics;
};

Request build_request(const RawInput& in, const Catalog& catalog);
struct NameAdvice;
// The message of the unknown-scope diagnostic of a name the catalog lacks (well formed or not), from its
// did-you-mean and the catalog's date. Worded once per name: NameIndex keeps it with the name's advice.
std::string unknown_scope_message(const std::string& name, const NameAdvice& advice, const std::string& as_of);
// HubSpot's scope grammar as its names show it: lowercase letters and digits in dotted segments that
// may hold '_' and '-', starting with a letter, at most 100 characters (crm.objects.contacts.read,
// business_units_view.read, aeo-standalone-access). A name outside it is never a HubSpot scope.
bool scope_grammar(std::string_view name);

}  // namespace tierscope
