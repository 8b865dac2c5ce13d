// The scope catalog (catalog format 2, docs/catalog.md): the account model, and per scope its tier
// requirement as every deciding source grants it (strict) and as at least one does (lenient), with
// the evidence behind it.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog/model.hpp"
#include "catalog/requirements.hpp"

namespace tierscope {

struct Evidence {
  std::string source, kind, as_of, url, note;  // kind: observed | docs-table | docs-guide | api-spec | docs-text | secondary
  bool decides = false;
  Grant grant;
  nlohmann::ordered_json requires_json;  // as written, for listings
};

// What a listing shows of a scope and a few diagnostics quote; an evaluation does not need it.
struct ScopeDetails {
  std::vector<std::string> notes;
  std::vector<Evidence> evidence;
};
struct LazyDetails;  // catalog.cpp
class NameIndex;     // suggest.hpp

struct Scope {
  std::string name, area, tier_text, confidence, retired_on;
  // confidence: observed | docs-table | docs-guide | api-spec | docs-text | secondary | unverified
  Requirement requirement = Requirement::Undocumented;  // strict.kind
  Grant strict;   // `requires`: where every deciding source grants it (Undocumented: unverified)
  Grant lenient;  // `requires_any_source`: where at least one does (absent in the file: = strict)
  int strict_id = -1, lenient_id = -1;  // the two in the catalog's Requirements
  bool sensitive = false, deprecated = false;
  std::vector<std::string> replaced_by;
  nlohmann::ordered_json requires_json, requires_any_source_json;  // as written (any-source: = requires if absent)
  bool retired() const { return !retired_on.empty(); }
  bool unverified() const { return strict.kind == Requirement::Undocumented; }
  // Its notes and evidence. The compiled-in catalog reads a scope's from its table on their first use
  // (thread-safe); a catalog read from JSON has them from the start.
  const ScopeDetails& details() const;
  std::shared_ptr<LazyDetails> lazy;  // set by the catalog reader
};

class Catalog {
 public:
  // Parses and validates; throws std::runtime_error with a readable message on failure.
  static std::shared_ptr<const Catalog> from_json(const std::string& text);
  // The compiled-in form (core/catalog_blob.py): no JSON parse; its scopes' details read on first use.
  static std::shared_ptr<const Catalog> from_blob(std::string_view bytes);
  static std::shared_ptr<const Catalog> builtin();

  std::string as_of;
  std::shared_ptr<const Model> model;
  std::vector<Scope> scopes;                       // catalog order
  std::map<std::string, std::string> aliases;      // alias -> canonical name
  // OAuth 1's read-only legacy names ("contacts-ro"): the name's suffix, and what marks a read scope
  // among the legacy scope's replacements (catalog legacy_read_only; empty suffix: none).
  std::string read_only_suffix, read_scope_suffix;
  Requirements requirements;                       // the scopes' distinct strict and lenient grants
  const Scope* find(std::string_view name) const;  // exact canonical name
  const std::string* alias_target(const std::string& name) const;  // the canonical name, or null
  // What the did-you-mean of unknown names reads (suggest.hpp): built on first use, then kept.
  const NameIndex& name_index() const;

 private:
  std::map<std::string, std::size_t> index_;
  // find()'s table, built on its first use: scope number + 1 (0: empty) by name_hash, open addressing, so a
  // lookup hashes the name once and compares it with one name or two (the map compared it with ~9).
  mutable std::once_flag table_once_;
  mutable std::vector<std::uint32_t> table_;
  mutable std::once_flag name_index_once_;
  mutable std::shared_ptr<const NameIndex> name_index_;  // shared: NameIndex is incomplete here
};

// The catalog every call uses (built-in unless replaced with set_current_catalog).
std::shared_ptr<const Catalog> current_catalog();
void set_current_catalog(std::shared_ptr<const Catalog> catalog);

}  // namespace tierscope
