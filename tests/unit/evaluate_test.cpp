#include <random>

#include "helpers.hpp"

// An independent evaluator straight from the catalog file, one configuration at a time, to check
// the word-at-a-time arithmetic. Configurations are enumerated in mixed radix (hub tiers, then
// features), not through the model's bit layout.
namespace {
const json& catalog_file() {
  static json doc = json::parse(read_text(TIERSCOPE_CATALOG_PATH));
  return doc;
}

int id_index(const json& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i]["id"] == id) return int(i);
  return -1;
}

struct Cond { int hub, tier, feature; };  // hub -1 = any; feature >= 0: a feature condition
using Req = std::vector<std::vector<Cond>>;  // empty = every account

Req compile(const json& requires_) {
  Req out;
  if (requires_.is_null() || requires_ == "any") return out;
  const json& f = catalog_file();
  for (const auto& alt : requires_) {
    std::vector<Cond> conds;
    for (const auto& c : alt)
      conds.push_back(c.contains("feature") ? Cond{-1, 0, id_index(f["features"], c["feature"])}
                                            : Cond{c["hub"] == "any" ? -1 : id_index(f["hubs"], c["hub"]),
                                                   id_index(f["tiers"], c["min_tier"]), -1});
    out.push_back(conds);
  }
  return out;
}

bool holds(const Req& r, const std::vector<int>& tier, const std::vector<int>& feat) {
  if (r.empty()) return true;
  for (const auto& alt : r) {
    bool all = true;
    for (const auto& c : alt) {
      if (c.feature >= 0) all = all && feat[c.feature];
      else if (c.hub >= 0) all = all && tier[c.hub] >= c.tier;
      else all = all && *std::max_element(tier.begin(), tier.end()) >= c.tier;
    }
    if (all) return true;
  }
  return false;
}

const json& entry(const std::string& name) {
  for (const auto& s : catalog_file()["scopes"])
    if (s["name"] == name) return s;
  FAIL("no scope " << name);
  static json none;
  return none;
}

// {installs, disputed}: configurations where every blocking scope is granted by every deciding
// source, and those where each is granted by at least one but not all by every one.
std::pair<unsigned, unsigned> brute_force(const std::vector<std::string>& blocking) {
  std::vector<Req> strict, lenient;
  for (const auto& n : blocking) {
    const json& e = entry(n);
    strict.push_back(compile(e["requires"]));
    lenient.push_back(compile(e.contains("requires_any_source") ? e["requires_any_source"] : e["requires"]));
  }
  const json& f = catalog_file();
  const int H = int(f["hubs"].size()), T = int(f["tiers"].size()), F = int(f["features"].size());
  unsigned total = 1u << F;
  for (int h = 0; h < H; ++h) total *= unsigned(T);
  std::vector<int> tier(H), feat(F);
  // The tiers HubSpot sells of each hub (the catalog file's hubs[].tiers): other tiers are no account.
  std::vector<std::vector<bool>> sold(H, std::vector<bool>(T, false));
  for (int h = 0; h < H; ++h)
    for (const auto& t : f["hubs"][h]["tiers"]) sold[h][id_index(f["tiers"], t)] = true;
  unsigned installs = 0, disputed = 0;
  for (unsigned k = 0; k < total; ++k) {
    unsigned rest = k;
    bool exists = true;
    for (int h = 0; h < H; ++h) tier[h] = int(rest % T), rest /= T, exists = exists && sold[h][tier[h]];
    for (int i = 0; i < F; ++i) feat[i] = int(rest % 2), rest /= 2;
    if (!exists) continue;
    bool maybe = true, surely = true;
    for (std::size_t i = 0; i < blocking.size(); ++i) {
      bool l = holds(lenient[i], tier, feat);
      maybe = maybe && l;
      surely = surely && l && holds(strict[i], tier, feat);
    }
    installs += surely;
    disputed += maybe && !surely;
  }
  return {installs, disputed};
}
}  // namespace

TEST_CASE("exact coverage counts for known requirements (196,608 configurations: 4^6 hubs x 3 Revenue Hub tiers x 2^4)") {
  auto disputed = [](const json& r) { return r["coverage"]["combinations"]["disputed"].get<std::uint32_t>(); };
  CHECK(check_ok("oauth")["coverage"]["combinations"]["total"] == 196608);
  // automation: the docs table (2023) says marketing >= professional, the API spec (2026) any hub >= professional;
  // the table predates Smart CRM, so there the spec alone speaks.
  json automation = check_ok("automation");
  CHECK(combos(automation) == 147456u);  // surely: marketing or Smart CRM >= professional (3 in 4)
  // disputed: some other hub >= professional while marketing and Smart CRM are below it: the other five hubs'
  // choices (4^4 x 3) but those with all five below professional (2^4 x 1), times marketing's and Smart CRM's
  // two low tiers each, times the 2^4 feature choices.
  CHECK(disputed(automation) == (768u - 16u) * 4u * 16u);
  CHECK(combos(check_ok("crm.objects.contacts.read")) == 196608u);  // any account
  CHECK(disputed(check_ok("crm.objects.contacts.read")) == 0u);
  // content: content >= pro OR marketing >= pro (2023 table; the spec: every account) OR Smart CRM above free
  // (the table predates it, the spec grants it) = 1 - (1/2 * 1/2 * 1/4)
  CHECK(combos(check_ok("content")) == 184320u);
  // transactional-email: marketing >= pro AND the add-on = 1/2 * 1/2
  CHECK(combos(check_ok("transactional-email")) == 49152u);
  // automation AND transactional-email = transactional-email (marketing >= pro already implied)
  CHECK(combos(check_ok("automation transactional-email")) == 49152u);
  // sensitive: some hub enterprise AND sensitive_data = (4^6 x 3 - 3^6 x 2) * 8 (Revenue Hub: 2 tiers below Enterprise)
  CHECK(combos(check_ok("crm.objects.contacts.sensitive.read")) == (12288u - 1458u) * 8u);
}

TEST_CASE("coverage equals a brute-force count for random scope sets") {
  std::vector<std::string> names;
  for (const auto& s : catalog_file()["scopes"])
    if (s["retired_on"].is_null()) names.push_back(s["name"]);
  std::mt19937 rng(20261128);
  for (int round = 0; round < 12; ++round) {
    std::vector<std::string> pick;
    int k = 1 + int(rng() % 5);
    for (int i = 0; i < k; ++i) pick.push_back(names[rng() % names.size()]);
    std::string text;
    for (const auto& n : pick) text += n + " ";
    CAPTURE(text);
    json r = check_ok(text);
    auto [installs, disputed] = brute_force(r["request"]["required"].get<std::vector<std::string>>());
    CHECK(combos(r) == installs);
    CHECK(r["coverage"]["combinations"]["disputed"] == disputed);
  }
}

TEST_CASE("per-profile status: OR of alternatives, AND of conditions, hub any, features") {
  auto c = [](const char* hub, const char* tier) { return json{{"hub", hub}, {"min_tier", tier}}; };
  json f_tx = {{"feature", "transactional_email_addon"}};
  auto s = [](const char* name, const json& req) { return json{{"name", name}, {"requires", req}, {"confidence", "docs-table"}}; };
  UseCatalog use(small_catalog({"free", "starter", "professional", "enterprise"},
                               {"marketing", "sales", "service", "content", "data", "commerce", "smart_crm"},
                               {"website_addon", "transactional_email_addon", "business_units_addon", "sensitive_data"},
                               json::array({s("oauth", "any"),
                                            s("content", json::array({json::array({c("marketing", "professional")}),
                                                                      json::array({c("content", "professional")})})),
                                            s("any.pro", json::array({json::array({c("any", "professional")})})),
                                            s("tx", json::array({json::array({c("marketing", "professional"), f_tx})})),
                                            s("me", json::array({json::array({c("marketing", "enterprise")}), json::array({f_tx})}))})));
  json content = check_ok("content");  // content >= pro OR marketing >= pro
  CHECK(status(content, "free") == "permission-error");
  CHECK(status(content, "content-starter") == "permission-error");
  CHECK(status(content, "content-professional") == "installs");
  CHECK(status(content, "marketing-professional") == "installs");
  CHECK(status(content, "sales-enterprise") == "permission-error");
  CHECK(profile(content, "free")["missing"] == json::array({"content"}));

  json any_pro = check_ok("any.pro");  // some hub >= professional
  CHECK(status(any_pro, "free") == "permission-error");
  CHECK(status(any_pro, "data-starter") == "permission-error");
  CHECK(status(any_pro, "data-professional") == "installs");
  CHECK(status(any_pro, "smart_crm-enterprise") == "installs");

  // AND with a feature: no standard profile has features, so every profile fails...
  json tx = check_ok("tx");
  CHECK(status(tx, "marketing-enterprise") == "permission-error");
  // ...but a custom account with the add-on installs, and one without does not.
  json with_addon = check_ok("tx", R"({"account": {"hubs": {"marketing": "professional"}, "features": ["transactional_email_addon"]}})");
  CHECK(with_addon["account"]["status"] == "installs");
  CHECK(with_addon["account"]["id"] == "custom");
  CHECK(with_addon["account"]["account"]["hubs"]["marketing"] == "professional");
  CHECK(with_addon["account"]["account"]["hubs"]["smart_crm"] == "free");
  json without = check_ok("tx", R"({"account": {"hubs": {"marketing": "enterprise"}}})");
  CHECK(without["account"]["status"] == "permission-error");
  CHECK(without["account"]["missing"] == json::array({"tx"}));
  CHECK(check_ok("oauth")["account"].is_null());

  // Feature alone as an alternative: marketing enterprise OR the transactional add-on.
  json me = check_ok("me", R"({"account": {"features": ["transactional_email_addon"]}})");
  CHECK(me["account"]["status"] == "installs");
  CHECK(status(me, "marketing-enterprise") == "installs");
  CHECK(status(me, "marketing-professional") == "permission-error");
}

TEST_CASE("the custom account takes Smart CRM like any hub") {
  json r = check_ok("oauth", R"({"account": {"hubs": {"smart_crm": "enterprise"}}})");
  CHECK(r["account"]["account"]["hubs"]["smart_crm"] == "enterprise");
  CHECK(r["account"]["status"] == "installs");
  CHECK(r["coverage"]["by_hub"]["smart_crm"]["enterprise"] == tierscope::Catalog::builtin()->model->configurations() / 4);
  CHECK(status(r, "smart_crm-starter") == "installs");
}

TEST_CASE("optional scopes are dropped, never blocking") {
  json r = fields_ok({{"required", "oauth crm.objects.contacts.read"}, {"optional", "automation social"}});
  CHECK(combos(r) == tierscope::Catalog::builtin()->model->configurations());
  const json& free = profile(r, "free");
  CHECK(free["status"] == "installs");
  CHECK(free["dropped"] == json::array({"automation", "social"}));
  CHECK(free["granted"] == json::array({"crm.objects.contacts.read", "oauth"}));
  const json& mp = profile(r, "marketing-professional");
  CHECK(mp["dropped"].empty());
  CHECK(mp["granted"] == json::array({"automation", "crm.objects.contacts.read", "oauth", "social"}));
  CHECK(r["coverage"]["profiles"]["installs"] == tierscope::Catalog::builtin()->model->profiles.size());
}

TEST_CASE("conditionally required scopes count when given, and --without-conditional leaves them out") {
  json fields = {{"required", "oauth crm.objects.contacts.read"}, {"conditional", "automation"}};
  json with = fields_ok(fields);
  CHECK(status(with, "free") == "permission-error");
  CHECK(profile(with, "free")["missing"] == json::array({"automation"}));
  CHECK(combos(with) == tierscope::Catalog::builtin()->model->configurations() * 3 / 4);
  CHECK(with["input"]["without_conditional"] == false);
  json without = fields_ok(fields, R"({"withoutConditional": true})");
  CHECK(status(without, "free") == "installs");
  CHECK(combos(without) == tierscope::Catalog::builtin()->model->configurations());
  CHECK(without["input"]["without_conditional"] == true);
  CHECK(without["request"]["conditional"] == json::array({"automation"}));  // still listed
  CHECK(profile(without, "marketing-professional")["granted"] == json::array({"crm.objects.contacts.read", "oauth"}));
}

TEST_CASE("status precedence: invalid-scope, permission-error, unknown-scope, uncertain, installs") {
  json unknown = check_ok("automation nosuch.scope");  // well formed: maybe newer than the catalog
  CHECK(status(unknown, "free") == "permission-error");
  CHECK(status(unknown, "marketing-enterprise") == "unknown-scope");
  json invalid = check_ok("automation Nosuch.Scope");  // outside the scope grammar: HubSpot rejects it
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
  // marketing and Smart CRM professional/enterprise (crm-access unverified) and the 10 where automation is disputed
  CHECK(uncertain["coverage"]["profiles"]["uncertain"] == 14);
  CHECK(uncertain["coverage"]["profiles"]["installs"] == 0);
  CHECK(combos(uncertain) == tierscope::Catalog::builtin()->model->configurations() * 3 / 4);  // undocumented counts as available

  json optional_unverified = fields_ok({{"required", "oauth"}, {"optional", "crm-access"}});
  CHECK(status(optional_unverified, "free") == "installs");  // an optional scope cannot block
  CHECK(profile(optional_unverified, "free")["unverified"] == json::array({"crm-access"}));
}

TEST_CASE("coverage breakdowns by hub tier and by feature") {
  json r = check_ok("automation");
  const json& m = r["coverage"]["by_hub"]["marketing"];
  CHECK(m["free"] == 24576);  // 196,608 / 4 with marketing free; only Smart CRM professional or higher installs (half)
  CHECK(m["starter"] == 24576);
  CHECK(m["professional"] == 49152);  // marketing >= professional installs
  CHECK(m["enterprise"] == 49152);
  CHECK(r["coverage"]["by_hub"]["sales"]["free"] == 36864);  // sales free's quarter x (marketing or Smart CRM >= professional: 3/4)
  CHECK(r["coverage"]["by_hub"]["commerce"] == json({{"free", 49152}, {"professional", 49152}, {"enterprise", 49152}}));  // thirds x 3/4
  CHECK(r["coverage"]["by_feature"]["website_addon"]["on"] == 73728);
  CHECK(r["coverage"]["by_feature"]["website_addon"]["off"] == 73728);
}

TEST_CASE("profiles option limits rows, coverage stays whole — bad options are errors") {
  json r = check_ok("automation", R"({"profiles": ["free", "marketing-professional"]})");
  REQUIRE(r["profiles"].size() == 2);
  CHECK(r["profiles"][0]["id"] == "free");
  CHECK(r["coverage"]["profiles"]["installs"] == 4);  // marketing and Smart CRM professional and enterprise
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

TEST_CASE("lean: the report without the granted lists, nothing else changed") {
  const std::string inputs[] = {"oauth crm.objects.contacts.read automation marketing-email",
                                "oauth tickets automation crm.objects.contacts.read crm.objects.companies.write crm.objects.custom.read"};
  for (const auto& text : inputs)
    for (const char* options : {"", R"({"account": {"hubs": {"marketing": "enterprise"}}})"}) {
      CAPTURE(text);
      CAPTURE(options);
      json full = check_ok(text, options);
      std::string lean_options = std::string(options).empty() ? R"({"lean": true})"
                                                              : std::string(options).insert(1, R"("lean": true, )");
      json lean = check_ok(text, lean_options);
      bool some_granted = false;
      for (auto& p : full["profiles"]) {
        some_granted = some_granted || !p["granted"].empty();
        p.erase("granted");
      }
      if (full["account"].is_object()) full["account"].erase("granted");
      CHECK(some_granted);  // the lists it leaves out were there
      for (const auto& p : lean["profiles"]) CHECK_FALSE(p.contains("granted"));
      CHECK(lean == full);
    }
  auto bad = tierscope::check_text("oauth", R"({"lean": 1})");
  CHECK(bad.error_code == "bad-options");
}
