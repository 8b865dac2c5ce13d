#include <fstream>
#include <random>
#include <sstream>

#include "helpers.hpp"

// An independent evaluator straight from the catalog file, one configuration at a time, to check
// the bitset arithmetic. Configuration c: hub h's tier is (c / 4^h) % 4, features are bits 12..15.
namespace {
const char* kHubs[] = {"marketing", "sales", "service", "content", "data", "commerce"};
const char* kTiers[] = {"free", "starter", "professional", "enterprise"};
const char* kFeatures[] = {"website_addon", "transactional_email_addon", "business_units_addon", "sensitive_data"};

int idx(const char* const* list, int n, const std::string& s) {
  for (int i = 0; i < n; ++i)
    if (s == list[i]) return i;
  return -1;
}

bool holds(const json& cond, unsigned c) {
  if (cond.contains("feature")) return (c >> (12 + idx(kFeatures, 4, cond["feature"]))) & 1;
  int need = idx(kTiers, 4, cond["min_tier"]);
  auto tier = [&](int h) { return int(c / (1u << (2 * h))) % 4; };
  if (cond["hub"] == "any") {
    for (int h = 0; h < 6; ++h)
      if (tier(h) >= need) return true;
    return false;
  }
  return tier(idx(kHubs, 6, cond["hub"])) >= need;
}

bool available(const json& requires_, unsigned c) {
  if (requires_.is_null() || requires_ == "any") return true;
  for (const auto& alt : requires_) {
    bool all = true;
    for (const auto& cond : alt) all = all && holds(cond, c);
    if (all) return true;
  }
  return false;
}

const json& catalog_file() {
  static json doc = [] {
    std::ifstream f(TIERSCOPE_CATALOG_PATH);
    std::stringstream ss;
    ss << f.rdbuf();
    return json::parse(ss.str());
  }();
  return doc;
}

json requires_of(const std::string& name) {
  for (const auto& s : catalog_file()["scopes"])
    if (s["name"] == name) return s["requires"];
  return nullptr;
}

unsigned brute_force(const std::vector<std::string>& blocking) {
  std::vector<json> reqs;
  for (const auto& n : blocking) reqs.push_back(requires_of(n));
  unsigned n = 0;
  for (unsigned c = 0; c < 65536; ++c) {
    bool ok = true;
    for (const auto& r : reqs) ok = ok && available(r, c);
    n += ok;
  }
  return n;
}
}  // namespace

TEST_CASE("exact coverage counts for known requirements") {
  CHECK(combos(check_ok("automation")) == 32768u);                  // marketing >= professional
  CHECK(combos(check_ok("crm.objects.contacts.read")) == 65536u);   // any account
  CHECK(combos(check_ok("analytics.behavioral_events.send")) == 16384u);  // marketing enterprise
  // content: content >= pro OR marketing >= pro = 1 - (1/2 * 1/2)
  CHECK(combos(check_ok("content")) == 49152u);
  // transactional-email: marketing >= pro AND the add-on = 1/2 * 1/2
  CHECK(combos(check_ok("transactional-email")) == 16384u);
  // automation AND transactional-email = transactional-email (marketing >= pro already implied)
  CHECK(combos(check_ok("automation transactional-email")) == 16384u);
  // sensitive: some hub enterprise AND sensitive_data = (4096 - 3^6) * 8
  CHECK(combos(check_ok("crm.objects.contacts.sensitive.read")) == (4096u - 729u) * 8u);
}

TEST_CASE("coverage equals a brute-force count for random scope sets") {
  std::vector<std::string> names;
  for (const auto& s : catalog_file()["scopes"])
    if (!s.contains("retired_on")) names.push_back(s["name"]);
  std::mt19937 rng(20261128);
  for (int round = 0; round < 12; ++round) {
    std::vector<std::string> pick;
    int k = 1 + int(rng() % 5);
    for (int i = 0; i < k; ++i) pick.push_back(names[rng() % names.size()]);
    std::string text;
    for (const auto& n : pick) text += n + " ";
    CAPTURE(text);
    json r = check_ok(text);
    CHECK(combos(r) == brute_force(r["request"]["required"].get<std::vector<std::string>>()));
  }
}

TEST_CASE("per-profile status: OR of alternatives, AND of conditions, hub any, features") {
  json content = check_ok("content");  // content >= pro OR marketing >= pro
  CHECK(status(content, "free") == "permission-error");
  CHECK(status(content, "content-starter") == "permission-error");
  CHECK(status(content, "content-professional") == "installs");
  CHECK(status(content, "marketing-professional") == "installs");
  CHECK(status(content, "sales-enterprise") == "permission-error");
  CHECK(profile(content, "free")["missing"] == json::array({"content"}));

  json any_pro = check_ok("scheduler.meetings.meeting-link.read");  // some hub >= professional
  CHECK(status(any_pro, "free") == "permission-error");
  CHECK(status(any_pro, "data-starter") == "permission-error");
  CHECK(status(any_pro, "data-professional") == "installs");
  CHECK(status(any_pro, "commerce-enterprise") == "installs");

  // AND with a feature: no standard profile has features, so every profile fails...
  json tx = check_ok("transactional-email");
  CHECK(status(tx, "marketing-enterprise") == "permission-error");
  // ...but a custom account with the add-on installs, and one without does not.
  json with_addon = check_ok("transactional-email", R"({"account": {"hubs": {"marketing": "professional"}, "features": ["transactional_email_addon"]}})");
  CHECK(with_addon["account"]["status"] == "installs");
  CHECK(with_addon["account"]["id"] == "custom");
  CHECK(with_addon["account"]["account"]["hubs"]["marketing"] == "professional");
  json without = check_ok("transactional-email", R"({"account": {"hubs": {"marketing": "enterprise"}}})");
  CHECK(without["account"]["status"] == "permission-error");
  CHECK(without["account"]["missing"] == json::array({"transactional-email"}));
  CHECK(check_ok("oauth")["account"].is_null());

  // Feature alone as an alternative: marketing-email = marketing enterprise OR the transactional add-on.
  json me = check_ok("marketing-email", R"({"account": {"features": ["transactional_email_addon"]}})");
  CHECK(me["account"]["status"] == "installs");
  CHECK(status(me, "marketing-enterprise") == "installs");
  CHECK(status(me, "marketing-professional") == "permission-error");
}

TEST_CASE("optional scopes are dropped, never blocking") {
  json r = fields_ok({{"required", "oauth crm.objects.contacts.read"}, {"optional", "automation social"}});
  CHECK(combos(r) == 65536u);
  const json& free = profile(r, "free");
  CHECK(free["status"] == "installs");
  CHECK(free["dropped"] == json::array({"automation", "social"}));
  CHECK(free["granted"] == json::array({"crm.objects.contacts.read", "oauth"}));
  const json& mp = profile(r, "marketing-professional");
  CHECK(mp["dropped"].empty());
  CHECK(mp["granted"] == json::array({"automation", "crm.objects.contacts.read", "oauth", "social"}));
  CHECK(r["coverage"]["profiles"]["installs"] == 19);
}

TEST_CASE("conditionally required scopes count when given, and --without-conditional leaves them out") {
  json fields = {{"required", "oauth crm.objects.contacts.read"}, {"conditional", "automation"}};
  json with = fields_ok(fields);
  CHECK(status(with, "free") == "permission-error");
  CHECK(profile(with, "free")["missing"] == json::array({"automation"}));
  CHECK(combos(with) == 32768u);
  CHECK(with["input"]["without_conditional"] == false);
  json without = fields_ok(fields, R"({"withoutConditional": true})");
  CHECK(status(without, "free") == "installs");
  CHECK(combos(without) == 65536u);
  CHECK(without["input"]["without_conditional"] == true);
  CHECK(without["request"]["conditional"] == json::array({"automation"}));  // still listed
  CHECK(profile(without, "marketing-professional")["granted"] == json::array({"crm.objects.contacts.read", "oauth"}));
}

TEST_CASE("status precedence: invalid-scope, permission-error, uncertain, installs") {
  json invalid = check_ok("automation nosuch.scope");
  CHECK(status(invalid, "free") == "invalid-scope");
  CHECK(status(invalid, "marketing-enterprise") == "invalid-scope");
  CHECK(profile(invalid, "free")["missing"] == json::array({"automation"}));  // still explained
  CHECK(combos(invalid) == 0u);
  CHECK(invalid["coverage"]["profiles"]["installs"] == 0);
  json invalid_optional = fields_ok({{"required", "oauth"}, {"optional", "contacts"}});
  CHECK(status(invalid_optional, "free") == "invalid-scope");

  json uncertain = check_ok("automation crm-access");  // crm-access: tier not documented
  CHECK(status(uncertain, "free") == "permission-error");
  CHECK(status(uncertain, "marketing-professional") == "uncertain");
  CHECK(profile(uncertain, "marketing-professional")["unverified"] == json::array({"crm-access"}));
  CHECK(profile(uncertain, "marketing-professional")["granted"] == json::array({"automation", "oauth"}));
  CHECK(uncertain["coverage"]["profiles"]["uncertain"] == 2);
  CHECK(uncertain["coverage"]["profiles"]["installs"] == 0);
  CHECK(combos(uncertain) == 32768u);  // undocumented counts as available

  json optional_unverified = fields_ok({{"required", "oauth"}, {"optional", "crm-access"}});
  CHECK(status(optional_unverified, "free") == "installs");  // an optional scope cannot block
  CHECK(profile(optional_unverified, "free")["unverified"] == json::array({"crm-access"}));
}

TEST_CASE("coverage breakdowns by hub tier and by feature") {
  json r = check_ok("automation");
  const json& m = r["coverage"]["by_hub"]["marketing"];
  CHECK(m["free"] == 0);
  CHECK(m["starter"] == 0);
  CHECK(m["professional"] == 16384);
  CHECK(m["enterprise"] == 16384);
  CHECK(r["coverage"]["by_hub"]["sales"]["free"] == 8192);
  CHECK(r["coverage"]["by_feature"]["website_addon"]["on"] == 16384);
  CHECK(r["coverage"]["by_feature"]["website_addon"]["off"] == 16384);
}

TEST_CASE("profiles option limits rows, coverage stays whole; bad options are errors") {
  json r = check_ok("automation", R"({"profiles": ["free", "marketing-professional"]})");
  REQUIRE(r["profiles"].size() == 2);
  CHECK(r["profiles"][0]["id"] == "free");
  CHECK(r["coverage"]["profiles"]["installs"] == 2);
  for (const char* bad : {R"({"profiles": ["gold"]})", R"({"withoutConditional": "yes"})", R"({"colour": 1})",
                          R"({"account": {"hubs": {"marketing": "platinum"}}})", R"({"account": {"features": ["x"]}})", "[1]"}) {
    auto out = tierscope::check_text("oauth", bad);
    CAPTURE(bad);
    CHECK_FALSE(out.ok);
    CHECK(out.error_code == "bad-options");
    CHECK(out.error.rfind("options: ", 0) == 0);
  }
}

TEST_CASE("the same input gives byte-identical JSON") {
  std::string text = "tickets automation contacts crm-access social content oauth";
  auto a = tierscope::check_text(text, ""), b = tierscope::check_text(text, "");
  CHECK(a.json == b.json);
  auto c = tierscope::check_text("oauth content social automation crm-access contacts tickets", "");
  json ja = json::parse(a.json), jc = json::parse(c.json);
  CHECK(ja["profiles"] == jc["profiles"]);  // order of input does not change the evaluation
}
