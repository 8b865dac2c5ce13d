// Issue 24: names the catalog lacks (unknown-scope vs invalid-scope), the verify plan, hub aliases.
#include "helpers.hpp"

// HubSpot's scope grammar (input/request.hpp scope_grammar), seen through the status of a one-name request.
static std::string verdict(const std::string& name) {
  json r = fields_ok({{"required", json::array({"oauth", name})}});
  return status(r, "marketing-enterprise");
}

TEST_CASE("scope grammar: what HubSpot's names look like") {
  for (const char* ok : {"brandnew.read", "crm.objects.newthing.read", "new-standalone-access", "new_units_view.read",
                         "crm.objects.newthing.sensitive.read.v2"})
    CHECK_MESSAGE(verdict(ok) == "unknown-scope", ok);
  for (const char* bad : {"Automation", "oau%2", ".read", "read.", "crm..objects", "1abc", "a;b"})
    CHECK_MESSAGE(verdict(bad) == "invalid-scope", bad);
  CHECK(verdict(std::string(101, 'a')) == "invalid-scope");
  CHECK(verdict(std::string(100, 'a')) == "unknown-scope");
}

TEST_CASE("a well-formed name the catalog lacks is unknown-scope, not invalid-scope") {
  json r = check_ok("oauth crm.objects.contacts.read brandnew.feature.read");
  CHECK(status(r, "free") == "unknown-scope");
  CHECK(status(r, "marketing-enterprise") == "unknown-scope");
  const json& d = diag(r, "unknown-scope");
  std::string msg = d["message"];
  CHECK(msg.find("as of " + r["catalog"]["as_of"].get<std::string>()) != std::string::npos);
  CHECK(msg.find("check HubSpot's scope docs") != std::string::npos);
  CHECK(r["coverage"]["combinations"]["installs"] == 0);  // nothing counts as a sure install
  CHECK(r["coverage"]["combinations"]["disputed"] == r["coverage"]["combinations"]["total"]);
  // A known scope that surely fails still says so: permission-error before unknown-scope.
  json p = check_ok("oauth automation brandnew.feature.read");
  CHECK(status(p, "free") == "permission-error");
  CHECK(profile(p, "free")["missing"] == json::array({"automation"}));
  CHECK(status(p, "marketing-enterprise") == "unknown-scope");
  // Did-you-mean still works for a typo.
  json t = check_ok("crm.objects.contact.read");
  CHECK(status(t, "free") == "unknown-scope");
  CHECK(diag(t, "unknown-scope")["suggestion"]["scopes"] == json::array({"crm.objects.contacts.read"}));
}

TEST_CASE("names outside the grammar, retired names and placeholders stay invalid-scope") {
  json upper = check_ok("Automation");
  CHECK(status(upper, "marketing-enterprise") == "invalid-scope");
  CHECK(diag(upper, "unknown-scope")["message"].get<std::string>().find("not a HubSpot scope name") != std::string::npos);
  CHECK(status(check_ok("contacts"), "free") == "invalid-scope");
  // invalid wins over unknown
  CHECK(status(check_ok("contacts brandnew.read"), "free") == "invalid-scope");
}

TEST_CASE("the newest sources' names are known: workflows.*") {
  json r = check_ok("oauth workflows.read workflows.write workflows.trigger");
  CHECK_FALSE(has_code(r, "unknown-scope"));
  CHECK(status(r, "free") == "uncertain");  // named by the guide, no tier stated
  CHECK(has_code(r, "undocumented-availability", "workflows.read"));
}

TEST_CASE("verify: a test-account plan for each uncertain profile, every level explicit") {
  json r = check_ok("oauth automation");
  const json& v = r["verify"];
  REQUIRE(v.is_array());
  std::size_t uncertain = 0;
  for (const auto& p : r["profiles"]) uncertain += p["status"] == "uncertain";
  CHECK(v.size() == uncertain);
  CHECK(uncertain > 0);
  bool saw_sales = false, saw_crm = false;
  for (const auto& e : v) {
    const std::string id = e["profile"];
    CHECK(status(r, id) == "uncertain");
    CHECK(e["install_url"].get<std::string>().find("scope=automation%20oauth") != std::string::npos);
    if (id == "sales-professional") {
      saw_sales = true;
      const json& a = e["hs_test_account"];
      CHECK(a == json::parse(R"({"accountName": "tierscope sales-professional", "marketingLevel": "FREE",
        "salesLevel": "PROFESSIONAL", "serviceLevel": "FREE", "contentLevel": "FREE", "opsLevel": "FREE",
        "commerceLevel": "FREE"})"));
      CHECK(e["note"].is_null());
    }
    if (id == "smart_crm-professional") {
      saw_crm = true;
      CHECK(e["hs_test_account"].is_null());
      CHECK(e["note"].get<std::string>().find("cannot set Smart CRM") != std::string::npos);
    }
    if (!e["hs_test_account"].is_null())  // only levels hs offers (Revenue Hub: no STARTER)
      for (const char* key : {"marketingLevel", "salesLevel", "serviceLevel", "contentLevel", "opsLevel", "commerceLevel"}) {
        const std::string level = e["hs_test_account"][key];
        CHECK((level == "FREE" || level == "PROFESSIONAL" || level == "ENTERPRISE" || (level == "STARTER" && std::string(key) != "commerceLevel")));
      }
  }
  CHECK(saw_sales);
  CHECK_FALSE(saw_crm);  // the 2026 spec alone speaks of Smart CRM for automation: it installs there
  // cms.functions.read: only the 2023 table speaks, and not of Smart CRM (launched after it): uncertain there.
  json table_only = check_ok("oauth cms.functions.read");
  for (const auto& e : table_only["verify"])
    if (e["profile"] == "smart_crm-professional") {
      saw_crm = true;
      CHECK(e["hs_test_account"].is_null());
      CHECK(e["note"].get<std::string>().find("cannot set Smart CRM") != std::string::npos);
    }
  CHECK(saw_crm);
  json none = check_ok("oauth crm.objects.contacts.read");
  CHECK(none["verify"] == json::array());
}

TEST_CASE("Revenue Hub Starter is no tier: refused as a profile and in an account, absent from the report (issue 24 item 10)") {
  const std::string why = "HubSpot sells no Starter tier of Revenue Hub (formerly Commerce Hub); its tiers: free, professional, enterprise";
  tierscope::Outcome p = tierscope::check_text("oauth", R"({"profiles": ["commerce-starter"]})");
  CHECK_FALSE(p.ok);
  CHECK(p.error == "options: profiles: no profile \"commerce-starter\": " + why);
  for (const char* hub : {"commerce", "revenue"}) {
    tierscope::Outcome a = tierscope::check_text("oauth", std::string(R"({"account": {"hubs": {")") + hub + R"(": "starter"}}})");
    CHECK_FALSE(a.ok);
    CHECK(a.error == std::string("options: account.hubs.") + hub + ": " + why);
  }
  json r = check_ok("oauth crm.objects.commercepayments.read automation");
  for (const auto& row : r["profiles"]) CHECK(row["id"] != "commerce-starter");
  CHECK(r["coverage"]["by_hub"]["commerce"].size() == 3);
  CHECK_FALSE(r["coverage"]["by_hub"]["commerce"].contains("starter"));
  CHECK(r["coverage"]["by_hub"]["sales"].contains("starter"));
  for (const auto& e : r["verify"])
    if (!e["hs_test_account"].is_null()) CHECK(e["hs_test_account"]["commerceLevel"] != "STARTER");
  json info = json::parse(tierscope::catalog_info());
  CHECK(info["hubs"][5]["tiers"] == json::array({"free", "professional", "enterprise"}));
  CHECK(info["hubs"][6]["tiers"] == json::array({"free", "starter", "professional", "enterprise"}));  // Smart CRM Starter is sold
}

TEST_CASE("hub aliases in an account: revenue, commerce, crm, crmHub, cms, dataHub, ops") {
  const char* pairs[][2] = {{"revenue", "commerce"}, {"commerce", "commerce"}, {"crm", "smart_crm"}, {"crmHub", "smart_crm"},
                            {"cms", "content"}, {"dataHub", "data"}, {"ops", "data"}};
  for (const auto& pair : pairs) {
    const std::string alias = pair[0], id = pair[1];  // (clang 14: no structured binding in CHECK_MESSAGE's lambda)
    json r = check_ok("oauth", std::string(R"({"account": {"hubs": {")") + alias + R"(": "enterprise"}}})");
    CHECK_MESSAGE(r["account"]["account"]["hubs"][id] == "enterprise", alias);
  }
  tierscope::Outcome refused = tierscope::check_text("oauth", R"({"account": {"hubs": {"nosuchhub": "enterprise"}}})");
  CHECK_FALSE(refused.ok);
  CHECK(refused.error.find("revenue") != std::string::npos);  // the message lists the accepted keys
}

TEST_CASE("Commerce Hub shows as Revenue Hub (formerly Commerce Hub) — profile ids unchanged") {
  json r = check_ok("oauth");
  CHECK(profile(r, "commerce-professional")["name"] == "Revenue Hub (formerly Commerce Hub) Professional");
}

TEST_CASE("sources-disagree names the newest statement (issue 24 item 5)") {
  json r = check_ok("oauth automation");
  REQUIRE(has_code(r, "sources-disagree", "automation"));
  std::string msg;
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "sources-disagree" && d["scope"] == "automation") msg = d["message"];
  CHECK(msg.find("The newest statement is HubSpot API spec") != std::string::npos);
  CHECK(msg.find("(2026-08-21)") != std::string::npos);
}

TEST_CASE("a statement older than Smart CRM says nothing of it: no sources-disagree there (catalog rule 12)") {
  json r = check_ok("oauth cms.functions.read");
  CHECK(status(r, "smart_crm-professional") == "uncertain");
  CHECK_FALSE(has_code(r, "sources-disagree", "cms.functions.read"));
  const json& u = diag(r, "undocumented-availability");
  CHECK(u["scope"] == "cms.functions.read");
  std::string msg = u["message"];
  CHECK(msg.find("Smart CRM Starter, Smart CRM Professional, Smart CRM Enterprise:") != std::string::npos);
  CHECK(msg.find("HubSpot developer docs: scope table (2023 snapshot) (docs-table, 2023-01-01): Content Hub Enterprise.") != std::string::npos);
}

TEST_CASE("add-ons: transactional-email on Marketing Professional needs the add-on, no dispute (issue 24 item 3)") {
  json without = check_ok("oauth transactional-email", R"({"account": {"hubs": {"marketing": "professional"}}})");
  CHECK(without["account"]["status"] == "permission-error");
  json with = check_ok("oauth transactional-email",
                       R"({"account": {"hubs": {"marketing": "professional"}, "features": ["transactional_email_addon"]}})");
  CHECK(with["account"]["status"] == "installs");
}

TEST_CASE("batch subscription scopes: Marketing Enterprise (issue 24)") {
  json r = check_ok("oauth communication_preferences.statuses.batch.read");
  CHECK(status(r, "marketing-professional") == "permission-error");
  CHECK(status(r, "marketing-enterprise") == "installs");
}
