// HubSpot developer projects (check_project, diff_projects): each rule of data/sources/project-rules.json
// on a small hand-made project, with the file, line and JSON path of each finding.
#include "helpers.hpp"
#include "project_rules_builtin.hpp"
#include "project/project.hpp"

namespace {
json files_of(std::initializer_list<std::pair<const std::string, std::string>> files) {
  json j = json::object();
  for (const auto& [p, t] : files) j[p] = t;
  return j;
}

tierscope::Outcome project(const json& files, const std::string& options = "") {
  REQUIRE(tierscope::load_project_rules(tierscope::builtin_project_rules_json()).ok);
  return tierscope::check_project(files.dump(), options);
}

json project_ok(const json& files, const std::string& options = "") {
  auto out = project(files, options);
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}

const json* find_diag(const json& doc, const std::string& code) {
  for (const auto& d : doc["diagnostics"])
    if (d["code"] == code) return &d;
  return nullptr;
}

const std::string kProject = R"({"name": "p", "srcDir": "src", "platformVersion": "2025.2"})";

std::string app(const std::string& auth, const std::string& extra = "") {
  return R"({
  "uid": "my_app",
  "type": "app",
  "config": {
    "name": "My app",
    "distribution": "marketplace",)" +
         extra + R"(
    "auth": )" + auth + R"(
  }
})";
}

const std::string kOauth = R"({"type": "oauth", "requiredScopes": ["oauth"], "optionalScopes": ["crm.objects.deals.read"]})";

std::string card(const std::string& objects) {
  return R"({
  "uid": "my_card",
  "type": "card",
  "config": {
    "name": "Card",
    "location": "crm.record.tab",
    "objectTypes": )" + objects + R"(
  }
})";
}
}  // namespace

TEST_CASE("project: a folder without hsproject.json is an error that says what was looked for") {
  auto out = project(files_of({{"src/app/app-hsmeta.json", app(kOauth)}}));
  REQUIRE_FALSE(out.ok);
  CHECK(out.error_code == "parse-error");
  CHECK(out.error.find("hsproject.json") != std::string::npos);
}

TEST_CASE("project: the platform version read, the app config and its auth block") {
  json doc = project_ok(files_of({{"hsproject.json", kProject}, {"src/app/app-hsmeta.json", app(kOauth)}}));
  CHECK(doc["project"]["platform_version"] == "2025.2");
  CHECK(doc["project"]["platform_version_known"] == true);
  CHECK(doc["project"]["app"]["file"] == "src/app/app-hsmeta.json");
  CHECK(doc["project"]["app"]["distribution"] == "marketplace");
  CHECK(doc["project"]["app"]["auth_type"] == "oauth");
  CHECK(doc["check"]["request"]["optional"] == json::array({"crm.objects.deals.read"}));
  CHECK(doc["diagnostics"].empty());
}

TEST_CASE("project: an unknown platform version is a warning on hsproject.json's line") {
  json doc = project_ok(files_of({{"hsproject.json", "{\n  \"name\": \"p\",\n  \"platformVersion\": \"2030.1\"\n}"},
                                  {"src/app/app-hsmeta.json", app(kOauth)}}));
  const json* d = find_diag(doc, "unknown-platform-version");
  REQUIRE(d);
  CHECK((*d)["file"] == "hsproject.json");
  CHECK((*d)["line"] == 3);
  CHECK((*d)["path"] == "platformVersion");
}

TEST_CASE("project: an app card needs its object's read scope as required (file, line, JSON path)") {
  json doc = project_ok(files_of({{"hsproject.json", kProject},
                                  {"src/app/app-hsmeta.json", app(kOauth)},
                                  {"src/app/cards/c-hsmeta.json", card(R"(["CONTACT", "deals"])")}}));
  REQUIRE(doc["features"].size() == 1);
  CHECK(doc["features"][0]["kind"] == "card");
  CHECK(doc["features"][0]["implies"].size() == 2);
  const json* missing = find_diag(doc, "feature-scope-missing");
  REQUIRE(missing);
  CHECK((*missing)["scope"] == "crm.objects.contacts.read");
  CHECK((*missing)["file"] == "src/app/cards/c-hsmeta.json");
  CHECK((*missing)["line"] == 7);
  CHECK((*missing)["path"] == "config.objectTypes[0]");
  const json* optional = find_diag(doc, "feature-scope-not-required");  // deals.read is only optional
  REQUIRE(optional);
  CHECK((*optional)["scope"] == "crm.objects.deals.read");
  CHECK((*optional)["path"] == "config.objectTypes[1]");
  CHECK(doc["implied_scopes"].size() == 2);
}

TEST_CASE("project: a card on a custom object needs crm.objects.custom.read — an app object is not checked") {
  json doc = project_ok(files_of({{"hsproject.json", kProject},
                                  {"src/app/app-hsmeta.json", app(R"({"type": "oauth", "requiredScopes": ["oauth", "crm.objects.custom.read"]})")},
                                  {"src/app/cards/c-hsmeta.json", card(R"(["p_pets", "2-12345", "band"])")},
                                  {"src/app/app-objects/band-hsmeta.json", R"({"uid": "band", "type": "app-object", "config": {"name": "BAND"}})"}}));
  CHECK(find_diag(doc, "feature-scope-missing") == nullptr);
  REQUIRE(doc["features"][0]["implies"].size() == 1);
  CHECK(doc["features"][0]["implies"][0]["scope"] == "crm.objects.custom.read");
  CHECK(find_diag(doc, "app-object"));
  CHECK(find_diag(doc, "unknown-object-type") == nullptr);
}

TEST_CASE("project: an unknown object type is a warning, not a guess") {
  json doc = project_ok(files_of({{"hsproject.json", kProject}, {"src/app/app-hsmeta.json", app(kOauth)},
                                  {"src/app/cards/c-hsmeta.json", card(R"(["spaceships"])")}}));
  CHECK(find_diag(doc, "unknown-object-type"));
  CHECK(doc["features"][0]["implies"].empty());
}

TEST_CASE("project: webhook subscriptions need the object's read scope as required — inactive ones do not") {
  std::string hooks = R"({"uid": "hooks", "type": "webhooks", "config": {"settings": {"targetUrl": "https://x.example"},
    "subscriptions": {"crmObjects": [{"subscriptionType": "object.creation", "objectType": "company", "active": true},
                                     {"subscriptionType": "object.creation", "objectType": "deal", "active": false}],
                      "legacyCrmObjects": [{"subscriptionType": "contact.deletion", "active": true}]}}})";
  json doc = project_ok(files_of({{"hsproject.json", kProject},
                                  {"src/app/app-hsmeta.json", app(R"({"type": "oauth", "requiredScopes": ["oauth", "crm.objects.contacts.read"]})")},
                                  {"src/app/webhooks/webhooks-hsmeta.json", hooks}}));
  REQUIRE(doc["features"].size() == 1);
  CHECK(doc["features"][0]["kind"] == "webhooks");
  CHECK(doc["features"][0]["implies"].size() == 2);
  const json* d = find_diag(doc, "feature-scope-missing");
  REQUIRE(d);
  CHECK((*d)["scope"] == "crm.objects.companies.read");
  CHECK((*d)["path"] == "config.subscriptions.crmObjects[0].objectType");
}

TEST_CASE("project: a marketplace app needs oauth auth") {
  json doc = project_ok(files_of({{"hsproject.json", kProject}, {"src/app/app-hsmeta.json", app(R"({"type": "static", "requiredScopes": ["oauth"]})")}}));
  const json* d = find_diag(doc, "invalid-distribution-auth");
  REQUIRE(d);
  CHECK((*d)["path"] == "config.auth.type");
  CHECK((*d)["line"] == 7);  // the auth block (written on one line)
  json ok = project_ok(files_of({{"hsproject.json", kProject}, {"src/app/app-hsmeta.json", app(kOauth)}}));
  CHECK(find_diag(ok, "invalid-distribution-auth") == nullptr);
}

TEST_CASE("project: a user-level app asking for a scope only a super admin grants") {
  json doc = project_ok(files_of({{"hsproject.json", kProject},
                                  {"src/app/app-hsmeta.json", app(R"({"type": "oauth", "requiredScopes": ["oauth", "tickets"]})", "\n    \"isUserLevel\": true,")}}));
  const json* d = find_diag(doc, "user-level-super-admin");
  REQUIRE(d);
  CHECK((*d)["scope"] == "tickets");
  CHECK((*d)["path"] == "config.isUserLevel");
  CHECK(doc["project"]["app"]["is_user_level"] == true);
  json not_user = project_ok(files_of({{"hsproject.json", kProject},
                                       {"src/app/app-hsmeta.json", app(R"({"type": "oauth", "requiredScopes": ["oauth", "tickets"]})")}}));
  CHECK(find_diag(not_user, "user-level-super-admin") == nullptr);
}

TEST_CASE("project: a 2023.2 private app (app.json, crm-card extension, serverless functions)") {
  json doc = project_ok(files_of({{"hsproject.json", R"({"name": "old", "srcDir": "src", "platformVersion": "2023.2"})"},
                                  {"src/app/app.json", R"({"name": "Old", "uid": "old", "scopes": ["crm.objects.contacts.read"], "public": false})"},
                                  {"src/app/extensions/card.json", R"({"type": "crm-card", "data": {"uid": "old_card", "objectTypes": [{"name": "tickets"}]}})"},
                                  {"src/app/app.functions/serverless.json", R"({"appFunctions": {}})"}}));
  CHECK(doc["project"]["app"]["format"] == "private-app");
  CHECK(doc["project"]["app"]["auth_type"] == "static");
  CHECK(doc["project"]["app"]["derived"] == true);
  REQUIRE(doc["features"].size() == 2);
  const json* d = find_diag(doc, "feature-scope-missing");
  REQUIRE(d);
  CHECK((*d)["scope"] == "tickets");
  CHECK((*d)["path"] == "data.objectTypes[0].name");
}

TEST_CASE("project: hsproject.json without an app config gives no verdict") {
  json doc = project_ok(files_of({{"hsproject.json", kProject}}));
  CHECK(doc["check"].is_null());
  CHECK(find_diag(doc, "no-app-config"));
}

TEST_CASE("project: an app config that is not JSON is an error naming the file and line") {
  auto out = project(files_of({{"hsproject.json", kProject}, {"src/app/app-hsmeta.json", "{\n  \"uid\": \"a\",\n}"}}));
  REQUIRE_FALSE(out.ok);
  CHECK(out.error.find("src/app/app-hsmeta.json") != std::string::npos);
  CHECK(out.error.find("line 3") != std::string::npos);
}

TEST_CASE("project: the files must be an object of texts") {
  REQUIRE(tierscope::load_project_rules(tierscope::builtin_project_rules_json()).ok);
  CHECK_FALSE(tierscope::check_project("[1]", "").ok);
  CHECK_FALSE(tierscope::check_project(R"({"a": 1})", "").ok);
}

TEST_CASE("project diff: static to oauth uninstalls everywhere — a new card adds its scope") {
  REQUIRE(tierscope::load_project_rules(tierscope::builtin_project_rules_json()).ok);
  json before = files_of({{"hsproject.json", kProject},
                          {"src/app/app-hsmeta.json", R"({"uid": "a", "type": "app", "config": {"distribution": "private", "auth": {"type": "static", "requiredScopes": ["oauth"]}}})"}});
  json after = files_of({{"hsproject.json", kProject},
                         {"src/app/app-hsmeta.json", R"({"uid": "a", "type": "app", "config": {"distribution": "private", "auth": {"type": "oauth", "requiredScopes": ["oauth", "crm.objects.deals.read"]}}})"},
                         {"src/app/cards/c-hsmeta.json", card(R"(["deals"])")}});
  auto out = tierscope::diff_projects(before.dump(), after.dump(), "");
  INFO(out.error);
  REQUIRE(out.ok);
  json d = json::parse(out.json);
  REQUIRE(d["warnings"].size() == 1);
  CHECK(d["warnings"][0]["code"] == "auth-type-change");
  REQUIRE(d["feature_changes"].size() == 1);
  CHECK(d["feature_changes"][0]["change"] == "added");
  CHECK(d["feature_changes"][0]["adds_scopes"] == json::array({"crm.objects.deals.read"}));
  CHECK(d["scopes"].is_object());
  auto same = tierscope::diff_projects(before.dump(), before.dump(), "");
  REQUIRE(same.ok);
  CHECK(json::parse(same.json)["warnings"].empty());
}

#include "operations_builtin.hpp"

namespace {
json scan_ok(const json& files, const std::string& config = "") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  REQUIRE(tierscope::load_client_methods(tierscope::builtin_client_methods_json()).ok);
  auto out = tierscope::scan_calls(files.dump(), config, "");
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}

const json* call_at(const json& r, const std::string& file, int line) {
  for (const auto& c : r["calls"])
    if (c["file"] == file && c["line"] == line) return &c;
  return nullptr;
}
}  // namespace

TEST_CASE("scan: literal paths, template strings, f-strings, URLs and client methods, each with file and line") {
  json r = scan_ok(files_of({{"src/a.js",
                              "const hubspot = require('@hubspot/api-client');\n"
                              "const page = await hubspotClient.crm.contacts.basicApi.getPage(10);\n"
                              "await axios.post(`https://api.hubapi.com/crm/v3/objects/deals/${id}/associations/default/contacts/${cid}`);\n"
                              "const r = await fetch(`${BASE_URL}/crm/v3/objects/companies/${id}`, {\n"
                              "  method: 'PATCH',\n"
                              "});\n"
                              "const other = 'https://example.com/crm/v3/objects/contacts';\n"},
                             {"tools/sync.py",
                              "import requests\n"
                              "requests.get(f\"https://api.hubapi.com/crm/v3/objects/tickets/{ticket_id}\")\n"
                              "client.crm.companies.basic_api.get_page()\n"}}));
  const json* client = call_at(r, "src/a.js", 2);
  REQUIRE(client);
  CHECK((*client)["method"] == "GET");
  CHECK((*client)["path"] == "/crm/v3/objects/contacts");
  CHECK((*client)["via"] == "client");
  CHECK((*client)["client_method"] == "crm.contacts.basicApi.getPage");
  const json* post = call_at(r, "src/a.js", 3);
  REQUIRE(post);
  CHECK((*post)["method"] == "POST");
  CHECK((*post)["via"] == "literal");
  const json* patch = call_at(r, "src/a.js", 4);
  REQUIRE(patch);
  CHECK((*patch)["method"] == "PATCH");
  CHECK((*patch)["path"].get<std::string>().find("/crm/v3/objects/companies/") == 0);
  CHECK(call_at(r, "src/a.js", 7) == nullptr);  // another host
  const json* py = call_at(r, "tools/sync.py", 2);
  REQUIRE(py);
  CHECK((*py)["method"] == "GET");
  CHECK((*py)["chosen"].dump().find("tickets") != std::string::npos);
  const json* pyclient = call_at(r, "tools/sync.py", 3);
  REQUIRE(pyclient);
  CHECK((*pyclient)["client_method"] == "crm.companies.basic_api.get_page");
  CHECK(r["input"]["format"] == "source");
  CHECK(r["clients"]["javascript"]["package"] == "@hubspot/api-client");
}

TEST_CASE("project with code: over-asking, uncovered calls and the least-privilege auth block") {
  REQUIRE(tierscope::load_operations(tierscope::builtin_operations_json()).ok);
  REQUIRE(tierscope::load_client_methods(tierscope::builtin_client_methods_json()).ok);
  json doc = project_ok(files_of({{"hsproject.json", kProject},
                                  {"src/app/app-hsmeta.json",
                                   app(R"({"type": "oauth", "requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"]})")},
                                  {"src/app/cards/c-hsmeta.json", card(R"(["contacts"])")},
                                  {"src/app/functions/f.js", "await hubspotClient.crm.deals.basicApi.getPage();\n"}}));
  REQUIRE(doc["calls"].is_object());
  json unused = json::array();
  for (const auto& u : doc["calls"]["unused"]) unused.push_back(u["scope"]);
  CHECK(unused == json::array({"automation"}));  // contacts.read: the card needs it
  REQUIRE(doc["calls"]["uncovered"].size() == 1);
  CHECK(doc["calls"]["uncovered"][0]["file"] == "src/app/functions/f.js");
  json req = doc["least_privilege_auth"]["requiredScopes"];
  CHECK(std::find(req.begin(), req.end(), "crm.objects.contacts.read") != req.end());
  CHECK(std::find(req.begin(), req.end(), "automation") == req.end());
  CHECK(std::find(req.begin(), req.end(), "oauth") != req.end());
}

TEST_CASE("scan: the Python client's own method names (read from hubspot-api-python, not derived from the JS names)") {
  json r = scan_ok(files_of({{"app/sync.py",
                              "from hubspot import HubSpot\n"
                              "client = HubSpot(access_token=token)\n"
                              "authors = client.cms.blogs.authors.author_api.get_page()\n"
                              "found = client.crm.contacts.search_api.do_search(public_object_search_request=req)\n"
                              "derived = client.cms.blogs.authors.blog_authors_api.get_page()\n"}}));
  const json* authors = call_at(r, "app/sync.py", 3);
  REQUIRE(authors);  // the JS client calls it blogAuthorsApi: a snake_case of the JS name would miss it
  CHECK((*authors)["client_method"] == "cms.blogs.authors.author_api.get_page");
  CHECK((*authors)["path"] == "/cms/v3/blogs/authors");
  CHECK((*authors)["method"] == "GET");
  const json* search = call_at(r, "app/sync.py", 4);
  REQUIRE(search);
  CHECK((*search)["method"] == "POST");
  CHECK((*search)["path"] == "/crm/v3/objects/contacts/search");
  CHECK(call_at(r, "app/sync.py", 5) == nullptr);  // no such attribute in the Python client
  CHECK(r["clients"]["python"]["package"] == "hubspot-api-client");
  CHECK(r["clients"]["python"]["version"].is_string());
}

TEST_CASE("project files: what the CLI's folder walk leaves out, the API leaves out too") {
  using tierscope::ProjectPart;
  CHECK(tierscope::project_file_read("src/app/app-hsmeta.json", 10, ProjectPart::Both));
  CHECK(tierscope::project_file_read("src/app/functions/f.ts", 10, ProjectPart::Sources));
  CHECK_FALSE(tierscope::project_file_read("src/app/functions/f.ts", 10, ProjectPart::Configs));
  CHECK_FALSE(tierscope::project_file_read("src/app/app-hsmeta.json", 10, ProjectPart::Sources));
  CHECK_FALSE(tierscope::project_file_read("src/app/node_modules/x/index.js", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("dist/main.js", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("a/.git/config.json", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("src/package-lock.json", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("src/types.d.ts", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("src/logo.png", 10, ProjectPart::Both));
  CHECK_FALSE(tierscope::project_file_read("src/big.js", (1u << 20) + 1, ProjectPart::Both));
  CHECK(tierscope::project_file_read("src/builder/x.js", 10, ProjectPart::Both));  // only a folder named build
  // A whole folder handed over (as a page does): the calls in build/ and node_modules/ are not read.
  json r = scan_ok(files_of({{"src/a.js", "await hubspotClient.crm.deals.basicApi.getPage();\n"},
                             {"build/a.js", "await hubspotClient.crm.contacts.basicApi.getPage();\n"},
                             {"node_modules/x/a.js", "await hubspotClient.crm.tickets.basicApi.getPage();\n"},
                             {"hsproject.json", kProject}}));
  REQUIRE(r["calls"].size() == 1);
  CHECK(r["calls"][0]["file"] == "src/a.js");
  CHECK(r["input"]["files"] == 1);
}
