#include "suggest.hpp"

#include <algorithm>
#include <map>

#include "text.hpp"

namespace tierscope {
namespace {

using Parts = NameIndex::Parts;

// Legacy names the catalog cannot say on its own: object key -> the object key of HubSpot's scope for it.
const std::map<std::string, std::string>& legacy_objects() {
  static const std::map<std::string, std::string> m = {{"workflow", "automation"}};
  return m;
}

std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t dot = s.find('.', start);
    std::string part = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (!part.empty()) out.push_back(part);
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

// A word's spelling key: lower case, '_' for '-', singular ("companies" -> "company", "tickets" -> "ticket").
std::string word_key(std::string w) {
  w = ascii_lower(w);
  std::replace(w.begin(), w.end(), '-', '_');
  if (w.size() > 4 && w.compare(w.size() - 3, 3, "ies") == 0) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  return w;
}

std::string stem_key(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) out += (i > from ? "." : "") + word_key(parts[i]);
  return out;
}

std::string access_key(const std::string& w) {
  std::string k = ascii_lower(w);
  std::replace(k.begin(), k.end(), '-', '_');
  return k == "readwrite" || k == "read_and_write" ? "read_write" : k;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// The one word of `words` within `max_d` edits of `w`, when no other word is as near.
std::string nearest_word(const std::string& w, const std::vector<std::string>& words, std::size_t max_d) {
  std::string best;
  std::size_t best_d = max_d + 1;
  bool tie = false;
  for (const auto& c : words) {
    std::size_t d = edit_distance(w, c, max_d);
    if (d < best_d) { best_d = d; best = c; tie = false; }
    else if (d == best_d) tie = true;
  }
  return best_d <= max_d && !tie ? best : "";
}

// Access the candidate grants covers the access asked for: the same word, a bare legacy name (reads and
// writes), or read_write for read or write. Never read for write.
bool covers(const std::string& candidate, const std::string& asked) {
  if (candidate == asked || candidate.empty()) return true;
  return candidate == "read_write" && (asked == "read" || asked == "write");
}

std::string access_words(const std::string& access) {
  return access == "read_write" ? "read-and-write" : access.empty() ? "" : access;
}
}  // namespace

NameIndex::NameIndex(const Catalog& catalog) {
  std::vector<std::vector<std::string>> split;
  std::map<std::string, std::size_t> entry_of;
  for (const auto& s : catalog.scopes) {
    if (s.retired()) continue;  // never proposed: HubSpot rejects it too
    entry_of[s.name] = entries_.size();
    auto parts = split_dots(ascii_lower(s.name));
    bool v2 = parts.size() > 1 && parts.back() == "v2";
    if (v2) parts.pop_back();
    if (parts.size() >= 4 && parts.size() <= 5 && parts[0] == "crm" && !contains(families_, parts[1]))
      families_.push_back(parts[1]);
    Parts p;
    p.v2 = v2;
    p.name = s.name;
    entries_.push_back(p);
    split.push_back(parts);
  }
  for (const auto& s : catalog.scopes)
    if (entry_of.count(s.name)) spellings_.push_back({s.name, entry_of[s.name]});
  for (const auto& [alias, target] : catalog.aliases)
    if (entry_of.count(target)) spellings_.push_back({alias, entry_of[target]});
  // Access and sensitivity words: what the crm.<family>.<object>[.<sens>].<access> names use.
  std::vector<std::string> access_vocab, sens_vocab;
  for (const auto& t : split)
    if (t.size() >= 4 && t.size() <= 5 && t[0] == "crm" && contains(families_, t[1])) {
      if (!contains(access_vocab, t.back())) access_vocab.push_back(t.back());
      if (t.size() == 5 && !contains(sens_vocab, t[3])) sens_vocab.push_back(t[3]);
    }
  if (contains(access_vocab, "read") && contains(access_vocab, "write")) access_vocab.push_back("read_write");
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const auto& t = split[i];
    Parts& p = entries_[i];
    std::size_t end = t.size();
    if (t.size() >= 4 && t.size() <= 5 && t[0] == "crm" && contains(families_, t[1])) {
      p.family = "crm." + t[1];
      p.object = word_key(t[2]);
      if (t.size() == 5) p.sens = t[3];
      p.access = t.back();
    } else {
      if (end >= 2 && contains(access_vocab, t[end - 1])) p.access = t[--end];
      if (end >= 2 && contains(sens_vocab, t[end - 1])) p.sens = t[--end];
      p.object = stem_key(t, 0, end);
    }
    if (!contains(objects_, p.object)) objects_.push_back(p.object);
  }
  access_vocab_ = access_vocab;
  sens_vocab_ = sens_vocab;
}

std::string NameIndex::resolve_object(const std::string& key) const {
  auto legacy = legacy_objects().find(key);
  std::string k = legacy == legacy_objects().end() ? key : legacy->second;
  if (contains(objects_, k)) return k;
  if (k.size() < 5) return "";
  // One typo away from exactly one object, and no other object within two edits.
  std::string one = nearest_word(k, objects_, 1);
  if (one.empty()) return "";
  for (const auto& o : objects_)
    if (o != one && edit_distance(k, o, 2) <= 2) return "";
  return one;
}

NameAdvice NameIndex::advise(const std::string& name) const {
  NameAdvice out;
  std::string lower = ascii_lower(trim(name));
  // 1. The same name but for case, or a known alias.
  for (const auto& [spelling, i] : spellings_)
    if (ascii_lower(spelling) == lower) {
      out.fix = {entries_[i].name};
      out.resembles = true;
      return out;
    }
  // 2. The grammar: crm.<family>.<object>[.<sens>].<access>[.v2], or <object>[.<sens>][.<access>].
  auto t = split_dots(lower);
  Parts asked;
  asked.v2 = t.size() > 1 && t.back() == "v2";
  if (asked.v2) t.pop_back();
  std::string shown_object;  // the object as the user wrote it, for messages
  bool grammar = false, unresolved_part = false;
  if (t.size() >= 4 && t.size() <= 5 && edit_distance(t[0], "crm", 1) <= 1) {
    std::string fam = contains(families_, t[1]) ? t[1] : "";
    if (fam.empty())
      for (const auto& f : families_)
        if (word_key(f) == word_key(t[1])) fam = f;
    if (fam.empty()) fam = nearest_word(t[1], families_, 2);
    if (!fam.empty()) {
      grammar = true;
      asked.family = "crm." + fam;
      shown_object = t[2];
      asked.object = resolve_object(word_key(t[2]));
      if (t.size() == 5) {
        asked.sens = contains(sens_vocab_, access_key(t[3])) ? access_key(t[3]) : nearest_word(access_key(t[3]), sens_vocab_, 2);
        if (asked.sens.empty()) unresolved_part = true;
      }
      std::string a = access_key(t.back());
      asked.access = contains(access_vocab_, a) ? a : nearest_word(a, access_vocab_, 2);
      if (asked.access.empty()) unresolved_part = true;
    }
  } else if (t.size() == 3 && t[0] == "crm" && contains(families_, "objects")) {
    // crm.<object>.<access>: the objects family without its word.
    std::string obj = resolve_object(word_key(t[1]));
    std::string a = access_key(t[2]);
    a = contains(access_vocab_, a) ? a : nearest_word(a, access_vocab_, 1);
    bool is_record = std::any_of(entries_.begin(), entries_.end(),
                                 [&](const Parts& e) { return e.family == "crm.objects" && e.object == obj; });
    if (!obj.empty() && !a.empty() && is_record) {
      grammar = true;
      asked.family = "crm.objects";
      asked.object = obj;
      asked.access = a;
      shown_object = t[1];
    }
  }
  if (!grammar && !t.empty()) {
    // The whole name as an object of its own (a legacy name such as tickets, e-commerce, automation)...
    std::string whole = resolve_object(stem_key(t, 0, t.size()));
    bool bare_exists = std::any_of(entries_.begin(), entries_.end(),
                                   [&](const Parts& e) { return e.object == whole && e.access.empty() && e.sens.empty(); });
    if (!whole.empty() && bare_exists) {
      asked.object = whole;
      shown_object = lower;
    } else {
      // ...or <object>[.<sens>][.<access>]: tickets.read, files.raed, contacts.write, tickets.sensitve.
      std::size_t end = t.size();
      std::string a = end >= 2 ? access_key(t[end - 1]) : "";
      a = a.empty() || contains(access_vocab_, a) ? a : nearest_word(a, access_vocab_, 2);
      if (!a.empty()) { asked.access = a; --end; }
      if (end >= 2) {
        std::string s = access_key(t[end - 1]);
        s = contains(sens_vocab_, s) ? s : nearest_word(s, sens_vocab_, 2);
        if (!s.empty()) { asked.sens = s; --end; }
      }
      asked.object = resolve_object(stem_key(t, 0, end));
      if (asked.object.empty()) asked.access.clear(), asked.sens.clear();  // not a known object: the split means nothing
      for (std::size_t i = 0; i < end; ++i) shown_object += (i ? "." : "") + t[i];
    }
  }

  // 3. Candidates: the same object and sensitivity, access that covers what was asked; the same family,
  // or for crm.objects / other names each other's (tickets is HubSpot's scope for ticket records).
  if (!asked.object.empty() && !unresolved_part) {
    out.resembles = true;
    auto family_ok = [&](const Parts& e) {
      if (e.family == asked.family) return true;
      return (asked.family == "crm.objects" && e.family.empty()) || (asked.family.empty() && e.family == "crm.objects");
    };
    std::vector<const Parts*> found, same_object;
    for (const auto& e : entries_) {
      if (e.object != asked.object || !family_ok(e)) continue;
      same_object.push_back(&e);
      if (e.sens == asked.sens && covers(e.access, asked.access)) found.push_back(&e);
    }
    if (asked.access == "read_write" && found.empty()) {  // read and write asked: both scopes, when both exist
      const Parts *r = nullptr, *w = nullptr;
      for (const auto* e : same_object)
        if (e->family == asked.family && e->sens == asked.sens) {
          if (e->access == "read" && (!r || e->v2 == asked.v2)) r = e;
          if (e->access == "write" && (!w || e->v2 == asked.v2)) w = e;
        }
      if (r && w) {
        out.fix = {r->name, w->name};
        return out;
      }
    }
    if (!found.empty()) {
      auto rank = [&](const Parts* e) {
        return (e->family == asked.family ? 0 : 4) + (e->access == asked.access ? 0 : 2) + (e->v2 == asked.v2 ? 0 : 1);
      };
      const Parts* best = *std::min_element(found.begin(), found.end(), [&](const Parts* a, const Parts* b) { return rank(a) < rank(b); });
      out.fix = {best->name};
      if (best->access != asked.access && !asked.access.empty())
        out.why = quote_name(best->name) + " is HubSpot's scope for this and grants both reading and writing.";
      return out;
    }
    if (asked.access.empty() && asked.sens.empty()) {  // a bare name that is not a scope: name the object's scopes
      std::vector<std::string> have;
      for (const auto* e : same_object)
        if (e->sens.empty()) have.push_back(e->name);
      if (!have.empty()) {
        out.why = quote_name(shown_object) + " is not a scope by itself; HubSpot's scopes for it: " + join(have, ", ") + ".";
        return out;
      }
    } else {
      std::vector<std::string> have;
      for (const auto* e : same_object) have.push_back(e->name);
      std::string what = (asked.sens.empty() ? "" : asked.sens == "highly_sensitive" ? "highly sensitive " : "sensitive ") +
                         access_words(asked.access);
      out.why = "HubSpot has no " + what + " scope for " + quote_name(shown_object) +
                (asked.family.empty() ? "" : " in " + asked.family) +
                (have.empty() ? "." : " (tierscope knows " + join(have, ", ") + ", which " + (have.size() == 1 ? "does" : "do") +
                                          " not grant that), so there is no fix to offer.");
      return out;
    }
  }
  if (grammar) {
    // A family and access read, but no object surely meant: the objects of that family a typo or two away.
    out.resembles = true;
    std::string key = word_key(shown_object);
    std::size_t best = 3;
    for (const auto& e : entries_) {
      if (e.family != asked.family || e.sens != asked.sens || !covers(e.access, asked.access) || unresolved_part) continue;
      std::size_t d = edit_distance(key, e.object, 2);
      if (d < best) { best = d; out.guesses.clear(); }
      if (d == best && d <= 2 && !contains(out.guesses, e.name)) out.guesses.push_back(e.name);
    }
    if (out.guesses.size() > 3) out.guesses.resize(3);
    std::sort(out.guesses.begin(), out.guesses.end());
    if (out.guesses.empty() && !unresolved_part)
      out.why = "tierscope knows no object " + quote_name(shown_object) + " in " + asked.family + ".";
    if (!unresolved_part) return out;
  }

  // 4. Spelling only: the nearest names, never one that grants less than the access asked for, and never
  // another object when the object is known. Said in the message, not offered as a fix.
  std::size_t limit = std::max<std::size_t>(2, lower.size() / 5), best = limit + 1;
  std::vector<std::string> near;
  for (const auto& [n, i] : spellings_) {
    const Parts& e = entries_[i];
    if (!asked.access.empty() && !covers(e.access, asked.access)) continue;
    if (!asked.family.empty() && e.family != asked.family) continue;
    if (!asked.object.empty() && e.object != asked.object) continue;
    std::size_t d = edit_distance(lower, ascii_lower(n), limit);
    if (d < best) { best = d; near.clear(); }
    if (d == best && d <= limit && !contains(near, e.name)) near.push_back(e.name);
  }
  if (near.size() > 3) near.resize(3);
  std::sort(near.begin(), near.end());
  out.guesses = near;
  if (!near.empty()) out.resembles = true;
  return out;
}

}  // namespace tierscope
