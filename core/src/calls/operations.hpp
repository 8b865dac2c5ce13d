// HubSpot API operations (data/api-operations.json) and matching a call (method + path) to them.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tierscope {

using ScopeSet = std::vector<std::string>;  // scopes needed together (sorted)

struct ApiInfo {
  std::string name, version;
  bool beta = false, legacy = false;
  long version_rank = 0;  // v3 < v4 < 2025-09 < 2026-03 ...
  // Legacy APIs (data/sources/legacy-apis.json): legacy | retiring | retired, "" for current APIs;
  // the announced date (YYYY-MM-DD, "" when none) and where HubSpot sends callers instead.
  std::string status, date, replacement;
  // An API whose request body (a query, such as GraphQL's) names the data it reads (flag 4): patterns of
  // the scopes that data may need besides the operation's own ("crm.*.read": * = any text).
  bool query = false;
  std::vector<std::string> data_scopes;
  bool data_scope(const std::string& name) const;  // name matches one of data_scopes
};

struct Operation {
  int api = 0;
  std::string method, path;
  std::vector<std::string> segments;  // path split on '/', literals lower-cased
  std::vector<int> alternatives;      // indexes into Operations::scope_sets
  bool internal = false;
  bool generic = false;       // an object parameter and alternatives for several objects (the union)
  bool object_param() const;  // has an {objectType}-like segment
};

class Operations {
 public:
  // Parses data/api-operations.json; throws InputError (parse-error) with a readable message.
  static std::shared_ptr<const Operations> from_json(std::string_view text);
  std::string source, commit;
  std::vector<ScopeSet> scope_sets;
  std::vector<ApiInfo> apis;
  std::vector<Operation> ops;
  // Where to look (from_json builds it; indexes into ops, in table order), so that matching a call
  // reads a few operations instead of all: by method, first segment and segment count (operations
  // with a literal first segment and no "*" tail); those with a parameter first or a "*" tail; by first
  // segment alone, and those starting with a parameter or "*", or with a version (nearest()).
  std::unordered_map<std::string, std::vector<int>> by_start, by_first;
  std::vector<int> loose, any_first, version_first;
  // The stable operations without an object parameter, by each segment they have (in table order, each
  // once): what an object's own operations are looked up in (a generic call on a named object).
  std::unordered_map<std::string, std::vector<int>> by_segment;
};

// The table calls() uses: null until load_operations() (api.hpp) gave one.
std::shared_ptr<const Operations> current_operations();
void set_current_operations(std::shared_ptr<const Operations> ops);
// The same table, or InputError "internal-error" when none is loaded: what reading calls checks first
// (before the input, so that a bad input does not hide it).
std::shared_ptr<const Operations> loaded_operations();

struct Match {
  const Operation* op = nullptr;
  // exact | type-id (an object type id such as 0-1 read as its name, or a name as its type id where the
  // spec writes the object by id) | other-version (the same path
  // in another version of the API, or /a/v3/b read as its dated form /a/b/2026-03) | none
  std::string how = "none";
  std::vector<ScopeSet> alternatives;  // for generic object operations: narrowed to the named objects
  std::vector<std::string> objects;    // object types the call names in {objectType}-like segments
  std::string problem;                 // why the alternatives are empty (generic call, unknown object, read-only-object)
  std::vector<const Operation*> nearest;  // op == nullptr: the closest operations
};

// segments: the call's path split on '/' (no query, no empty segments). method: upper-case.
Match match_call(const Operations& ops, const std::string& method, const std::vector<std::string>& segments);

// True for a path segment written as a template: {id}, ${id}, :id or <id>.
bool template_segment(std::string_view s);
// Object name for a standard object type id ("0-1" -> "contacts"), or "" when not one.
std::string object_for_type_id(std::string_view id);
std::string type_id_for_object(std::string_view name);  // "deals" -> "0-3", or ""

}  // namespace tierscope
