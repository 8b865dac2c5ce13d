#include "helpers.hpp"

TEST_CASE("unknown-scope suggests by case and by edit distance") {
  json r = check_ok("crm.objects.contact.read");
  const json& d = diag(r, "unknown-scope");
  CHECK(d["severity"] == "error");
  CHECK(d["scope"] == "crm.objects.contact.read");
  CHECK(d["suggestion"]["action"] == "replace");
  CHECK(d["suggestion"]["scopes"] == json::array({"crm.objects.contacts.read"}));
  CHECK(d["message"].get<std::string>().find("Did you mean crm.objects.contacts.read?") != std::string::npos);
  json upper = check_ok("Automation");
  CHECK(diag(upper, "unknown-scope")["suggestion"]["scopes"] == json::array({"automation"}));
  json nothing_near = check_ok("completely-made-up-thing");
  CHECK(diag(nothing_near, "unknown-scope")["suggestion"]["action"] == "remove");
}

TEST_CASE("retired-scope suggests the replacements — deprecated-scope warns") {
  json r = check_ok("contacts");
  const json& d = diag(r, "retired-scope");
  CHECK(d["severity"] == "error");
  CHECK(d["suggestion"]["scopes"].size() == 6);
  CHECK(d["suggestion"]["scopes"][0] == "crm.objects.contacts.read");
  CHECK(status(r, "marketing-enterprise") == "invalid-scope");
  json dep = check_ok("reports");
  CHECK(diag(dep, "deprecated-scope")["severity"] == "warning");
  CHECK_FALSE(has_code(dep, "retired-scope"));
  CHECK(status(dep, "free") == "uncertain");  // deprecated, tier undocumented
}

TEST_CASE("alias resolves to the canonical name with an info") {
  json r = check_ok("settings.users.team.write crm.objects.feedback_submission.read");
  CHECK(r["request"]["required"] ==
        json::array({"crm.objects.feedback_submissions.read", "oauth", "settings.users.teams.write"}));
  CHECK(has_code(r, "alias", "settings.users.team.write"));
  CHECK(has_code(r, "alias", "crm.objects.feedback_submission.read"));
  CHECK(diag(r, "alias")["severity"] == "info");
}

TEST_CASE("duplicate-scope and conflicting-kinds") {
  json dup = check_ok("tickets tickets TICKETS");
  CHECK(has_code(dup, "duplicate-scope", "tickets"));
  CHECK(dup["request"]["required"] == json::array({"TICKETS", "oauth", "tickets"}));
  json alias_dup = check_ok("settings.users.teams.write settings.users.team.write");
  CHECK(has_code(alias_dup, "duplicate-scope"));
  json conflict = fields_ok({{"required", "oauth automation"}, {"optional", "automation"}});
  const json& d = diag(conflict, "conflicting-kinds");
  CHECK(d["severity"] == "warning");
  CHECK(d["scope"] == "automation");
  CHECK(conflict["request"]["required"] == json::array({"automation", "oauth"}));
  CHECK(conflict["request"]["optional"].empty());
  json cond_opt = fields_ok({{"conditional", "social"}, {"optional", "social"}, {"required", "oauth"}});
  CHECK(cond_opt["request"]["conditional"] == json::array({"social"}));
}

TEST_CASE("undocumented-availability and secondary-source") {
  json r = check_ok("crm-access tickets.sensitive crm.objects.contacts.sensitive.read");
  const json& u = diag(r, "undocumented-availability");
  CHECK(u["severity"] == "warning");
  CHECK(u["scope"] == "crm-access");
  CHECK(u["suggestion"]["action"] == "make-optional");
  CHECK(has_code(r, "secondary-source", "tickets.sensitive"));  // only a secondary source states its tier
  CHECK_FALSE(has_code(r, "secondary-source", "oauth"));
}

TEST_CASE("missing-oauth adds oauth — empty-request warns") {
  json r = check_ok("tickets");
  CHECK(diag(r, "missing-oauth")["severity"] == "info");
  CHECK(diag(r, "missing-oauth")["suggestion"]["scopes"] == json::array({"oauth"}));
  CHECK(r["request"]["required"] == json::array({"oauth", "tickets"}));
  json given_optional = fields_ok({{"required", "tickets"}, {"optional", "oauth"}});
  CHECK(given_optional["request"]["required"] == json::array({"oauth", "tickets"}));
  CHECK(has_code(given_optional, "missing-oauth"));
  CHECK_FALSE(has_code(check_ok("oauth tickets"), "missing-oauth"));
  json empty = check_ok("  \n ,, ");
  CHECK(diag(empty, "empty-request")["severity"] == "warning");
  CHECK(empty["request"]["required"].empty());
  CHECK_FALSE(has_code(empty, "missing-oauth"));
}

TEST_CASE("diagnostics come errors first, then warnings, then info") {
  json r = check_ok("tickets crm-access contacts settings.users.team.write");
  std::vector<int> ranks;
  for (const auto& d : r["diagnostics"])
    ranks.push_back(d["severity"] == "error" ? 0 : d["severity"] == "warning" ? 1 : 2);
  CHECK(std::is_sorted(ranks.begin(), ranks.end()));
  CHECK(ranks.front() == 0);
  CHECK(ranks.back() == 2);
  for (const auto& d : r["diagnostics"]) {
    CHECK(d.size() == 5);
    CHECK(d["message"].get<std::string>().size() > 10);
  }
}

TEST_CASE("suggestions: the smallest make-optional set per failing profile group") {
  json pro = json::array({json::array({{{"hub", "marketing"}, {"min_tier", "professional"}}})});
  json ent = json::array({json::array({{{"hub", "marketing"}, {"min_tier", "enterprise"}}})});
  UseCatalog use(small_catalog({"free", "starter", "professional", "enterprise"},
                               {"marketing", "sales", "service", "content", "data", "commerce", "smart_crm"}, {"website_addon"},
                               json::array({{{"name", "oauth"}, {"requires", "any"}, {"confidence", "docs-table"}},
                                            {{"name", "m.pro"}, {"requires", pro}, {"confidence", "docs-table"}},
                                            {{"name", "m.ent"}, {"requires", ent}, {"confidence", "api-spec"}},
                                            {{"name", "every"}, {"requires", "any"}, {"confidence", "docs-text"}}})));
  json r = check_ok("oauth m.pro m.ent every");
  const json& s = r["suggestions"];
  REQUIRE(s.size() == 2);
  CHECK(s[0]["action"] == "make-optional");
  CHECK(s[0]["scopes"] == json::array({"m.ent"}));
  CHECK(s[0]["unlocks"] == json::array({"marketing-professional"}));
  CHECK(s[0]["combinations"] == 16384);  // marketing at professional or higher: half of 4^7 x 2 = 32,768
  CHECK(s[1]["scopes"] == json::array({"m.ent", "m.pro"}));
  CHECK(s[1]["unlocks"].size() == 21);  // every failing profile: all but marketing-enterprise
  CHECK(s[1]["combinations"] == 32768);
  // Applying a suggestion really unlocks what it says.
  json after = fields_ok({{"required", "oauth m.pro every"}, {"optional", "m.ent"}});
  CHECK(status(after, "marketing-professional") == "installs");
  CHECK(combos(after) == 16384u);
  CHECK(check_ok("oauth every")["suggestions"].empty());
  json invalid = check_ok("m.pro nosuch.scope");  // the bad name first, then as if it were gone
  CHECK(invalid["suggestions"][0]["action"] == "remove-or-rename");
  CHECK(invalid["suggestions"][0]["scopes"] == json::array({"nosuch.scope"}));
  CHECK(invalid["suggestions"][1]["action"] == "make-optional");
  CHECK(invalid["suggestions"][1]["scopes"] == json::array({"m.pro"}));
  // A well-formed unknown name (maybe newer than the catalog) is never made optional for the known
  // scopes' failures: it is only ever suggested for removal or renaming.
  for (const auto& s : invalid["suggestions"])
    if (s["action"] != "remove-or-rename")
      CHECK(std::find(s["scopes"].begin(), s["scopes"].end(), "nosuch.scope") == s["scopes"].end());
  json retired = check_ok("m.pro Nosuch.Scope");  // outside the grammar: invalid, first as well
  CHECK(retired["suggestions"][0]["action"] == "remove-or-rename");
}

TEST_CASE("markdown report for pull requests") {
  auto r = tierscope::check_text("automation contacts|x", "");
  REQUIRE(r.ok);
  auto md = tierscope::render_markdown(r.json);
  REQUIRE(md.ok);
  CHECK(md.json.find("### tierscope: installs on 0 of " + std::to_string(tierscope::Catalog::builtin()->model->profiles.size()) + " standard tiers") != std::string::npos);
  CHECK(md.json.find("| Marketing Hub Professional | ⛔ invalid scope |") != std::string::npos);
  CHECK(md.json.find("contacts\\|x") != std::string::npos);  // user text cannot break the table
  auto ok = tierscope::render_markdown(tierscope::check_text("automation", "").json);
  CHECK(ok.json.find("| Free | ❌ permission error | automation |") != std::string::npos);
  CHECK(ok.json.find("Make automation optional") != std::string::npos);
  auto bad = tierscope::render_markdown("{\"x\": 1}");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("not a tierscope report") != std::string::npos);
}

TEST_CASE("scope listing: search, labels in our words, entries complete") {
  auto all = json::parse(tierscope::list_scopes("").json);
  CHECK(all.size() == tierscope::Catalog::builtin()->scopes.size());
  auto found = json::parse(tierscope::list_scopes("CONTACTS.READ").json);
  REQUIRE(!found.empty());
  for (const auto& e : found) CHECK(e["name"].get<std::string>().find("contacts") != std::string::npos);
  auto one = json::parse(tierscope::list_scopes("crm.objects.contacts.read").json);
  const json* entry = nullptr;
  for (const auto& e : one)
    if (e["name"] == "crm.objects.contacts.read") entry = &e;
  REQUIRE(entry);
  CHECK((*entry)["label"] == "View contacts");
  CHECK((*entry)["group"] == "CRM records");
  CHECK((*entry)["confidence"] == "docs-table");
  REQUIRE(!(*entry)["evidence"].empty());
  CHECK((*entry)["evidence"][0]["kind"] == "docs-table");
  CHECK((*entry)["evidence"][0]["url"].get<std::string>().rfind("https://", 0) == 0);
  CHECK((*entry)["tier_text"] == "Any account");
  for (const auto& e : all) {
    CHECK(!e["label"].get<std::string>().empty());
    CHECK(!e["group"].get<std::string>().empty());
  }
  CHECK(json::parse(tierscope::list_scopes("zzzz-nothing").json).empty());
}
