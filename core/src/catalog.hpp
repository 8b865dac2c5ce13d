// The scope catalog: HubSpot scope names, their tier requirement and where it comes from.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.hpp"

namespace tierscope {

struct Condition {
  int hub = -1;      // hub condition: hub index, or -1 for "any hub"
  int min_tier = 0;  // hub condition: lowest tier
  int feature = -1;  // feature condition: feature index (then hub/min_tier unused)
};

enum class Requirement { Any, Undocumented, Alternatives };

struct Scope {
  std::string name, area, tier_text, confidence, source, retired_on;
  Requirement requirement = Requirement::Undocumented;
  std::vector<std::vector<Condition>> alternatives;  // OR of ANDs
  bool sensitive = false, deprecated = false;
  std::vector<std::string> replaced_by, api_spec_hint, notes;
  nlohmann::ordered_json requires_json;  // as written in the catalog, for listings
  AccountSet available;          // configurations where the scope is available (undocumented: all)
  bool retired() const { return !retired_on.empty(); }
};

class Catalog {
 public:
  // Parses and validates; throws std::runtime_error with a readable message on failure.
  static std::shared_ptr<const Catalog> from_json(const std::string& text);
  static std::shared_ptr<const Catalog> builtin();

  std::string as_of;
  std::vector<Scope> scopes;                       // catalog order
  std::map<std::string, std::string> aliases;      // alias -> canonical name
  const Scope* find(const std::string& name) const;  // exact canonical name
  std::optional<std::string> alias_target(const std::string& name) const;

 private:
  std::map<std::string, std::size_t> index_;
};

// The catalog every call uses (built-in unless replaced with set_current_catalog).
std::shared_ptr<const Catalog> current_catalog();
void set_current_catalog(std::shared_ptr<const Catalog> catalog);

}  // namespace tierscope
