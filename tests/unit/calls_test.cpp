// `calls`: matching calls to the spec's operations, reading lists and HAR files, the least-privilege
// set cover (hand-made cases with known answers), and the comparison with an app config.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "helpers.hpp"
#include "calls/calls.hpp"
#include "calls/least_privilege.hpp"
#include "evaluate/combinations.hpp"
#include "operations_builtin.hpp"

namespace {
json calls_ok(const std::string& text, const std::string& config = "", const std::string& options = "") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  auto out = tierscope::calls(text, config, options);
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}

const json& first_call(const json& r) {
  REQUIRE(!r["calls"].empty());
  return r["calls"][0];
}

json one(const std::string& line) { return first_call(calls_ok(line)); }

bool has_diag(const json& r, const std::string& code) {
  for (const auto& d : r["diagnostics"])
    if (d["code"] == code) return true;
  return false;
}
}  // namespace

TEST_CASE("calls: concrete ids and templates match the same operation") {
  for (const char* line : {"GET /crm/v3/objects/contacts/12345", "GET /crm/v3/objects/contacts/{contactId}",
                           "GET /crm/v3/objects/contacts/:id", "get /crm/v3/objects/contacts/12345/"}) {
    CAPTURE(line);
    json c = one(line);
    CHECK(c["operation"]["path"] == "/crm/v3/objects/contacts/{contactId}");
    CHECK(c["alternatives"] == json::array({json::array({"crm.objects.contacts.read"})}));
    CHECK(c["chosen"] == json::array({"crm.objects.contacts.read"}));
  }
  CHECK(one("PATCH /crm/v3/objects/contacts/1")["chosen"] == json::array({"crm.objects.contacts.write"}));
  CHECK(one("POST /crm/v3/objects/contacts/search")["chosen"] == json::array({"crm.objects.contacts.read"}));
}

TEST_CASE("calls: hosts, query strings, trailing slashes and URLs without a method") {
  json c = one("https://api.hubapi.com/crm/v3/objects/deals/?limit=10&after=20#x");
  CHECK(c["method"] == "GET");
  CHECK(c["host"] == "api.hubapi.com");
  CHECK(c["path"] == "/crm/v3/objects/deals");
  CHECK(c["chosen"] == json::array({"crm.objects.deals.read"}));
  CHECK(one("DELETE https://api-eu1.hubapi.com/crm/v3/objects/deals/7")["chosen"] == json::array({"crm.objects.deals.write"}));
  CHECK(one("GET api.hubspot.com/crm/v3/owners/")["operation"]["path"] == "/crm/v3/owners");
  // A bare URL whose path only takes POST is read as that POST.
  json s = calls_ok("https://api.hubapi.com/crm/v3/objects/contacts/search");
  CHECK(first_call(s)["method"] == "POST");
  CHECK(has_diag(s, "method-assumed"));
}

TEST_CASE("calls: object type ids, generic operations narrowed to the object, never oauth") {
  json deals = one("POST /crm/v3/objects/0-3");  // the spec has 0-3 itself
  CHECK(deals["operation"]["path"] == "/crm/v3/objects/0-3");
  CHECK(deals["chosen"] == json::array({"crm.objects.deals.write"}));
  json contacts = one("GET /crm/v3/objects/0-1/5");  // read as contacts
  CHECK(contacts["match"] == "type-id");
  CHECK(contacts["chosen"] == json::array({"crm.objects.contacts.read"}));
  // A generic operation (its spec security is the union over every object, oauth included).
  for (const char* line : {"POST /crm/v3/objects/companies/merge", "PATCH /crm/v3/objects/0-2/9",
                           "POST /crm/v3/objects/companies/batch/upsert"}) {
    CAPTURE(line);
    json c = one(line);
    REQUIRE(!c["alternatives"].empty());
    for (const auto& alt : c["alternatives"])
      for (const auto& s : alt) {
        CHECK(s != "oauth");
        CHECK(s.get<std::string>().find("companies") != std::string::npos);
        CHECK(s.get<std::string>().find("write") != std::string::npos);
      }
  }
  // A name where the spec writes the object by its type id; a JS template literal as the id.
  json by_name = one("GET https://api.hubapi.com/crm/v3/objects/deals/${dealId}?properties=dealname");
  CHECK(by_name["match"] == "type-id");
  CHECK(by_name["operation"]["path"] == "/crm/v3/objects/0-3/{dealId}");
  CHECK(by_name["chosen"] == json::array({"crm.objects.deals.read"}));
  // The spec has deals' own paths only by the type id: the name matches them as type-id (not exact, a
  // path the spec writes itself), with the same operation and scopes as the id.
  json patch = one("PATCH /crm/v3/objects/deals/{dealId}"), by_id = one("PATCH /crm/v3/objects/0-3/{dealId}");
  CHECK(patch["match"] == "type-id");
  CHECK(by_id["match"] == "exact");
  CHECK(patch["operation"] == by_id["operation"]);
  CHECK(patch["alternatives"] == by_id["alternatives"]);
  CHECK(patch["chosen"] == json::array({"crm.objects.deals.write"}));
  // The sensitive-data variants stay out when the plain scope is there.
  const json association = one("GET /crm/v4/objects/deals/1/associations/contacts");
  for (const auto& alt : association["alternatives"])
    for (const auto& s : alt) CHECK(s.get<std::string>().find("sensitive") == std::string::npos);
  json custom = one("GET /crm/v3/objects/2-12345/1");
  CHECK(custom["objects"] == json::array({"2-12345"}));
  CHECK(custom["chosen"] == json::array({"crm.objects.custom.read"}));
  json generic = calls_ok("DELETE /crm/v3/objects/{objectType}/{objectId}");
  CHECK(first_call(generic)["alternatives"].empty());
  CHECK(first_call(generic)["problem"] == "generic-object");
  CHECK(has_diag(generic, "generic-object"));
}

TEST_CASE("calls: associations between two objects need both objects' scopes") {
  json c = one("PUT /crm/v4/objects/contacts/1/associations/deals/2");
  REQUIRE(!c["chosen"].is_null());
  CHECK(c["chosen"] == json::array({"crm.objects.contacts.write", "crm.objects.deals.write"}));
}

TEST_CASE("calls: versions, legacy paths, beta and unmatched calls") {
  json dated = one("GET /crm/objects/2026-03/contacts/1");
  CHECK(dated["operation"]["version"] == "2026-03");
  CHECK(dated["operation"]["beta"] == false);
  json other = calls_ok("GET /crm/v9/objects/contacts/1");
  CHECK(first_call(other)["match"] == "other-version");
  CHECK(first_call(other)["operation"]["beta"] == false);  // stable preferred over a newer beta
  CHECK(has_diag(other, "other-version"));
  json legacy = one("GET /contacts/v1/lists/all/contacts/all");
  CHECK(legacy["operation"]["legacy"] == true);
  CHECK(legacy["chosen"] == json::array({"crm.lists.read"}));  // HubSpot's reference: lists scopes, not contacts'
  CHECK(one("GET /contacts/v1/contact/vid/1/profile")["chosen"] == json::array({"crm.objects.contacts.read"}));
  json none = calls_ok("GET /crm/v3/objectz/contacts");
  CHECK(first_call(none)["operation"].is_null());
  CHECK(first_call(none)["problem"] == "unmatched");
  CHECK(!first_call(none)["nearest"].empty());
  CHECK(has_diag(none, "unmatched-call"));
}

TEST_CASE("calls: lists with bad lines, other hosts, comments and repeats") {
  json r = calls_ok("# my app\nGET /crm/v3/objects/contacts/1\nFETCH /x\nnot a call\n"
                    "GET https://api.stripe.com/v1/charges\nGET /crm/v3/objects/contacts/1\n\nOPTIONS /crm/v3/objects/contacts\n");
  CHECK(r["input"]["format"] == "list");
  REQUIRE(r["calls"].size() == 1);
  CHECK(r["calls"][0]["count"] == 2);
  CHECK(r["calls"][0]["line"] == 2);
  CHECK(r["input"]["other_hosts"] == 1);
  int bad = 0;
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "bad-line") {
      ++bad;
      CHECK((d["message"].get<std::string>().rfind("Line 3:", 0) == 0 || d["message"].get<std::string>().rfind("Line 4:", 0) == 0));
    }
  CHECK(bad == 2);
  CHECK(has_diag(r, "other-hosts"));
  CHECK(has_diag(calls_ok("\n\n"), "no-calls"));
}

TEST_CASE("calls: curl commands, over several lines too") {
  json r = calls_ok("curl -s \"https://api.hubapi.com/crm/v3/objects/deals/search\" \\\n"
                    "  -H \"Authorization: Bearer x\" \\\n  -d '{\"limit\": 5}'\n"
                    "curl -X PATCH https://api.hubapi.com/crm/v3/objects/contacts/7 -H 'Content-Type: application/json'\n"
                    "curl https://api.hubapi.com/crm/v3/owners\n"
                    "curl -H 'x: y'\n");
  REQUIRE(r["calls"].size() == 3);
  CHECK(r["calls"][0]["method"] == "POST");
  CHECK(r["calls"][0]["line"] == 1);
  CHECK(r["calls"][0]["chosen"] == json::array({"crm.objects.deals.read"}));
  CHECK(r["calls"][1]["method"] == "PATCH");
  CHECK(r["calls"][1]["line"] == 4);
  CHECK(r["calls"][2]["method"] == "GET");
  CHECK(has_diag(r, "bad-line"));
}

TEST_CASE("calls: HAR files, other hosts, and a HAR cut off mid-way") {
  std::string har = R"({"log": {"version": "1.2", "entries": [
    {"request": {"method": "GET", "url": "https://api.hubapi.com/crm/v3/objects/contacts?limit=1"},
     "response": {"content": {"text": "{\"request\": {\"url\": \"https://api.hubapi.com/not/this\"}}"}}},
    {"request": {"method": "GET", "url": "https://cdn.example.com/app.js"}},
    {"request": {"method": "OPTIONS", "url": "https://api.hubapi.com/crm/v3/objects/deals"}},
    {"request": {"method": "POST", "url": "https://api.hubapi.com/crm/v3/objects/deals"}}
  ]}})";
  json r = calls_ok(har);
  CHECK(r["input"]["format"] == "har");
  REQUIRE(r["calls"].size() == 2);
  CHECK(r["calls"][0]["path"] == "/crm/v3/objects/contacts");
  CHECK(r["calls"][0]["line"] == 1);  // the entry number
  CHECK(r["calls"][1]["method"] == "POST");
  CHECK(r["input"]["other_hosts"] == 1);
  CHECK(!has_diag(r, "truncated-har"));

  json cut = calls_ok(har.substr(0, har.find("cdn.example.com")));
  REQUIRE(cut["calls"].size() == 1);
  CHECK(cut["diagnostics"][0]["code"] == "truncated-har");
  CHECK(cut["diagnostics"][0]["severity"] == "warning");

  auto not_har = tierscope::calls(R"({"scopes": ["x"]})", "", "");
  CHECK(!not_har.ok);
  CHECK(not_har.error_code == "parse-error");
  CHECK(not_har.error.find("HAR") != std::string::npos);
  auto broken = tierscope::calls("{\"log\": {\"entries\": [}]}}", "", "");
  CHECK(!broken.ok);
  CHECK(broken.error.find("line 1, column") != std::string::npos);
  auto big = tierscope::calls(std::string(17u << 20, ' '), "", "");
  CHECK(big.error_code == "input-too-large");
}

TEST_CASE("least privilege: hand-made cases with known answers") {
  using tierscope::ScopeSet;
  // A toy account model: each scope is available on a known number of configurations; a set's
  // count is the minimum (as if the scopes' account sets were nested).
  std::map<std::string, std::uint32_t> avail = {{"a", 100}, {"b", 100}, {"c", 40}, {"d", 100}, {"a.write", 100},
                                                {"big", 100}, {"x", 100}, {"y", 100}, {"e", 100}, {"q", 100},
                                                {"l", 100}, {"w", 100}};
  auto count = [&](const std::vector<std::string>& s) {
    std::uint32_t n = 100;
    for (const auto& name : s) n = std::min(n, avail.at(name));
    return n;
  };
  SUBCASE("a shared alternative beats one scope per call") {
    // call 1: a or c; call 2: b or c. {a, b} installs on 100, {c} on 40: most configurations first.
    auto cover = tierscope::least_privilege({{{"a"}, {"c"}}, {{"b"}, {"c"}}}, count);
    CHECK(cover.scopes == std::vector<std::string>{"a", "b"});
    CHECK(cover.installs == 100);
    CHECK(cover.exact);
  }
  SUBCASE("then fewer scopes") {
    // call 1: a or d; call 2: b or d: {d} (one scope) beats {a, b}, both on 100.
    auto cover = tierscope::least_privilege({{{"a"}, {"d"}}, {{"b"}, {"d"}}}, count);
    CHECK(cover.scopes == std::vector<std::string>{"d"});
    CHECK(cover.choice == std::vector<int>{1, 1});
  }
  SUBCASE("then read over write") {
    auto cover = tierscope::least_privilege({{{"a.write"}, {"b"}}}, count);
    CHECK(cover.scopes == std::vector<std::string>{"b"});
  }
  SUBCASE("alternatives that are supersets never win; a call with none gets -1") {
    auto cover = tierscope::least_privilege({{{"a", "big"}, {"a"}}, {}, {{"a"}}}, count);
    CHECK(cover.scopes == std::vector<std::string>{"a"});
    CHECK(cover.choice == std::vector<int>{1, -1, 0});
  }
  SUBCASE("past the budget the greedy answer still covers every call") {
    std::vector<std::vector<ScopeSet>> calls;
    for (int i = 0; i < 14; ++i) calls.push_back({{"x" + std::to_string(i)}, {"y"}, {"c"}});
    auto count_any = [&](const std::vector<std::string>& s) {
      std::uint32_t n = 100;
      for (const auto& name : s) n = std::min(n, avail.count(name) ? avail.at(name) : 100u);
      return n;
    };
    auto cover = tierscope::least_privilege(calls, count_any, 5);
    CHECK(!cover.exact);
    CHECK(cover.scopes == std::vector<std::string>{"y"});
    auto exact = tierscope::least_privilege(calls, count_any);
    CHECK(exact.exact);
    CHECK(exact.scopes == std::vector<std::string>{"y"});
  }
  SUBCASE("the exact search finds what call-by-call choice misses") {
    // Greedy takes "e" for call 1 (fewest scopes, covers one more call); {q, e} is then needed, while
    // {q} alone covers calls 1 and 2 and {q} + {l} ... the exact answer: {e, q} (2 scopes) vs {l, q}.
    auto cover = tierscope::least_privilege({{{"e"}, {"q"}}, {{"q", "e"}, {"l", "q"}}, {{"e"}, {"l"}}, {{"e"}, {"w"}}}, count);
    CHECK(cover.scopes == std::vector<std::string>{"e", "q"});
  }
}

TEST_CASE("calls: least privilege with the real catalog: every call works — install everywhere is the second answer") {
  json r = calls_ok("GET /crm/v3/objects/contacts/1\nGET /automation/v4/flows\n");
  const json& lp = r["least_privilege"];
  // A smallest set with which every call works: automation is required, not optional.
  CHECK(lp["required"] == json::array({"automation", "crm.objects.contacts.read", "oauth"}));
  CHECK(lp["optional"] == json::array());
  CHECK(lp["combinations"]["all_calls"] < lp["combinations"]["total"]);
  CHECK(lp["combinations"]["required"] == lp["combinations"]["all_calls"]);
  CHECK(has_diag(r, "tier-limited"));
  CHECK(r["calls"][1]["all_tiers"] == false);
  // The report is check's report of that set: it does not install everywhere.
  CHECK(r["report"]["request"]["required"] == lp["required"]);
  CHECK(r["report"]["coverage"]["profiles"]["installs"] < r["report"]["coverage"]["profiles"]["total"]);
  // Install everywhere: automation optional, and the tiers where GET /automation/v4/flows gets a 403.
  const json& ie = lp["install_everywhere"];
  CHECK(ie["required"] == json::array({"crm.objects.contacts.read", "oauth"}));
  CHECK(ie["optional"] == json::array({"automation"}));
  CHECK(ie["combinations"] == lp["combinations"]["total"]);
  REQUIRE(!ie["calls_failing"].empty());
  for (const auto& f : ie["calls_failing"]) CHECK(f["calls"] == json::array({"GET /automation/v4/flows"}));
  // Exactly the tiers the required answer does not install on.
  std::size_t not_installing = 0;
  for (const auto& p : r["report"]["profiles"]) not_installing += p["status"] != "installs";
  CHECK(ie["calls_failing"].size() == not_installing);
  for (const auto& f : ie["calls_failing"]) {
    std::string status;
    for (const auto& p : r["report"]["profiles"])
      if (p["id"] == f["profile"]) status = p["status"];
    CHECK(f["uncertain"] == (status == "uncertain"));  // a certain 403 where the required answer cannot install
  }
  CHECK(r["unused"].is_null());
  CHECK(r["uncovered"].is_null());
  // Without tier-limited scopes the two answers agree and nothing fails.
  json plain = calls_ok("GET /crm/v3/objects/contacts/1\n");
  CHECK(plain["least_privilege"]["install_everywhere"]["optional"] == json::array());
  CHECK(plain["least_privilege"]["install_everywhere"]["calls_failing"] == json::array());
  CHECK(plain["least_privilege"]["install_everywhere"]["required"] == plain["least_privilege"]["required"]);
}

TEST_CASE("calls: legacy and renamed families of real integrations match") {
  struct Case { const char* line; const char* path; const char* scope; };
  for (const Case& k : std::vector<Case>{
           {"GET /automation/v3/workflows", "/automation/v3/workflows", "automation"},
           {"GET /automation/v3/workflows/123", "/automation/v3/workflows/*", "automation"},
           {"GET /settings/v3/users", "/settings/users/2026-03", nullptr},
           {"POST /settings/v3/users", "/settings/users/2026-03", nullptr},
           {"GET https://api.hubapi.com/email/public/v1/campaigns/by-id", "/email/public/v1/*", "content"},
           {"GET /engagements/v1/engagements/paged", "/engagements/v1/*", "crm.objects.contacts.read"},
           {"GET /marketing-emails/v1/emails", "/marketing-emails/v1/*", "content"},
           {"GET /integrations/v1/me", "/integrations/v1/me", "oauth"},
           {"GET /contentsearch/v2/search", "/contentsearch/v2/*", "content"},
           {"GET /contacts/v1/lists", "/contacts/v1/lists", "crm.lists.read"},
           {"POST /contacts/v1/lists/12/add", "/contacts/v1/lists/*", "crm.lists.write"},
           {"GET /contacts/v1/contact/vid/1/profile", "/contacts/v1/*", "crm.objects.contacts.read"},
           // families of the corpus's clients (data/sources/legacy-apis.json, 2026-12-05), sourced scopes
           {"PUT /integrations/v1/77/timeline/event", "/integrations/v1/{appId}/timeline/*", "timeline"},
           {"GET /integrations/v1/77/timeline/event-types", "/integrations/v1/{appId}/timeline/*", "timeline"},
           {"GET /calling/v1/dispositions", "/calling/v1/dispositions", "crm.objects.contacts.read"},
           {"GET /analytics/v2/reports/sources/total", "/analytics/v2/*", "business-intelligence"},
           {"POST /comments/v3/comments", "/comments/v3/*", "content"},
           {"GET /crm-pipelines/v1/pipelines/tickets", "/crm-pipelines/v1/pipelines/*", nullptr},
           {"PUT /crm-associations/v1/associations", "/crm-associations/v1/associations", nullptr},
           // change logs (HubSpot's legacy v1 reference pages, read 2026-12-05)
           {"GET /crm-objects/v1/change-log/products", "/crm-objects/v1/change-log/products", "e-commerce"},
           {"GET /crm-objects/v1/change-log/line_items", "/crm-objects/v1/change-log/line_items", "e-commerce"},
           {"GET /crm-objects/v1/change-log/tickets", "/crm-objects/v1/change-log/tickets", "tickets"},
       }) {
    CAPTURE(k.line);
    json c = one(k.line);
    REQUIRE(c["operation"].is_object());
    CHECK(c["operation"]["path"] == k.path);
    if (k.scope) CHECK(c["chosen"] == json::array({k.scope}));
    else CHECK(!c["alternatives"].empty());
  }
  json f = one("GET /form-integrations/v1/submissions/forms/abc");
  REQUIRE(f["operation"].is_object());
  CHECK(f["alternatives"] == json::array({json::array({"forms"}), json::array({"forms-uploaded-files"})}));
  CHECK(one("POST /form-integrations/v1/submissions/forms/abc")["match"] == "none");  // no write documented
  CHECK(one("POST /calling/v1/dispositions")["match"] == "none");
  CHECK(one("POST /crm-objects/v1/change-log/tickets")["match"] == "none");  // a read-only log
  // Families no HubSpot source we found gives scopes for stay unmatched (never a guessed scope).
  for (const char* line : {"GET /keywords/v1/keywords", "GET /properties/v2/tickets/properties", "POST /crm-pipelines/v1/pipelines/tickets"}) {
    CAPTURE(line);
    CHECK(one(line)["match"] == "none");
  }
  // The v3 association path and gdpr-delete per object.
  json a = one("PUT /crm/v3/objects/contacts/1/associations/companies/2/279");
  REQUIRE(a["operation"].is_object());
  CHECK(a["objects"] == json::array({"contacts", "companies"}));
  REQUIRE(a["chosen"].is_array());
  for (const auto& s : a["chosen"]) CHECK(s.get<std::string>().find("write") != std::string::npos);
  for (const char* object : {"companies", "deals", "tickets", "contacts"}) {
    CAPTURE(object);
    json g = one(std::string("POST /crm/v3/objects/") + object + "/gdpr-delete");
    REQUIRE(g["operation"].is_object());
    REQUIRE(g["chosen"].is_array());
    CHECK(g["chosen"].dump().find("media_bridge") == std::string::npos);
    CHECK(g["chosen"].dump().find("oauth") == std::string::npos);
  }
  CHECK(one("POST /crm/v3/objects/companies/gdpr-delete")["chosen"] == json::array({"crm.objects.companies.write"}));
}

TEST_CASE("calls: retired and retiring APIs warn with the replacement call") {
  json r = calls_ok("GET /contacts/v1/lists/all/contacts/all\nGET /contacts/v1/contact/vid/1/profile\n");
  const json& c = r["calls"][0];
  CHECK(c["operation"]["status"] == "retired");
  CHECK(c["operation"]["date"] == "2026-04-30");
  CHECK(c["operation"]["replacement"] == "/crm/v3/lists");
  CHECK(r["calls"][1]["operation"]["status"] == "legacy");
  CHECK(r["calls"][1]["operation"]["date"].is_null());
  std::size_t retired = 0;
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "retired-api") {
      ++retired;
      CHECK(d["severity"] == "warning");
      CHECK(d["message"].get<std::string>().find("GET /crm/v3/lists") != std::string::npos);
      CHECK(d["message"].get<std::string>().find("2026-04-30") != std::string::npos);
    }
  CHECK(retired == 1);  // the v1 contacts API itself is legacy, not retired
  // A table whose family is retiring says so (info, retiring-api).
  std::string table(tierscope::builtin_operations_json());
  auto at = table.find("\"retired\",\"2026-04-30\"");
  REQUIRE(at != std::string::npos);
  table.replace(at, 9, "\"retiring\"");
  REQUIRE(tierscope::load_operations(table).ok);
  auto out = tierscope::calls("GET /contacts/v1/lists", "", "");
  REQUIRE(out.ok);
  CHECK(out.json.find("retiring-api") != std::string::npos);
  CHECK(out.json.find("retired-api") == std::string::npos);
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
}

TEST_CASE("calls: nearest matches rank the same resource first") {
  json c = one("POST /marketing/v3/emails/{id}/clone");
  if (c["operation"].is_null()) {
    REQUIRE(!c["nearest"].empty());
    CHECK(c["nearest"][0]["path"] == "/marketing/v3/emails/clone");
  }
  json d = one("POST /crm/v3/objects/contacts/{id}/frobnicate");
  CHECK(d["operation"].is_null());
  REQUIRE(!d["nearest"].empty());
  CHECK(d["nearest"][0]["path"].get<std::string>().rfind("/crm/v3/objects/contacts", 0) == 0);
}

TEST_CASE("calls: commerce objects take their own scopes, never custom objects'") {
  for (const char* object : {"fees", "discounts", "taxes"}) {
    CAPTURE(object);
    json c = one(std::string("POST /crm/v3/objects/") + object + "/merge");
    CHECK(c["alternatives"].dump().find("custom") == std::string::npos);
    json g = one(std::string("GET /crm/v3/objects/") + object + "/1");
    CHECK(g["alternatives"].dump().find("custom") == std::string::npos);
    CHECK(!g["alternatives"].empty());
  }
  // An object the spec knows nobody by stays a custom object.
  CHECK(one("GET /crm/v3/objects/p_widgets/1")["chosen"] == json::array({"crm.objects.custom.read"}));
}

TEST_CASE("calls: unused never lists a scope a generic-object call may need — uncovered names its cover") {
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "crm.objects.custom.read", "crm.objects.contacts.read"]}})";
  json r = calls_ok("GET /crm/v3/objects/{objectType}/1\nGET /crm/v3/objects/{objectType}\nPOST /crm/v3/objects/deals\n", config);
  for (const auto& u : r["unused"]) CHECK(u["scope"] != "crm.objects.custom.read");
  bool said = false;
  for (const auto& m : r["may_be_needed"])
    if (m["scope"] == "crm.objects.custom.read") {
      said = true;
      CHECK(m["calls"].size() == 2);
      CHECK(m["message"] == "may be needed by 2 calls on {objectType}");
    }
  CHECK(said);
  REQUIRE(r["uncovered"].size() == 1);
  const json& u = r["uncovered"][0];
  REQUIRE(!u["covered_by"].empty());
  CHECK(u["covered_by"][0]["scopes"] == json::array({"crm.objects.deals.write"}));
  CHECK(u["covered_by"][0]["tiers"].size() == u["covered_by"][0]["tiers_total"]);
}

TEST_CASE("calls: a GraphQL call keeps its collector scopes and the requested read scopes its query may need out of unused") {
  // The scopes of ERSBrad/deal-close-card's app.json: its code POSTs a GraphQL query reading deals, line items and products.
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "collector.graphql_schema.read", "collector.graphql_query.execute",
    "crm.objects.contacts.read", "crm.objects.contacts.write", "crm.objects.line_items.read", "e-commerce", "hubdb", "crm.objects.deals.read"]}})";
  json r = calls_ok("POST /collector/graphql\nGET /crm/v3/objects/deals/1\n", config);
  const json& c = r["calls"][0];
  CHECK(c["match"] == "exact");
  CHECK(c["operation"]["api"] == "GraphQL");
  CHECK(c["chosen"] == json::array({"collector.graphql_query.execute", "collector.graphql_schema.read"}));
  std::set<std::string> unused;
  for (const auto& u : r["unused"]) unused.insert(u["scope"].get<std::string>());
  CHECK(unused == std::set<std::string>{"crm.objects.contacts.write"});  // a write: no query writes
  std::map<std::string, std::string> maybe;
  for (const auto& m : r["may_be_needed"]) maybe[m["scope"].get<std::string>()] = m["message"].get<std::string>();
  for (const char* s : {"crm.objects.contacts.read", "crm.objects.line_items.read", "e-commerce", "hubdb"}) {
    CAPTURE(s);
    CHECK(maybe[s] == "may be needed by 1 GraphQL call");
  }
  CHECK(maybe.count("crm.objects.deals.read") == 0);  // used by the deals call
  CHECK(has_diag(r, "query-data-scopes"));
  // Both kinds of call may need it.
  json both = calls_ok("POST /collector/graphql\nGET /crm/v3/objects/{objectType}/1\n",
                       R"({"auth": {"requiredScopes": ["oauth", "collector.graphql_schema.read", "collector.graphql_query.execute", "crm.objects.contacts.read"]}})");
  REQUIRE(both["may_be_needed"].size() == 1);
  CHECK(both["may_be_needed"][0]["message"] == "may be needed by 1 call on {objectType} and 1 GraphQL call");
  CHECK(both["may_be_needed"][0]["calls"] == json::array({"POST /collector/graphql", "GET /crm/v3/objects/{objectType}/1"}));
  CHECK(!has_diag(r, "unused-uncertain"));  // every call matched
  // Nothing requested of the data: nothing may be needed, the collector scopes still count as used.
  json bare = calls_ok("POST /collector/graphql\n",
                       R"({"auth": {"requiredScopes": ["oauth", "collector.graphql_schema.read", "collector.graphql_query.execute"]}})");
  CHECK(bare["unused"].empty());
  CHECK(bare["may_be_needed"].empty());
}

TEST_CASE("calls: an unmatched call makes unused uncertain, and says so") {
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "crm.objects.deals.read", "forms"]}})";
  json r = calls_ok("GET /crm/v3/objects/deals/1\nGET /nothing/v9/here\n", config);
  REQUIRE(r["unused"].size() == 1);
  CHECK(r["unused"][0]["scope"] == "forms");
  bool said = false;
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "unused-uncertain") {
      said = true;
      CHECK(d["severity"] == "warning");
      std::string m = d["message"];
      CHECK(m.find("1 call matches no known operation (GET /nothing/v9/here (line 2))") == 0);
      CHECK(m.find("forms is in unused") != std::string::npos);
    }
  CHECK(said);
  // Every call matched, or nothing unused: no such warning.
  CHECK(!has_diag(calls_ok("GET /crm/v3/objects/deals/1\n", config), "unused-uncertain"));
  CHECK(!has_diag(calls_ok("GET /crm/v3/objects/deals/1\nGET /nothing/v9/here\n",
                           R"({"auth": {"requiredScopes": ["oauth", "crm.objects.deals.read"]}})"),
                  "unused-uncertain"));
}

// The calls of real integrations: tests/calls-corpus/*.txt, one public source per file, each citing
// its repository, path and commit in its opening comment lines.
TEST_CASE("calls: at least 97 % of the calls of real integrations match") {
  std::size_t total = 0, matched = 0, sources = 0;
  std::string missed;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(TIERSCOPE_CALLS_CORPUS))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    CAPTURE(file.filename().string());
    std::ifstream in(file);
    REQUIRE(in.good());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.rfind("# ", 0) == 0);                            // names its source first
    CHECK(text.find("https://github.com/") != std::string::npos);  // where it is
    CHECK(text.find("commit ") != std::string::npos);              // and at which commit
    json r = calls_ok(text);
    CHECK(r["calls"].size() >= 8);
    std::size_t here = 0, ok = 0;
    for (const auto& c : r["calls"]) {
      std::size_t n = c.value("count", 1);
      here += n;
      if (c["match"] != "none") ok += n;
      else missed += " " + c["method"].get<std::string>() + " " + c["path"].get<std::string>();
    }
    MESSAGE(file.filename().string() << ": " << ok << " of " << here << " calls matched");
    total += here, matched += ok, ++sources;
  }
  INFO("unmatched:" << missed);
  MESSAGE("real integrations: " << sources << " sources, " << matched << " of " << total << " calls matched");
  CHECK(sources >= 12);
  CHECK(total >= 1000);
  CHECK(matched * 100 >= total * 97);
}

TEST_CASE("calls: against the app's config, unused and uncovered") {
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"],
                           "optionalScopes": ["content"]}})";
  json r = calls_ok("GET /crm/v3/objects/contacts/1\nPOST /crm/v3/objects/deals\n", config);
  CHECK(r["input"]["config"]["format"] == "public-app");
  REQUIRE(r["unused"].size() == 2);
  CHECK(r["unused"][0]["scope"] == "automation");
  CHECK(r["unused"][0]["kind"] == "required");
  CHECK(!r["unused"][0]["locks_out"].empty());  // free cannot grant automation
  CHECK(r["unused"][1]["scope"] == "content");
  CHECK(r["unused"][1]["locks_out"].empty());  // optional scopes lock nobody out
  REQUIRE(r["uncovered"].size() == 1);
  CHECK(r["uncovered"][0]["path"] == "/crm/v3/objects/deals");
  auto bad = tierscope::calls("GET /crm/v3/objects/contacts/1", "{", "");
  CHECK(!bad.ok);
  CHECK(bad.error.rfind("the app config:", 0) == 0);
}

// A HAR read in pieces (the CLI's stream of a large file, the page's File.stream()).
namespace {
std::string stream_calls(const std::string& har, std::size_t piece, const std::string& config = "") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  tierscope::CallsHarReader reader;
  for (std::size_t at = 0; at < har.size(); at += piece) {
    auto o = reader.feed(std::string_view(har).substr(at, piece));
    if (!o.ok) return "error: " + o.error;
  }
  auto o = reader.finish(config, "");
  return o.ok ? o.json : "error: " + o.error;
}
}  // namespace

TEST_CASE("calls: a HAR read in pieces gives the calls of the whole text, and keeps no secret") {
  const std::string har =
      "\xEF\xBB\xBF{\"log\": {\"version\": \"1.2\", \"entries\": ["
      R"({"request": {"method": "GET", "url": "https://api.hubapi.com/crm/v3/objects/contacts?hapikey=SECRETKEY&limit=5",
         "headers": [{"name": "Authorization", "value": "Bearer SECRETTOKEN"}, {"name": "Cookie", "value": "hubspotutk=SECRETCOOKIE"}],
         "postData": {"text": "{\"password\": \"SECRETBODY\", \"url\": \"https://api.hubapi.com/crm/v3/objects/deals\"}"}},
       "response": {"status": 200, "content": {"text": "{\"results\": [\"\\u00e9\\\"\", 1.5e3, true, null]}"}}},)"
      R"({"request": {"url": "https://api.hubapi.com/crm/v3/objects/deals/1", "method": "patch"}, "response": {}},)"
      R"({"request": {"method": "GET", "url": "https://example.com/x"}},)"
      R"({"request": {"method": "GET", "url": "https:\/\/api.hubapi.com\/crm\/v3\/owners\u002F"}}]}})";
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);  // as when this case runs alone
  const std::string whole = [&] {
    auto o = tierscope::calls(har, "", "");
    REQUIRE(o.ok);
    return o.json;
  }();
  for (std::size_t piece : {1u, 2u, 3u, 7u, 64u, 1u << 20}) {
    CAPTURE(piece);
    std::string streamed = stream_calls(har, piece);
    REQUIRE(streamed.rfind("error", 0) != 0);
    json a = json::parse(whole), b = json::parse(streamed);
    CHECK(b["calls"] == a["calls"]);
    CHECK(b["least_privilege"] == a["least_privilege"]);
    CHECK(b["input"] == a["input"]);
    CHECK(b["calls"].size() == 3);
    for (const char* secret : {"SECRETKEY", "SECRETTOKEN", "SECRETCOOKIE", "SECRETBODY", "hapikey"})
      CHECK(streamed.find(secret) == std::string::npos);
  }
  // Cut off mid-way: the complete entries before the cut, and a warning.
  json cut = json::parse(stream_calls(har.substr(0, har.find("example.com")), 5));
  CHECK(cut["calls"].size() == 2);
  bool warned = false;
  for (const auto& d : cut["diagnostics"]) warned |= d["code"] == "truncated-har";
  CHECK(warned);
  // Not a HAR, invalid JSON, empty, too deep: a clear error, never a verdict.
  CHECK(stream_calls(R"({"a": [1, 2]})", 3).find("must be a HAR file") != std::string::npos);
  CHECK(stream_calls("[1, 2]", 3).find("must be a HAR file") != std::string::npos);
  CHECK(stream_calls(R"({"log": {"entries": [}})", 3).find("invalid JSON at byte") != std::string::npos);
  CHECK(stream_calls("", 3).find("empty") != std::string::npos);
  CHECK(stream_calls("   ", 3).find("empty") != std::string::npos);
  CHECK(stream_calls("{\"a\": " + std::string(5000, '['), 64).find("deeper than") != std::string::npos);
  CHECK(stream_calls(R"({"log": {"entries": []}} x)", 4).find("after the end") != std::string::npos);
  CHECK(stream_calls("GET /crm/v3/objects/contacts", 4).find("must be a HAR file") != std::string::npos);
  // Strings skipped unread still have their escapes checked, whole in a piece or split across two.
  const std::string body = R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://api.hubapi.com/crm/v3/owners"},
                                "response": {"content": {"text": "X"}}}]}})";
  const auto with = [&](const std::string& text) { return body.substr(0, body.find('X')) + text + body.substr(body.find('X') + 1); };
  for (std::size_t piece : {1u, 2u, 5u, 1u << 20}) {
    CAPTURE(piece);
    CHECK(json::parse(stream_calls(with(R"(a\"b\\c\/\b\f\n\r\t\u00E9\uD83D\uDE00 \"\"\")"), piece))["calls"].size() == 1);
    CHECK(stream_calls(with(R"(ok \x bad)"), piece).find("invalid escape") != std::string::npos);
    CHECK(stream_calls(with(R"(ok \u12G4 bad)"), piece).find("four hex digits") != std::string::npos);
  }
}

TEST_CASE("calls: a HAR reader answers finish() again for another config, and refuses a piece after it") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  tierscope::CallsHarReader reader;
  const std::string har = R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://api.hubapi.com/crm/v3/objects/contacts/1"}},
                                                  {"request": {"method": "POST", "url": "https://api.hubapi.com/crm/v3/objects/deals"}}]}})";
  REQUIRE(reader.feed(har).ok);
  auto first = reader.finish("", "");
  REQUIRE(first.ok);
  json a = json::parse(first.json);
  CHECK(a["input"]["format"] == "har");
  CHECK(a["unused"].is_null());
  auto second = reader.finish(R"({"auth": {"requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"]}})", "");
  REQUIRE(second.ok);
  json b = json::parse(second.json);
  CHECK(b["calls"] == a["calls"]);
  CHECK(b["input"]["config"]["format"] == "public-app");
  REQUIRE(b["unused"].size() == 1);
  CHECK(b["unused"][0]["scope"] == "automation");
  REQUIRE(b["uncovered"].size() == 1);
  CHECK(b["uncovered"][0]["path"] == "/crm/v3/objects/deals");
  // A bad config is that call's error; the reader still answers the next one.
  auto bad = reader.finish("{", "");
  CHECK(!bad.ok);
  CHECK(bad.error.rfind("the app config:", 0) == 0);
  CHECK(reader.finish("", "").json == first.json);
  auto late = reader.feed("{}");
  CHECK(!late.ok);
  CHECK(late.error.find("already read") != std::string::npos);
}

TEST_CASE("calls: before an operations table is loaded, every way in is the same internal error, whatever the input") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  tierscope::CallsHarReader reader;
  REQUIRE(reader.feed(R"({"log": {"entries": [{"request": {"method": "GET", "url": "https://api.hubapi.com/crm/v3/objects/contacts/1"}}]}})").ok);
  tierscope::CallsHarReader bad_reader;
  REQUIRE(bad_reader.feed(R"({"log": {"entries": [)").ok);
  auto table = tierscope::current_operations();
  tierscope::set_current_operations(nullptr);
  const std::string said = "no operations table is loaded (load_operations)";
  // A good list and a bad HAR: the missing table is said first, not the input's error.
  for (const std::string input : {"GET /crm/v3/objects/contacts", R"({"log": {"entries": [}})"}) {
    auto out = tierscope::calls(input, "", "");
    CHECK(!out.ok);
    CHECK(out.error_code == "internal-error");
    CHECK(out.error == said);
  }
  for (tierscope::CallsHarReader* r : {&reader, &bad_reader}) {
    auto out = r->finish("", "");
    CHECK(!out.ok);
    CHECK(out.error_code == "internal-error");
    CHECK(out.error == said);
  }
  CHECK_THROWS_WITH(tierscope::calls_json_from(tierscope::read_calls("GET /crm/v3/objects/contacts"), "", tierscope::Options{}), said.c_str());
  tierscope::set_current_operations(table);
  CHECK(tierscope::calls("GET /crm/v3/objects/contacts", "", "").ok);
  CHECK(reader.finish("", "").ok);
}

TEST_CASE("calls: the least-privilege search's install count is evaluate's, and the report text is dump of the tree") {
  // combinations_install (no profiles, breakdown or suggestions) against a whole evaluation: every
  // catalog scope alone, some pairs, unknown, retired and ill-formed names, the empty request.
  auto catalog = tierscope::current_catalog();
  std::vector<std::vector<std::string>> sets = {{}, {"oauth"}, {"crm.objects.contacts.read", "automation"},
                                                {"no.such.scope"}, {"contacts"}, {"Bad Scope!"}, {"oauth", "no.such.scope"}};
  for (const auto& s : catalog->scopes) sets.push_back({s.name});
  for (std::size_t i = 0; i + 1 < catalog->scopes.size(); i += 7) sets.push_back({catalog->scopes[i].name, catalog->scopes[i + 1].name});
  for (const auto& names : sets) {
    CAPTURE(names.size() ? names[0] : std::string("(none)"));
    auto req = tierscope::build_request(tierscope::from_lists(names, {}), *catalog);
    CHECK(tierscope::combinations_install(req, *catalog) == tierscope::evaluate(req, *catalog, tierscope::Options{}).combinations_install);
  }
  // The API's calls report (calls_text: written directly, the check report's text put in) is in dump()'s format:
  // the tree read back from it (calls_json) dumps to the same bytes.
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  const std::string config = R"({"auth":{"type":"oauth","requiredScopes":["oauth","crm.objects.deals.read","automation"]}})";
  for (const char* text : {"GET /crm/v3/objects/contacts\nPOST /automation/v4/flows\nGET /nope", "", "GET /crm/v3/objects/{objectType}"})
    for (const std::string& cfg : {std::string(), config}) {
      CAPTURE(text);
      auto o = tierscope::read_options("{\"account\": {\"hubs\": {\"sales\": \"professional\"}}}", *catalog->model);
      CHECK(tierscope::calls_text(text, cfg, o) == tierscope::dump(tierscope::calls_json(text, cfg, o)));
      CHECK(tierscope::calls_text(text, cfg, {}) == tierscope::dump(tierscope::calls_json(text, cfg, {})));
    }
}

TEST_CASE("calls: an uncovered call's covered_by follows the options of each run, in any order") {
  // The tiers per alternative are kept between runs (calls.cpp): the options are part of what is kept.
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "crm.objects.contacts.read"]}})";
  std::string text = "POST /crm/v3/objects/deals\n";
  auto cover = [&](const std::string& options) {
    json r = calls_ok(text, config, options);
    REQUIRE(r["uncovered"].size() == 1);
    REQUIRE(!r["uncovered"][0]["covered_by"].empty());
    return r["uncovered"][0]["covered_by"][0];
  };
  json all = cover("");
  REQUIRE(all["tiers"].size() >= 2);
  std::string id = all["tiers"][0].get<std::string>();
  json one = cover(R"({"profiles": [")" + id + R"("]})");
  CHECK(one["tiers_total"] == 1);
  CHECK(one["tiers"] == json::array({id}));
  json again = cover("");
  CHECK(again == all);
  CHECK(cover(R"({"profiles": [")" + id + R"("]})") == one);
  CHECK(all["tiers_total"].get<std::size_t>() > 1);
}

TEST_CASE("calls: forget_kept_counts empties what is kept between runs, and the next report is the same") {
  std::string config = R"({"auth": {"requiredScopes": ["oauth", "crm.objects.contacts.read"]}})";
  std::string text = "POST /crm/v3/objects/deals\nGET /crm/v3/objects/companies\nGET /files/v3/files\n";
  calls_ok(text, config);  // loads the operations table
  const std::string first = tierscope::calls(text, config, "").json;
  REQUIRE(first.find("\"covered_by\"") != std::string::npos);  // both kept kinds were asked for
  tierscope::forget_kept_counts();
  CHECK(tierscope::calls(text, config, "").json == first);
  tierscope::forget_kept_counts();
  tierscope::forget_kept_counts();  // nothing kept: nothing to do
  CHECK(!tierscope::calls(text, "", "").json.empty());
  CHECK(tierscope::calls(text, config, "").json == first);
}
