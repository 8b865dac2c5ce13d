#include "calls/operations.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <set>

#include "input/input.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;

[[noreturn]] void bad(const std::string& message) {
  throw InputError("parse-error", "the operations table: " + message);
}

long version_rank(const std::string& v) {
  if (v.size() >= 2 && (v[0] == 'v' || v[0] == 'V') && v.find_first_not_of("0123456789", 1) == std::string::npos)
    return std::stol(v.substr(1));
  if (v.size() >= 7 && v[4] == '-' && v.substr(0, 4).find_first_not_of("0123456789") == std::string::npos &&
      v.substr(5, 2).find_first_not_of("0123456789") == std::string::npos)
    return 1000 + std::stol(v.substr(0, 4)) * 12 + std::stol(v.substr(5, 2));
  return 0;
}

bool param(const std::string& seg) { return seg.size() >= 2 && seg.front() == '{' && seg.back() == '}'; }

bool object_param_name(const std::string& seg) {
  static const std::set<std::string> names = {"{objecttype}",     "{objecttypeid}",   "{fromobjecttype}",
                                              "{fromobjecttypeid}", "{toobjecttype}", "{toobjecttypeid}"};
  return names.count(seg) > 0;
}

// v3, v4, 2026-03, 2026-09-beta: a version segment (matched loosely when no exact match exists).
bool version_segment(const std::string& s) {
  if (s.size() >= 2 && s[0] == 'v' && s.find_first_not_of("0123456789", 1) == std::string::npos) return true;
  return s.size() >= 7 && s[4] == '-' && version_rank(s.substr(0, 7)) > 1000;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!seg.empty()) out.push_back(param(seg) ? ascii_lower(seg) : ascii_lower(seg));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

const std::map<std::string, std::string>& type_ids() {
  static const std::map<std::string, std::string> ids = {
      {"0-1", "contacts"},      {"0-2", "companies"},           {"0-3", "deals"},        {"0-5", "tickets"},
      {"0-7", "products"},      {"0-8", "line_items"},          {"0-14", "quotes"},      {"0-18", "communications"},
      {"0-19", "feedback_submissions"}, {"0-27", "tasks"},      {"0-46", "notes"},       {"0-47", "meetings"},
      {"0-48", "calls"},        {"0-49", "emails"},             {"0-53", "invoices"},    {"0-54", "marketing_events"},
      {"0-69", "subscriptions"}, {"0-74", "goal_targets"},      {"0-101", "commerce_payments"}, {"0-115", "users"},
      {"0-116", "postal_mail"}, {"0-123", "orders"},            {"0-136", "leads"},      {"0-142", "carts"},
      {"0-162", "services"},    {"0-410", "courses"},           {"0-420", "listings"},   {"0-421", "appointments"}};
  return ids;
}

// The word an object's scopes use: crm.objects.<token>.read. Unknown names are custom objects.
std::string scope_token(const std::string& object) {
  static const std::map<std::string, std::string> special = {
      {"goal_targets", "goals"},         {"commerce_payments", "commercepayments"}, {"payments", "commercepayments"},
      {"partner_clients", "partner-clients"}, {"partner_services", "partner-services"}};
  static const std::set<std::string> standard = {
      "appointments", "calls", "carts", "companies", "contacts", "contracts", "courses", "deals", "emails",
      "feedback_submissions", "invoices", "leads", "line_items", "listings", "marketing_events", "meetings",
      "notes", "orders", "products", "projects", "quotes", "services", "subscriptions", "tasks", "tickets",
      "users", "communications", "postal_mail"};
  auto it = special.find(object);
  if (it != special.end()) return it->second;
  return standard.count(object) ? object : "custom";
}

bool in_family(const std::string& scope, const std::string& object, const std::string& token) {
  if (scope.rfind("crm.objects." + token + ".", 0) == 0 || scope.rfind("crm.schemas." + token + ".", 0) == 0) return true;
  if (object == "tickets") return scope == "tickets" || scope.rfind("tickets.", 0) == 0;
  if (object == "products" || object == "line_items") return scope == "e-commerce";
  return false;
}

// A scope's access word: 'r' (read), 'w' (write) or 0 (both: legacy scopes such as tickets).
char access_of(const std::string& scope) {
  if (scope.find("write") != std::string::npos) return 'w';
  if (scope.find("read") != std::string::npos) return 'r';
  return 0;
}

char access_of_call(const std::string& method, const std::vector<std::string>& segs) {
  if (method == "GET" || method == "HEAD") return 'r';
  const std::string last = segs.empty() ? "" : segs.back();
  return method == "POST" && (last == "search" || last == "read") ? 'r' : 'w';
}

// Specificity and preference of a matching operation (larger is better): literal segments position by
// position (1 per literal, 0 per parameter), then stable, public, modern, version. a's below b's?
bool rank_less(const Operations& t, const Operation& a, const Operation& b) {
  const std::size_t n = std::min(a.segments.size(), b.segments.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int x = param(a.segments[i]) || a.segments[i] == "*" ? 0 : 1;
    const int y = param(b.segments[i]) || b.segments[i] == "*" ? 0 : 1;
    if (x != y) return x < y;
  }
  if (a.segments.size() != b.segments.size()) return a.segments.size() < b.segments.size();
  const ApiInfo &p = t.apis[a.api], &q = t.apis[b.api];
  const int stable[2] = {p.beta ? 0 : 1, q.beta ? 0 : 1}, public_[2] = {a.internal ? 0 : 1, b.internal ? 0 : 1},
            modern[2] = {p.legacy ? 0 : 1, q.legacy ? 0 : 1};
  if (stable[0] != stable[1]) return stable[0] < stable[1];
  if (public_[0] != public_[1]) return public_[0] < public_[1];
  if (modern[0] != modern[1]) return modern[0] < modern[1];
  return p.version_rank < q.version_rank;
}

// loose_version: position of the call's version segment, matched against any version (-1: none).
bool matches(const Operation& op, const std::vector<std::string>& segs, int loose_version) {
  const auto& o = op.segments;
  bool rest = !o.empty() && o.back() == "*";
  std::size_t fixed = rest ? o.size() - 1 : o.size();
  if (rest ? segs.size() <= fixed : segs.size() != fixed) return false;
  for (std::size_t i = 0; i < fixed; ++i) {
    const std::string& a = o[i];
    const std::string& b = segs[i];
    if (param(a)) continue;
    if (static_cast<int>(i) == loose_version && version_segment(a)) continue;
    if (a != b) return false;
  }
  return true;
}

std::string start_key(const std::string& method, const std::string& first, std::size_t count) {
  return method + '\n' + first + '\n' + std::to_string(count);
}

const std::vector<int>& listed(const std::unordered_map<std::string, std::vector<int>>& index, const std::string& key) {
  static const std::vector<int> none;
  auto it = index.find(key);
  return it == index.end() ? none : it->second;
}

// a and b (sorted, no index in both) in one sorted list.
std::vector<int> merged(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out(a.size() + b.size());
  std::merge(a.begin(), a.end(), b.begin(), b.end(), out.begin());
  return out;
}

void build_index(Operations& t) {
  for (std::size_t k = 0; k < t.ops.size(); ++k) {
    const Operation& op = t.ops[k];
    const int i = static_cast<int>(k);
    if (op.segments.empty()) continue;  // matches the empty path only (a full scan) and is never near
    const std::string& first = op.segments.front();
    const bool any = param(first) || first == "*";
    if (any || op.segments.back() == "*") t.loose.push_back(i);
    else t.by_start[start_key(op.method, first, op.segments.size())].push_back(i);
    if (any) t.any_first.push_back(i);
    else t.by_first[first].push_back(i);
    if (version_segment(first)) t.version_first.push_back(i);
  }
  for (std::size_t k = 0; k < t.ops.size(); ++k) {
    const Operation& op = t.ops[k];
    if (op.object_param() || t.apis[op.api].beta) continue;
    for (const auto& s : op.segments) {
      std::vector<int>& list = t.by_segment[s];
      if (list.empty() || list.back() != static_cast<int>(k)) list.push_back(static_cast<int>(k));
    }
  }
}

const Operation* best(const Operations& t, const std::string& method, const std::vector<std::string>& segs,
                      int loose_version, bool stable_only = false) {
  const Operation* found = nullptr;
  auto consider = [&](const Operation& op) {
    if (op.method != method || (stable_only && t.apis[op.api].beta) || !matches(op, segs, loose_version)) return;
    if (!found || rank_less(t, *found, op)) found = &op;
  };
  // In table order, as a scan of every operation would meet them (the first of equal rank wins).
  if (segs.empty() || loose_version == 0) {
    for (const auto& op : t.ops) consider(op);
  } else {
    // The two sorted lists merged as they are read (std::merge's order: no index is in both).
    const std::vector<int>& a = listed(t.by_start, start_key(method, segs[0], segs.size()));
    const std::vector<int>& b = t.loose;
    std::size_t i = 0, j = 0;
    while (i < a.size() || j < b.size())
      consider(t.ops[j == b.size() || (i < a.size() && a[i] <= b[j]) ? a[i++] : b[j++]]);
  }
  return found;
}

std::vector<ScopeSet> sets_of(const Operations& t, const Operation& op) {
  std::vector<ScopeSet> out;
  for (int i : op.alternatives) out.push_back(t.scope_sets[i]);
  return out;
}

// Generic: an object parameter and alternatives that name several objects' scopes (the union).
bool is_generic(const Operations& t, const Operation& op) {
  if (!op.object_param()) return false;
  std::set<std::string> tokens;
  for (int i : op.alternatives)
    for (const auto& s : t.scope_sets[i])
      for (const char* prefix : {"crm.objects.", "crm.schemas."})
        if (s.rfind(prefix, 0) == 0) tokens.insert(s.substr(12, s.find('.', 12) - 12));
  return tokens.size() > 1;
}

// The object's own alternatives when the generic operation's union has none for this access: what
// the object's specific operations of the same access accept.
std::vector<ScopeSet> own_operations(const Operations& t, const std::string& object, char access) {
  std::set<ScopeSet> out;
  for (int k : listed(t.by_segment, object)) {  // the stable operations without an object parameter that name it
    const Operation& op = t.ops[k];
    if (access_of_call(op.method, op.segments) != access) continue;
    for (int i : op.alternatives) out.insert(t.scope_sets[i]);
  }
  return {out.begin(), out.end()};
}

// One object's alternatives from a generic operation: that object's scopes, of the call's access.
std::vector<ScopeSet> narrow_one(const Operations& t, const Operation& op, const std::string& object, char access) {
  const std::string token = scope_token(object);
  std::vector<ScopeSet> out;
  // An object the spec has operations of its own for (fees, discounts, taxes, ...) takes their scopes,
  // never the custom objects' ones: only an object the spec does not know is a custom object.
  if (token == "custom") {
    out = own_operations(t, object, access);
    if (!out.empty()) return out;
  }
  for (int i : op.alternatives) {
    const ScopeSet& set = t.scope_sets[i];
    bool keep = std::all_of(set.begin(), set.end(), [&](const std::string& s) {
      char a = access_of(s);
      return in_family(s, object, token) && (a == 0 || a == access);
    });
    if (keep) out.push_back(set);
  }
  if (out.empty()) out = own_operations(t, object, access);
  // The sensitive-data variants (…sensitive.read.v2) are for sensitive properties: an ordinary call
  // needs the plain scope, so they are left out when a plain one is there.
  auto sensitive = [](const ScopeSet& set) {
    return std::any_of(set.begin(), set.end(), [](const std::string& s) { return s.find("sensitive") != std::string::npos; });
  };
  if (!std::all_of(out.begin(), out.end(), sensitive)) out.erase(std::remove_if(out.begin(), out.end(), sensitive), out.end());
  return out;
}

void narrow(const Operations& t, const Operation& op, const std::vector<std::string>& segs, const std::string& method,
            Match& m) {
  std::vector<std::vector<ScopeSet>> per_object;
  for (std::size_t i = 0; i < op.segments.size() && i < segs.size(); ++i) {
    if (!object_param_name(op.segments[i])) continue;
    if (template_segment(segs[i])) {
      m.problem = "generic-object";
      m.alternatives.clear();
      return;
    }
    std::string object = object_for_type_id(segs[i]);
    if (object.empty()) object = segs[i];
    m.objects.push_back(object);
    const char access = access_of_call(method, segs);
    auto alts = narrow_one(t, op, object, access);
    if (alts.empty() && access == 'w' && !own_operations(t, object, 'r').empty() && scope_token(object) == "custom") {
      m.problem = "read-only-object";  // the spec reads the object but has no write of it
      m.alternatives.clear();
      return;
    }
    if (alts.empty()) {
      m.problem = "unknown-object";
      m.alternatives.clear();
      return;
    }
    per_object.push_back(std::move(alts));
  }
  // Several objects (associations): one alternative of each, together.
  std::vector<ScopeSet> combos = {{}};
  for (const auto& alts : per_object) {
    std::vector<ScopeSet> next;
    for (const auto& c : combos)
      for (const auto& a : alts) {
        ScopeSet s = c;
        s.insert(s.end(), a.begin(), a.end());
        std::sort(s.begin(), s.end());
        s.erase(std::unique(s.begin(), s.end()), s.end());
        if (std::find(next.begin(), next.end(), s) == next.end() && next.size() < 64) next.push_back(std::move(s));
      }
    combos = std::move(next);
  }
  m.alternatives = per_object.empty() ? sets_of(t, op) : combos;
}

std::vector<const Operation*> nearest(const Operations& t, const std::string& method, const std::vector<std::string>& segs) {
  std::vector<std::pair<double, const Operation*>> scored;
  // The same resource: the call's last word (clone, merge, search) is the operation's last word.
  std::string last_word;
  for (auto it = segs.rbegin(); it != segs.rend() && last_word.empty(); ++it)
    if (!template_segment(*it) && !version_segment(*it)) last_word = *it;
  // Only an operation whose first segment goes on from the call's can score above 1 (a different
  // literal first scores 0.5 at most): those, in table order; every one when the call starts with an id.
  std::vector<int> candidates;
  if (segs.empty()) return {};
  if (template_segment(segs[0])) {
    for (std::size_t k = 0; k < t.ops.size(); ++k) candidates.push_back(static_cast<int>(k));
  } else {
    candidates = merged(listed(t.by_first, segs[0]), t.any_first);
    if (version_segment(segs[0])) {
      candidates = merged(candidates, t.version_first);
      candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());  // a version both ways
    }
  }
  for (int k : candidates) {
    const Operation& op = t.ops[k];
    double score = op.method == method ? 0.5 : 0;
    std::size_t n = std::min(op.segments.size(), segs.size());
    std::size_t i = 0;
    for (; i < n; ++i) {
      if (op.segments[i] == segs[i]) score += 1;
      else if (param(op.segments[i]) || op.segments[i] == "*") score += 0.4;
      else if (version_segment(op.segments[i]) && version_segment(segs[i])) score += 0.7;
      else if (template_segment(segs[i])) score += 0.1;  // an id where the operation has a word: go on
      else break;  // a different literal: the rest of the path is another API
    }
    if (i >= 2 && !last_word.empty() && !op.segments.empty() && op.segments.back() == last_word) score += 0.8;
    score -= 0.3 * std::abs(static_cast<double>(op.segments.size()) - static_cast<double>(segs.size()));
    if (t.apis[op.api].beta) score -= 0.2;
    if (score > 1) scored.emplace_back(score, &op);
  }
  std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return t.apis[a.second->api].version_rank > t.apis[b.second->api].version_rank;
  });
  std::vector<const Operation*> out;
  for (const auto& s : scored) {
    if (out.size() == 3) break;
    out.push_back(s.second);
  }
  return out;
}

std::shared_ptr<const Operations>& slot() {
  static std::shared_ptr<const Operations> s;
  return s;
}
std::mutex& slot_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

bool Operation::object_param() const {
  return std::any_of(segments.begin(), segments.end(), object_param_name);
}

bool template_segment(std::string_view s) {
  // {id}, {{id}}, ${id} (a JS template literal), <id>, :id
  if (s.size() >= 3 && s[0] == '$' && s[1] == '{' && s.back() == '}') return true;
  return s.size() >= 2 && ((s.front() == '{' && s.back() == '}') || (s.front() == '<' && s.back() == '>') || s.front() == ':');
}

std::string object_for_type_id(std::string_view id) {
  auto it = type_ids().find(std::string(id));
  return it == type_ids().end() ? "" : it->second;
}

std::string type_id_for_object(std::string_view name) {
  for (const auto& [id, object] : type_ids())
    if (object == name) return id;
  return "";
}

std::shared_ptr<const Operations> Operations::from_json(std::string_view text) {
  json doc = parse_json(text, "the operations table");
  if (!doc.is_object() || doc.value("format", 0) != 1) bad("expected an object with \"format\": 1 (data/api-operations.json)");
  auto t = std::make_shared<Operations>();
  t->source = doc.value("source", "");
  t->commit = doc.value("commit", "");
  const json& sets = doc["scope_sets"];
  const json& apis = doc["apis"];
  const json& lists = doc["alternatives"];
  const json& ops = doc["operations"];
  if (!sets.is_array() || !lists.is_array() || !apis.is_array() || !ops.is_array())
    bad("scope_sets, alternatives, apis and operations must be arrays");
  for (const auto& s : sets) {
    if (!s.is_array()) bad("each scope set must be an array of names");
    ScopeSet set;
    for (const auto& n : s) {
      if (!n.is_string()) bad("scope names must be strings");
      set.push_back(n.get<std::string>());
    }
    std::sort(set.begin(), set.end());
    t->scope_sets.push_back(std::move(set));
  }
  std::vector<std::vector<int>> alt_lists;
  for (const auto& l : lists) {
    if (!l.is_array()) bad("each alternatives entry must be an array of scope set indexes");
    std::vector<int> list;
    for (const auto& i : l) {
      if (!i.is_number_unsigned() || i.get<std::size_t>() >= t->scope_sets.size()) bad("an alternative is not a scope set index");
      list.push_back(i.get<int>());
    }
    alt_lists.push_back(std::move(list));
  }
  for (const auto& a : apis) {
    if (!a.is_array() || a.size() != 3 || !a[0].is_string() || !a[1].is_string() || !a[2].is_number_unsigned())
      bad("each api must be [name, version, flags]");
    ApiInfo info;
    info.name = a[0].get<std::string>();
    info.version = a[1].get<std::string>();
    unsigned flags = a[2].get<unsigned>();
    info.beta = flags & 1;
    info.legacy = flags & 2;
    info.query = flags & 4;
    info.version_rank = version_rank(info.version);
    t->apis.push_back(std::move(info));
  }
  for (const auto& o : ops) {
    if (!o.is_array() || o.size() != 5 || !o[0].is_number_unsigned() || !o[1].is_string() || !o[2].is_string() ||
        !o[3].is_number_unsigned() || o[3].get<std::size_t>() >= alt_lists.size())
      bad("each operation must be [api, method, path, alternatives, internal]");
    Operation op;
    op.api = o[0].get<int>();
    if (op.api < 0 || static_cast<std::size_t>(op.api) >= t->apis.size()) bad("an operation names an api that is not listed");
    op.method = o[1].get<std::string>();
    op.path = o[2].get<std::string>();
    op.segments = split_path(op.path);
    op.alternatives = alt_lists[o[3].get<std::size_t>()];
    op.internal = o[4].is_number() && o[4].get<int>() != 0;
    op.generic = is_generic(*t, op);
    t->ops.push_back(std::move(op));
  }
  build_index(*t);
  // Legacy APIs' status (optional: tables written before it have none).
  if (doc.contains("retirements")) {
    const json& r = doc["retirements"];
    if (!r.is_array()) bad("retirements must be an array");
    for (const auto& e : r) {
      if (!e.is_array() || e.size() != 4 || !e[0].is_number_unsigned() || e[0].get<std::size_t>() >= t->apis.size() ||
          !e[1].is_string() || !e[2].is_string() || !e[3].is_string())
        bad("each retirement must be [api, status, date, replacement]");
      ApiInfo& a = t->apis[e[0].get<std::size_t>()];
      a.status = e[1].get<std::string>();
      a.date = e[2].get<std::string>();
      a.replacement = e[3].get<std::string>();
      if (a.status != "legacy" && a.status != "retiring" && a.status != "retired")
        bad("a retirement's status must be legacy, retiring or retired, not " + quote_name(a.status));
    }
  }
  // Data scopes of query APIs (optional: tables written before them have none).
  if (doc.contains("data_scopes")) {
    const json& d = doc["data_scopes"];
    if (!d.is_array()) bad("data_scopes must be an array");
    for (const auto& e : d) {
      if (!e.is_array() || e.size() != 2 || !e[0].is_number_unsigned() || e[0].get<std::size_t>() >= t->apis.size() ||
          !e[1].is_array())
        bad("each data_scopes entry must be [api, [pattern, ...]]");
      ApiInfo& a = t->apis[e[0].get<std::size_t>()];
      for (const auto& p : e[1]) {
        if (!p.is_string() || p.get<std::string>().empty()) bad("a data scope pattern must be a non-empty string");
        a.data_scopes.push_back(p.get<std::string>());
      }
    }
  }
  return t;
}

bool ApiInfo::data_scope(const std::string& name) const {
  for (const auto& p : data_scopes) {
    auto star = p.find('*');
    if (star == std::string::npos ? name == p
                                  : name.size() >= p.size() - 1 && name.compare(0, star, p, 0, star) == 0 &&
                                        name.compare(name.size() - (p.size() - star - 1), std::string::npos, p, star + 1) == 0)
      return true;
  }
  return false;
}

std::shared_ptr<const Operations> current_operations() {
  std::lock_guard<std::mutex> lock(slot_mutex());
  return slot();
}

std::shared_ptr<const Operations> loaded_operations() {
  auto table = current_operations();
  if (!table) throw InputError("internal-error", "no operations table is loaded (load_operations)");
  return table;
}

void set_current_operations(std::shared_ptr<const Operations> ops) {
  std::lock_guard<std::mutex> lock(slot_mutex());
  slot() = std::move(ops);
}

Match match_call(const Operations& t, const std::string& method, const std::vector<std::string>& segs) {
  Match m;
  const Operation* op = best(t, method, segs, -1);
  m.how = "exact";
  // A type id where the spec has no operation for it: read it as the object's name.
  if (!op || op->generic) {
    // ... or a name where the spec writes the object by its type id (/crm/v3/objects/0-3 for deals).
    for (bool to_name : {true, false}) {
      std::vector<std::string> named = segs;
      bool changed = false;
      for (auto& s : named) {
        std::string other = to_name ? object_for_type_id(s) : type_id_for_object(s);
        if (!other.empty()) {
          s = other;
          changed = true;
        }
      }
      if (!changed) continue;
      if (const Operation* o = best(t, method, named, -1); o && !o->generic) {
        op = o;
        m.how = "type-id";
        break;
      }
    }
  }
  if (!op) {
    for (std::size_t i = 0; i < segs.size() && !op; ++i)
      if (version_segment(segs[i])) {
        op = best(t, method, segs, static_cast<int>(i), true);
        if (!op) op = best(t, method, segs, static_cast<int>(i));
        m.how = "other-version";
      }
  }
  // /crm/v3/objects/x <-> /crm/objects/2026-03/x, /settings/v3/users <-> /settings/users/2026-03: the
  // version segment and the word after it swap places between the numbered and the dated APIs.
  for (std::size_t i = 0; i + 1 < segs.size() && !op; ++i) {
    if (!version_segment(segs[i]) && !version_segment(segs[i + 1])) continue;
    std::vector<std::string> swapped = segs;
    std::swap(swapped[i], swapped[i + 1]);
    int v = static_cast<int>(version_segment(segs[i]) ? i + 1 : i);
    if (template_segment(swapped[i]) || template_segment(swapped[i + 1])) continue;
    op = best(t, method, swapped, v, true);
    if (!op) op = best(t, method, swapped, v);
    if (op) {
      m.how = "other-version";
      if (op->object_param()) {  // the dated file may list one object's scopes only: narrow to the call's
        narrow(t, *op, swapped, method, m);
        m.op = op;
        return m;
      }
    }
  }
  if (!op) {
    m.how = "none";
    m.nearest = nearest(t, method, segs);
    return m;
  }
  m.op = op;
  if (op->generic || (m.how == "other-version" && op->object_param())) narrow(t, *op, segs, method, m);
  else m.alternatives = sets_of(t, *op);
  return m;
}

}  // namespace tierscope
