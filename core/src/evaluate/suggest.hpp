// Did-you-mean for unknown scope names, by HubSpot's scope grammar (docs/report.md, "Did you mean").
#pragma once
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "catalog/catalog.hpp"

namespace tierscope {

struct NameAdvice {
  std::vector<std::string> fix;      // confident: replace the name with all of these (a one-click fix)
  std::vector<std::string> guesses;  // by spelling only: said in the message, never offered as a fix
  std::string why;                   // a sentence on the fix, or on what HubSpot lacks; may be empty
  bool resembles = false;            // the name parses as a known family/object, or something is near it
};

// A name worked out once: its advice, and its unknown-scope diagnostic as request.cpp words it
// (unknown_scope_message), so a check words only the names it has not seen before.
struct Advised {
  NameAdvice advice;
  std::string message;  // the unknown-scope diagnostic's message
  std::string action;   // its suggestion: "replace" (with advice.fix), "" (it resembles a scope) or "remove"
};

// What the catalog's names say about the grammar (families, objects, access words), built once per
// catalog and reused for every unknown name of a request. advise() is a function of the name alone: its
// answers are kept in kMemo slots (four per hash of the name, the least recently used one replaced), so
// a name asked again (by the request and by the evaluation of the same check, and by every later check
// while the user types around it) costs a hash and a few compares.
class NameIndex {
 public:
  explicit NameIndex(const Catalog& catalog);
  NameAdvice advise(const std::string& name) const { return advised(name)->advice; }
  std::shared_ptr<const Advised> advised(const std::string& name) const;  // shared with the memo: no copy
  static constexpr std::size_t kMemo = 4096;

  struct Parts {
    std::string family;  // "crm.objects" | "crm.schemas" | ... ; "" for other names (tickets, files.read)
    std::string object;  // object key: lower case, '_' for '-', each dot part singular; "" when not known
    std::string sens;    // "" | "sensitive" | "highly_sensitive"
    std::string access;  // "read" | "write" | "read_write" | ... ; "" for a bare name (reads and writes)
    bool v2 = false, grammar = false, unresolved = false;  // grammar: crm.<family>...; unresolved: a part unread
    std::string name;    // the catalog name, or the object as the user wrote it
  };

 private:
  NameAdvice work_out(const std::string& name) const;  // advise() without the memo and the message
  Parts parse(const std::string& name, bool fuzzy) const;
  std::string resolve_object(std::string key) const;  // "" when no object is surely meant
  std::vector<Parts> entries_;                                  // catalog names, parsed
  std::vector<std::string> families_, objects_, access_vocab_, sens_vocab_;
  std::vector<std::pair<std::string, std::size_t>> spellings_;  // names and aliases -> entry
  std::vector<std::string> lower_;                              // each spelling in lower case
  std::string as_of_;                                           // the catalog's date, said in the messages
  mutable std::mutex memo_mutex_;
  mutable unsigned tick_ = 0;  // the memo's clock: each slot keeps the tick of its last use
  struct Slot {
    bool used = false;
    unsigned tick = 0;
    std::string name;
    std::shared_ptr<const Advised> advised;
  };
  mutable Slot memo_[kMemo];
};

}  // namespace tierscope
