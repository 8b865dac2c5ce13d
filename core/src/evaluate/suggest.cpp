#include "evaluate/suggest.hpp"

#include <algorithm>
#include <cstdint>

#include "input/request.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

using Parts = NameIndex::Parts;

std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s + ".") {
    if (c != '.') { cur += c; continue; }
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  }
  return out;
}

// A word's spelling key: lower case, '_' for '-', singular ("companies" -> "company", "tickets" -> "ticket").
std::string word_key(std::string w) {
  w = ascii_lower(w);
  std::replace(w.begin(), w.end(), '-', '_');
  std::size_t n = w.size();
  if (n > 4 && w.compare(n - 3, 3, "ies") == 0) return w.replace(n - 3, 3, "y");
  if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') w.pop_back();
  return w;
}

std::string stem_key(const std::vector<std::string>& t, std::size_t end) {
  std::string out;
  for (std::size_t i = 0; i < end; ++i) (out += i ? "." : "") += word_key(t[i]);
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (!contains(v, s)) v.push_back(s);
}

// The one word of `words` within `max_d` edits of `w`, when no other word is as near.
std::string nearest_word(const std::string& w, const std::vector<std::string>& words, std::size_t max_d) {
  std::string best;
  std::size_t best_d = max_d + 1;
  bool tie = false;
  for (const auto& c : words) {
    std::size_t d = edit_distance(w, c, max_d);
    if (d == best_d) tie = true;
    if (d < best_d) { best_d = d; best = c; tie = false; }
  }
  return best_d <= max_d && !tie ? best : "";
}

// The access a candidate grants covers the access asked for: the same word, a bare legacy name (reads and
// writes), or read_write for read or write. Never read for write.
bool covers(const std::string& candidate, const std::string& asked) {
  return candidate == asked || candidate.empty() || (candidate == "read_write" && (asked == "read" || asked == "write"));
}
}  // namespace

const NameIndex& Catalog::name_index() const {
  std::call_once(name_index_once_, [this] { name_index_ = std::make_shared<const NameIndex>(*this); });
  return *name_index_;
}

NameIndex::NameIndex(const Catalog& catalog) : as_of_(catalog.as_of) {
  for (const auto& s : catalog.scopes) {  // the crm.<family>.<object>[.<sens>].<access>[.v2] words
    auto t = split_dots(ascii_lower(s.name));
    if (t.size() > 1 && t.back() == "v2") t.pop_back();
    if (t.size() < 4 || t.size() > 5 || t[0] != "crm") continue;
    add_unique(families_, t[1]);
    add_unique(access_vocab_, t.back());
    if (t.size() == 5) add_unique(sens_vocab_, t[3]);
  }
  access_vocab_.push_back("read_write");
  for (const auto& s : catalog.scopes) {
    if (s.retired()) continue;  // never proposed: HubSpot rejects it too
    spellings_.push_back({s.name, entries_.size()});
    entries_.push_back(parse(s.name, false));
    entries_.back().name = s.name;
    add_unique(objects_, entries_.back().object);
  }
  for (const auto& [alias, target] : catalog.aliases)
    for (std::size_t i = 0; i < entries_.size(); ++i)
      if (entries_[i].name == target) spellings_.push_back({alias, i});
  for (const auto& sp : spellings_) lower_.push_back(ascii_lower(sp.first));
}

std::string NameIndex::resolve_object(std::string k) const {
  if (k == "workflow") k = "automation";  // the one legacy name the catalog cannot say: workflows are automation
  if (contains(objects_, k)) return k;
  if (k.size() < 5) return "";
  // One typo away from exactly one object, and no other object within two edits (one pass: each
  // distance is worked out once).
  std::string one;
  int near = 0;
  for (const auto& o : objects_) {
    std::size_t d = edit_distance(k, o, 2);
    if (d <= 2 && ++near > 1) return "";
    if (d <= 1) one = o;
  }
  return one;
}

// Catalog names (fuzzy false) are read as written; a user's name (fuzzy) has each part resolved.
Parts NameIndex::parse(const std::string& name, bool fuzzy) const {
  Parts p;
  auto t = split_dots(ascii_lower(trim(name)));
  p.v2 = t.size() > 1 && t.back() == "v2";
  if (p.v2) t.pop_back();
  std::size_t n = t.size();
  auto pick = [&](const std::string& word, const std::vector<std::string>& vocab) -> std::string {
    std::string k = ascii_lower(word);
    std::replace(k.begin(), k.end(), '-', '_');
    if (k == "readwrite") k = "read_write";
    return contains(vocab, k) ? k : fuzzy ? nearest_word(k, vocab, 2) : "";
  };
  std::string fam;
  if (n >= 4 && n <= 5 && (t[0] == "crm" || (fuzzy && edit_distance(t[0], "crm", 1) <= 1))) {
    fam = contains(families_, t[1]) ? t[1] : "";
    for (const auto& f : families_)
      if (fuzzy && fam.empty() && word_key(f) == word_key(t[1])) fam = f;
    if (fuzzy && fam.empty()) fam = nearest_word(t[1], families_, 2);
  }
  if (!fam.empty()) {  // crm.<family>.<object>[.<sens>].<access>
    p.family = concat({"crm.", fam});
    p.grammar = true;
    p.name = t[2];
    p.object = fuzzy ? resolve_object(word_key(t[2])) : word_key(t[2]);
    if (n == 5) p.sens = pick(t[3], sens_vocab_);
    p.access = pick(t[n - 1], access_vocab_);
    p.unresolved = (n == 5 && p.sens.empty()) || p.access.empty();
    return p;
  }
  if (fuzzy && n > 0) {  // the whole name as a legacy name of its own (tickets, e-commerce, automation)
    p.object = resolve_object(stem_key(t, n));
    p.name = trim(name);
    for (const auto& e : entries_)
      if (!p.object.empty() && e.object == p.object && e.family.empty() && e.access.empty() && e.sens.empty()) return p;
    p.object.clear();
  }
  std::size_t end = n;  // <object>[.<sens>][.<access>]: tickets.read, files.raed, tickets.sensitve
  if (end >= 2 && !(p.access = pick(t[end - 1], access_vocab_)).empty()) --end;
  if (end >= 2 && !(p.sens = pick(t[end - 1], sens_vocab_)).empty()) --end;
  p.object = stem_key(t, end);
  if (fuzzy) p.object = resolve_object(p.object);
  if (p.object.empty()) p.access.clear(), p.sens.clear();  // not a known object: the split means nothing
  p.name.clear();
  for (std::size_t i = 0; i < end; ++i) (p.name += i ? "." : "") += t[i];
  return p;
}

std::shared_ptr<const Advised> NameIndex::advised(const std::string& name) const {
  const std::uint32_t h = name_hash(name);
  // Four slots per hash (the older one is replaced): 300 names in 4096 single slots collided often
  // enough that two names taking turns in one slot were worked out again twice per check.
  Slot* set = &memo_[h % kMemo & ~std::size_t{3}];
  std::lock_guard<std::mutex> lock(memo_mutex_);
  Slot* slot = set;  // the name's slot, else the least recently used one (an unused one has tick 0)
  for (Slot* s = set; s != set + 4; ++s) {
    if (s->used && s->name == name) { slot = s; break; }
    if (s->tick < slot->tick) slot = s;
  }
  if (!slot->used || slot->name != name) {
    auto a = std::make_shared<Advised>();
    a->advice = work_out(name);
    a->message = unknown_scope_message(name, a->advice, as_of_);
    a->action = !a->advice.fix.empty() ? "replace" : a->advice.resembles ? "" : "remove";
    slot->advised = std::move(a);
    slot->name = name;
    slot->used = true;
  }
  slot->tick = ++tick_;
  return slot->advised;
}

NameAdvice NameIndex::work_out(const std::string& name) const {
  NameAdvice out;
  std::string lower = ascii_lower(trim(name));
  for (std::size_t k = 0; k < spellings_.size(); ++k)  // 1. the same name but for case, or an alias
    if (lower_[k] == lower) {
      out.fix = {entries_[spellings_[k].second].name};
      out.resembles = true;
      return out;
    }
  // 2. The same object and sensitivity with access that covers what was asked; the same family, or for
  // crm.objects and the other names each other's (tickets is HubSpot's scope for ticket records).
  Parts a = parse(name, true);
  if (!a.object.empty() && !a.unresolved) {
    out.resembles = true;
    bool bare = a.access.empty() && a.sens.empty();
    const Parts* best = nullptr;
    int best_rank = 99;
    std::vector<std::string> have;
    for (const auto& e : entries_) {
      bool family_ok = e.family == a.family || (a.family == "crm.objects" && e.family.empty()) ||
                       (a.family.empty() && e.family == "crm.objects");
      if (e.object != a.object || !family_ok) continue;
      if (!bare || e.sens.empty()) have.push_back(e.name);
      if (e.sens != a.sens) continue;
      int rank = (e.family == a.family ? 0 : 4) + (e.access == a.access ? 0 : 2) + (e.v2 == a.v2 ? 0 : 1);
      if (covers(e.access, a.access) && rank < best_rank) best_rank = rank, best = &e;
    }
    if (best) {
      out.fix = {best->name};
      if (best->access != a.access && !a.access.empty())
        out.why = concat({quote_name(best->name), " grants reading and writing."});
      return out;
    }
    if (!bare) {
      out.why = concat({"HubSpot has no ", a.sens.empty() ? "" : a.sens == "highly_sensitive" ? "highly sensitive " : "sensitive ",
                        a.access, " scope for ", quote_name(a.name), a.family.empty() ? "" : " in ", a.family,
                        have.empty() ? "" : " (only ", join(have, ", "), have.empty() ? "." : "); no fix."});
      return out;
    }
  }
  // 3. Spelling only, said in words: never a name that grants less than the access asked for, never another
  // object when the object is known; for an unknown object of a known family, the objects a typo or two away.
  bool by_object = a.grammar && a.object.empty() && !a.unresolved;
  std::size_t limit = by_object ? 2 : std::max<std::size_t>(2, lower.size() / 5), best = limit + 1;
  std::string key = word_key(a.name);
  for (std::size_t k = 0; k < spellings_.size(); ++k) {
    const Parts& e = entries_[spellings_[k].second];
    if ((!a.access.empty() && !covers(e.access, a.access)) || (!a.family.empty() && e.family != a.family) ||
        (!a.object.empty() && e.object != a.object) || (by_object && e.sens != a.sens))
      continue;
    std::size_t d = by_object ? edit_distance(key, e.object, limit) : edit_distance(lower, lower_[k], limit);
    if (d < best) best = d, out.guesses.clear();
    if (d == best && d <= limit && !contains(out.guesses, e.name)) out.guesses.push_back(e.name);
  }
  if (out.guesses.size() > 3) out.guesses.resize(3);
  out.resembles = a.grammar || !out.guesses.empty();
  if (by_object && out.guesses.empty()) out.why = concat({"tierscope knows no object ", quote_name(a.name), " in ", a.family, "."});
  return out;
}

}  // namespace tierscope
