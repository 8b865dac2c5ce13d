// Did-you-mean by scope grammar: which unknown names get a one-click fix, which only a guess in words.
#include "helpers.hpp"

#include <memory>

#include "catalog/catalog.hpp"
#include "evaluate/suggest.hpp"
#include "text.hpp"

namespace {
using Names = std::vector<std::string>;

const tierscope::Catalog& catalog() { return *tierscope::current_catalog(); }
bool known(const std::string& name) { return catalog().find(name) != nullptr; }

tierscope::NameAdvice advise(const std::string& name) {
  static const tierscope::NameIndex index(catalog());
  return index.advise(name);
}

// The unknown-scope diagnostic of a one-name check.
json unknown(const std::string& name) {
  json r = check_ok(name);
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "unknown-scope" && d["scope"] == name) return d;
  FAIL("no unknown-scope for " << name);
  return {};
}
}  // namespace

TEST_CASE("the same object's current scope: crm.objects.tickets.read -> tickets, never another object") {
  REQUIRE_FALSE(known("crm.objects.tickets.read"));  // HubSpot's ticket records scope is the legacy `tickets`
  REQUIRE(known("tickets"));
  for (std::string name : {"crm.objects.tickets.read", "crm.objects.tickets.write", "crm.objects.ticket.read",
                           "tickets.read", "crm.objects.tikets.write"}) {
    CAPTURE(name);
    json d = unknown(name);
    CHECK(d["suggestion"] == json({{"action", "replace"}, {"scopes", {"tickets"}}}));
    std::string msg = d["message"];
    CHECK(msg.find("Did you mean tickets?") != std::string::npos);
    CHECK(msg.find("grants reading and writing") != std::string::npos);  // says it grants more than read
    CHECK(msg.find("carts") == std::string::npos);
  }
}

TEST_CASE("write is never replaced by read: crm.schemas.line_items.write has no fix") {
  REQUIRE_FALSE(known("crm.schemas.line_items.write"));
  REQUIRE(known("crm.schemas.line_items.read"));
  json d = unknown("crm.schemas.line_items.write");
  CHECK(d["suggestion"].is_null());
  std::string msg = d["message"];
  CHECK(msg.find("HubSpot has no write scope for \"line_items\" in crm.schemas") != std::string::npos);
  CHECK(msg.find("(only crm.schemas.line_items.read); no fix.") != std::string::npos);
  CHECK(msg.find("Did you mean") == std::string::npos);
  // The sensitive axis the same way: plain line-item read does not grant sensitive data.
  json s = unknown("crm.objects.line_items.sensitive.read");
  CHECK(s["suggestion"].is_null());
  CHECK(s["message"].get<std::string>().find("no sensitive read scope") != std::string::npos);
  // And the spelling guesses never weaken access either.
  auto a = advise("crm.schemas.line_items.write");
  CHECK(a.fix.empty());
  CHECK(a.guesses.empty());
}

TEST_CASE("confident fixes: case, aliases, family/object/access spellings, legacy names") {
  struct Case { const char* in; Names fix; };
  for (const Case& c : std::vector<Case>{
           {"Automation", {"automation"}},                                   // case only
           {"CRM.OBJECTS.CONTACTS.READ", {"crm.objects.contacts.read"}},
           {"Settings.Users.Team.Write", {"settings.users.teams.write"}},    // an alias, in another case
           {"crm.object.contacts.read", {"crm.objects.contacts.read"}},      // family singular
           {"crm.objets.deals.write", {"crm.objects.deals.write"}},          // family typo
           {"crm.objects.contact.read", {"crm.objects.contacts.read"}},      // object singular
           {"crm.objects.company.write", {"crm.objects.companies.write"}},
           {"crm.objects.line-items.read", {"crm.objects.line_items.read"}}, // '-' for '_'
           {"crm.objects.note.read", {"crm.objects.notes.read"}},
           {"crm.objects.carts.raed", {"crm.objects.carts.read"}},           // access typo
           {"crm.schemas.contact.write", {"crm.schemas.contacts.write"}},
           {"contacts.read", {"crm.objects.contacts.read"}},
           {"crm.objects.contacts.sensitve.read", {"crm.objects.contacts.sensitive.read"}},
           {"crm.objects.companies.highly-sensitive.write", {"crm.objects.companies.highly_sensitive.write"}},
           {"crm.objects.contacts.sensitive.read.V2", {"crm.objects.contacts.sensitive.read.v2"}},
           {"crm.objects.deals.read.v2", {"crm.objects.deals.read"}},        // no .v2 form: the same scope
           {"tickets.sensitve", {"tickets.sensitive"}},                      // legacy family
           {"ecommerce", {"e-commerce"}},
           {"E_Commerce", {"e-commerce"}},
           {"automaton", {"automation"}},
           {"contents", {"content"}},
           {"workflows", {"automation"}},                                    // the one hand-written mapping
           {"crm.objects.workflows.read", {"automation"}},
           {"files.raed", {"files.read"}},
           {"analytics.behavioral_event.send", {"analytics.behavioral_events.send"}},
       }) {
    CAPTURE(c.in);
    REQUIRE_FALSE(known(c.in));
    for (const auto& f : c.fix) REQUIRE(known(f));
    auto a = advise(c.in);
    CHECK(a.fix == c.fix);
    json d = unknown(c.in);
    CHECK(d["suggestion"]["action"] == "replace");
    CHECK(d["suggestion"]["scopes"] == json(c.fix));
  }
}

TEST_CASE("guesses from spelling are words, not fixes — nothing alike means remove") {
  // contcts is one typo from contacts and two from contracts: a guess, in the message only.
  json d = unknown("crm.objects.contcts.read");
  CHECK(d["suggestion"].is_null());
  CHECK(d["message"].get<std::string>().find("Perhaps crm.objects.contacts.read?") != std::string::npos);
  CHECK(d["message"].get<std::string>().find("a guess") != std::string::npos);
  // A delete access HubSpot does not have: a guess at most, never a fix.
  CHECK(unknown("crm.objects.contacts.delete")["suggestion"].is_null());
  // An object tierscope does not know, in a known family: said so, no other object proposed.
  json w = unknown("crm.objects.widgets.read");
  CHECK(w["suggestion"].is_null());
  CHECK(w["message"].get<std::string>().find("knows no object \"widgets\" in crm.objects") != std::string::npos);
  CHECK(w["message"].get<std::string>().find("Perhaps") == std::string::npos);
  // A bare object that is not a scope: no scope chosen for it.
  // (Nothing alike: at most "remove" of that very name, never another scope.)
  json bare = unknown("crm.lists")["suggestion"];
  CHECK((bare.is_null() || (bare["action"] == "remove" && bare["scopes"].empty())));  // remove: the name itself
  // A retired name is never proposed (HubSpot rejects it too).
  auto contact = advise("contact");
  CHECK(contact.fix.empty());
  CHECK(std::find(contact.guesses.begin(), contact.guesses.end(), "contacts") == contact.guesses.end());
  // Nothing alike: remove.
  CHECK(unknown("completely-made-up-thing")["suggestion"] == json({{"action", "remove"}, {"scopes", json::array()}}));
}

TEST_CASE("every catalog name, misspelt by case, comes back to itself — no fix ever lowers access") {
  for (const auto& s : catalog().scopes) {
    if (s.retired()) continue;
    std::string upper = s.name;
    for (auto& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    if (upper == s.name) continue;
    CAPTURE(s.name);
    CHECK(advise(upper).fix == Names{s.name});
  }
  // Asking write, any fix grants write: a write scope, read_write, or a legacy name that reads and writes.
  for (const auto& s : catalog().scopes) {
    const std::string& n = s.name;
    if (n.size() < 7 || n.compare(n.size() - 6, 6, ".write") != 0) continue;
    std::string typo = n.substr(0, n.size() - 6) + ".wirte.v2";
    for (const auto& f : advise(typo).fix) {
      CAPTURE(typo);
      CAPTURE(f);
      CHECK((f.find("write") != std::string::npos || f.find('.') == std::string::npos || f == "tickets.sensitive"));
    }
  }
}

TEST_CASE("edit_distance is Levenshtein with a limit, for short and long names") {
  using tierscope::edit_distance;
  auto reference = [](const std::string& a, const std::string& b) {  // the textbook full table
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i)
      for (std::size_t j = 1; j <= b.size(); ++j)
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
  };
  CHECK(edit_distance("crm.objects.contacts.read", "crm.objects.contact.read", 2) == 1);
  CHECK(edit_distance("tickets", "tickest", 2) == 2);
  CHECK(edit_distance("", "abc", 5) == 3);
  CHECK(edit_distance("abcdef", "a", 2) == 3);  // beyond the limit: limit + 1
  std::uint32_t seed = 12345;
  auto next = [&seed] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 400; ++round) {
    auto word = [&] {
      std::size_t n = next() % (round % 4 == 0 ? 200 : 30);  // some past the 96 bytes kept on the stack
      std::string w;
      for (std::size_t i = 0; i < n; ++i) w += char('a' + next() % 4);
      return w;
    };
    std::string a = word(), b = word();
    std::size_t limit = next() % 8, want = reference(a, b);
    CAPTURE(a);
    CAPTURE(b);
    CHECK(edit_distance(a, b, limit) == (want <= limit ? want : limit + 1));
    CHECK(edit_distance(a, b, 1000) == want);
  }
}

TEST_CASE("advice does not depend on what was asked before: the same index, again and in any order, or a fresh one") {
  // Names of every kind the search meets: misspelt and re-cased catalog names, unknown objects of a known
  // family (the heavy case: each asks for the objects a typo or two away), names outside the grammar, and
  // thousands of distinct names (what a memo of the answers would have to keep apart).
  Names names;
  for (const auto& s : catalog().scopes) {
    names.push_back(s.name + "x");
    names.push_back("crm." + s.name);
    std::string upper = s.name;
    for (auto& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
    names.push_back(upper);
    if (s.name.size() > 4) names.push_back(s.name.substr(0, s.name.size() - 2));
  }
  for (int i = 0; names.size() < 6000; ++i) {
    names.push_back("crm.objects.custom" + std::to_string(i) + ".reed");
    names.push_back("crm.schemas.contact" + std::to_string(i % 7) + ".write");
    names.push_back("Tickets " + std::to_string(i));
  }
  auto same = [](const tierscope::NameAdvice& a, const tierscope::NameAdvice& b) {
    return a.fix == b.fix && a.guesses == b.guesses && a.why == b.why && a.resembles == b.resembles;
  };
  const tierscope::NameIndex shared(catalog());
  std::vector<tierscope::NameAdvice> first;
  for (const auto& n : names) first.push_back(shared.advise(n));
  for (std::size_t pass = 0; pass < 2; ++pass)  // again, in reverse, then every third name
    for (std::size_t k = 0; k < names.size(); k += pass ? 3 : 1) {
      std::size_t i = pass ? k : names.size() - 1 - k;
      CAPTURE(names[i]);
      CHECK(same(shared.advise(names[i]), first[i]));
    }
  // The reference: a fresh index per name, for a spread of the names.
  for (std::size_t i = 0; i < names.size(); i += 37) {
    auto fresh = std::make_unique<tierscope::NameIndex>(catalog());
    CAPTURE(names[i]);
    CHECK(same(fresh->advise(names[i]), first[i]));
    CHECK(same(shared.advise(names[i]), first[i]));
  }
}

TEST_CASE("a check of 300 unknown names is the same report every time, however many were asked before") {
  std::string paste;
  for (int i = 0; i < 300; ++i) paste += "crm.objects.custom" + std::to_string(i) + ".reed ";
  const std::string first = tierscope::check_text(paste, R"({"lean": true})").json;
  REQUIRE(first.find("Perhaps") != std::string::npos);  // the guesses are in it
  for (const char* more : {"crm.objects.con", "crm.objects.contacts.raed", ""}) {
    CAPTURE(more);
    const std::string other = tierscope::check_text(paste + more, R"({"lean": true})").json;
    CHECK(tierscope::check_text(paste, R"({"lean": true})").json == first);
    CHECK(!other.empty());
  }
}
