"""Every row of the catalog audit (2026-11-29), and the account model, asserted on the committed
data/hubspot-scopes.json. Requirements are compared as sets of accounts, not as text."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "catalog"))
from dnf import ANY, Algebra  # noqa: E402
import generate  # noqa: E402

with open(os.path.join(ROOT, "data", "hubspot-scopes.json"), encoding="utf-8") as f:
    TEXT = f.read()
CAT = json.loads(TEXT)
SCOPES = {s["name"]: s for s in CAT["scopes"]}
HUBS = [h["id"] for h in CAT["hubs"]]
TIERS = [t["id"] for t in CAT["tiers"]]
ALG = Algebra(HUBS, TIERS, [f["id"] for f in CAT["features"]])


def H(hub, tier):
    return [{"hub": hub, "min_tier": tier}]


def account(features=(), **hubs):
    return (tuple(TIERS.index(hubs.get(h, TIERS[0])) for h in HUBS), frozenset(features))


with open(os.path.join(ROOT, "data", "sources", "account-model.json"), encoding="utf-8") as f:
    LAUNCHED = {h["id"]: h["launched"]["date"] for h in json.load(f)["hubs"] if h.get("launched")}


def verdicts(name):
    """Per profile of the catalog: installs, uncertain, permission-error or unverified (the engine's reading)."""
    s = SCOPES[name]
    strict = ALG.from_json(s["requires"])
    lenient = ALG.from_json(s.get("requires_any_source", s["requires"]))
    out = {}
    for p in CAT["profiles"]:
        acc = account(p["features"], **p["hubs"])
        out[p["id"]] = ("unverified" if strict is None and lenient is None else "installs" if ALG.holds(strict, acc)
                        else "uncertain" if ALG.holds(lenient, acc) else "permission-error")
    return out


class Audit(unittest.TestCase):
    def strict(self, name):
        return ALG.from_json(SCOPES[name]["requires"])

    def lenient(self, name):
        s = SCOPES[name]
        return ALG.from_json(s.get("requires_any_source", s["requires"]))

    def assertReq(self, got, expected, msg):
        want = ALG.from_json(expected)
        self.assertIsNotNone(got, msg)
        self.assertTrue(ALG.equivalent(got, want), "%s: got %s, expected %s" % (msg, ALG.to_json(got), expected))

    def agreed(self, names, expected, confidence="api-spec"):
        for n in names:
            self.assertReq(self.strict(n), expected, n + " requires")
            self.assertNotIn("requires_any_source", SCOPES[n], n)
            self.assertEqual(SCOPES[n]["confidence"], confidence, n)

    def disputed(self, names, strict, lenient):
        for n in names:
            self.assertIn("requires_any_source", SCOPES[n], n)
            self.assertReq(self.strict(n), strict, n + " requires")
            self.assertReq(self.lenient(n), lenient, n + " requires_any_source")

    # ---- tiers the stable spec contradicts --------------------------------------------------------
    def test_custom_channels_spec_and_secondary_disagree_visibly(self):
        # Issue 24 item 4: never overrule silently; the secondary source's Enterprise keeps Professional disputed.
        self.disputed(["conversations.custom_channels.read", "conversations.custom_channels.write"],
                      [H("sales", "enterprise"), H("service", "enterprise")],
                      [H("sales", "professional"), H("service", "professional")])
        for n in ("conversations.custom_channels.read", "conversations.custom_channels.write"):
            # Issue 24 item 1: the custom channels changelog (a docs-guide source with its URL) says Professional.
            self.assertEqual(SCOPES[n]["confidence"], "docs-guide", n)
            second = [e for e in SCOPES[n]["evidence"] if e["kind"] == "secondary"]
            self.assertTrue(second and second[0]["decides"], n)
            guide = [e for e in SCOPES[n]["evidence"] if e["kind"] == "docs-guide"]
            self.assertTrue(guide and guide[0]["decides"] and "changelog" in guide[0]["url"], n)
            self.assertReq(ALG.from_json(guide[0]["requires"]), [H("sales", "professional"), H("service", "professional")], n)

    def test_spec_free_apis_disputed_by_the_secondary_source(self):
        self.disputed(["scheduler.meetings.meeting-link.read", "crm.objects.projects.read", "crm.objects.projects.write"],
                      [H("any", "professional")], "any")
        self.disputed(["crm.objects.commercepayments.read"], [H("any", "starter")], "any")

    def test_subscription_status_batch(self):
        # Issue 24: HubSpot's v4 subscriptions guide (2025-08) gives the batch scopes to Marketing Enterprise;
        # the API file (single and batch endpoints, Marketing Starter) does not decide them.
        names = ["communication_preferences.statuses.batch.read", "communication_preferences.statuses.batch.write"]
        self.agreed(names, [H("marketing", "enterprise")], confidence="docs-guide")
        for n in names:
            kinds = {e["kind"]: e for e in SCOPES[n]["evidence"]}
            self.assertFalse(kinds["api-spec"]["decides"], n)
            self.assertTrue(kinds["docs-guide"]["decides"], n)
            self.assertEqual(kinds["docs-guide"]["as_of"][:7], "2025-08", n)
            self.assertTrue(kinds["docs-guide"]["url"].startswith("https://developers.hubspot.com/"), n)
            self.assertFalse(ALG.holds(self.lenient(n), account(marketing="professional")), n)

    def test_workflows_scopes_known_but_unverified(self):
        for n in ("workflows.read", "workflows.write", "workflows.trigger"):
            self.assertIn(n, SCOPES)
            self.assertIsNone(SCOPES[n]["requires"], n)
            self.assertEqual([e["kind"] for e in SCOPES[n]["evidence"]], ["docs-guide"], n)

    def test_communication_preferences_docs_any_spec_marketing_starter(self):
        self.disputed(["communication_preferences.read", "communication_preferences.write",
                       "communication_preferences.read_write"], [H("marketing", "starter")], "any")

    def test_behavioral_events(self):
        # 2023 table: Marketing Enterprise; spec: any Enterprise. Smart CRM (launched after the table) is the spec's.
        for n in ("analytics.behavioral_events.send", "behavioral_events.event_definitions.read_write"):
            self.assertIn("requires_any_source", SCOPES[n], n)
            self.assertReq(self.lenient(n), [H("any", "enterprise")], n)
            v = verdicts(n)
            self.assertEqual(v["marketing-enterprise"], "installs", n)
            self.assertEqual(v["sales-enterprise"], "uncertain", n)
            self.assertEqual(v["smart_crm-enterprise"], "installs", n)
            self.assertEqual(v["marketing-professional"], "permission-error", n)

    def test_automation(self):
        # Issue 24: still uncertain where the 2023 table (Marketing Professional) and the 2026 spec (Professional of
        # any product) both speak; on Smart CRM only the spec speaks (the table predates it).
        self.assertIn("requires_any_source", SCOPES["automation"])
        self.assertReq(self.lenient("automation"), [H("any", "professional")], "automation")
        v = verdicts("automation")
        for p in ("sales-professional", "service-enterprise", "content-professional", "data-enterprise"):
            self.assertEqual(v[p], "uncertain", p)
        for p in ("marketing-professional", "marketing-enterprise", "smart_crm-professional", "smart_crm-enterprise"):
            self.assertEqual(v[p], "installs", p)
        self.assertEqual(v["sales-starter"], "permission-error")
        self.assertEqual(v["free"], "permission-error")
        table = [e for e in SCOPES["automation"]["evidence"] if e["kind"] == "docs-table"][0]
        self.assertIn("Smart CRM", table["note"])

    def test_goals_read(self):
        self.assertIn("requires_any_source", SCOPES["crm.objects.goals.read"])
        self.assertReq(self.lenient("crm.objects.goals.read"),
                       [H("sales", "starter"), H("marketing", "professional"), H("service", "professional")], "goals")
        v = verdicts("crm.objects.goals.read")
        self.assertEqual(v["sales-starter"], "installs")
        self.assertEqual(v["marketing-professional"], "uncertain")
        self.assertEqual(v["smart_crm-enterprise"], "permission-error")

    # ---- issue 24, round 2: evidence the rules used to throw away ---------------------------------
    def test_forecasts_settled_by_the_objects_own_file(self):
        # The forecasts object's own API (CRM/Forecasts: Sales or Service Professional) decides its plain scopes,
        # object and schema; HubSpot's Forecasts guide names crm.objects.forecasts.read for those endpoints.
        for n in ("crm.objects.forecasts.read", "crm.schemas.forecasts.read"):
            self.agreed([n], [H("sales", "professional"), H("service", "professional")])
            spec = [e for e in SCOPES[n]["evidence"] if e["kind"] == "api-spec"][0]
            self.assertTrue(spec["note"].startswith("Inference"), n)
            self.assertIn("CRM/Forecasts", spec["note"], n)
            for note in SCOPES[n]["notes"]:
                self.assertNotIn("no tier anywhere", note, n)
        guide = [e for e in SCOPES["crm.objects.forecasts.read"]["evidence"] if e["kind"] == "docs-guide"]
        self.assertTrue(guide and guide[0]["url"].startswith("https://developers.hubspot.com/"))

    def test_hyphenated_forecast_names_are_one_family(self):
        # CRM/Forecast Types (Sales or Service Professional) accepts forecast-read or forecasting-access: one permission.
        self.agreed(["forecast-read", "forecasting-access"], [H("sales", "professional"), H("service", "professional")])
        self.assertEqual(generate.family("forecast-read"), generate.family("crm.objects.forecasts.read"))
        self.assertEqual(generate.family("marketing-email"), generate.family("marketing.email.read"))
        self.assertNotEqual(generate.family("tickets"), generate.family("tickets.sensitive.v2"))

    def test_beta_only_write_takes_its_apis_stable_tier_by_inference(self):
        n = "automation.sequences.write"
        self.agreed([n], [H("sales", "professional"), H("service", "professional")])
        spec = SCOPES[n]["evidence"][0]
        self.assertTrue(spec["note"].startswith("Inference"))
        self.assertIn("automation.sequences.read", spec["note"])

    def test_ticket_sensitive_and_schema_scopes(self):
        n = "crm.objects.tickets.sensitive.read"
        self.agreed([n], [H("any", "enterprise") + [{"feature": "sensitive_data"}]], confidence="docs-text")
        self.assertIn("tickets.sensitive.v2", SCOPES[n]["evidence"][0]["note"])
        self.assertTrue(SCOPES[n]["evidence"][0]["note"].startswith("Inference"))
        # The tickets object's own API (CRM/Tickets, every account) decides its schema scopes too.
        self.agreed(["crm.schemas.tickets.read", "crm.schemas.tickets.write"], "any")

    def test_marketing_email_read_stays_unverified(self):
        # Its only evidence: an all-free file whose operations also accept the unrelated content scope.
        self.assertIsNone(SCOPES["marketing.email.read"]["requires"])
        self.assertEqual(SCOPES["marketing.email.read"]["confidence"], "unverified")

    def test_object_and_schema_scope_decided_by_the_same_sources(self):
        # Issue 24 item 4: the object's own API file decides both; the secondary source disputes both alike.
        for obj, low in (("projects", "professional"), ("commercepayments", "starter")):
            o, sch = "crm.objects.%s.read" % obj, "crm.schemas.%s.read" % obj
            self.assertEqual(verdicts(o), verdicts(sch), obj)
            self.assertEqual(verdicts(o)["free"], "uncertain", obj)
            self.assertReq(self.strict(sch), [H("any", low)], sch)
            apis = lambda n: sorted(e["source"] for e in SCOPES[n]["evidence"] if e["kind"] == "api-spec")
            self.assertEqual(apis(o), apis(sch), obj)
        v = verdicts("scheduler.meetings.meeting-link.read")
        self.assertEqual(v["free"], "uncertain")
        self.assertEqual(v["sales-professional"], "installs")

    def test_any_enterprise_in_2023_says_nothing_of_later_products(self):
        # Issue 24 item 5: crm.objects.custom.read on Commerce Enterprise is no longer a confident install: the
        # Custom Objects file (its own API) leaves Commerce out, and the 2023 "Any Enterprise" is not stretched.
        for n in ("crm.objects.custom.read", "crm.objects.custom.write", "crm.schemas.custom.read"):
            v = verdicts(n)
            self.assertNotEqual(v["commerce-enterprise"], "installs", n)
            self.assertEqual(v["marketing-enterprise"], "installs", n)
            self.assertEqual(v["smart_crm-enterprise"], "installs", n)
        # Smart CRM launched after the 2023 table: where only the table speaks, Smart CRM stays undecided.
        self.assertIn("smart_crm", LAUNCHED)
        v = verdicts("cms.functions.read")
        self.assertEqual(v["content-enterprise"], "installs")
        self.assertEqual(v["sales-enterprise"], "permission-error")
        self.assertEqual(v["smart_crm-enterprise"], "uncertain")

    def test_business_units(self):
        # The spec cannot state the add-on: it is read with it, and disagrees on the tier only.
        addon = {"feature": "business_units_addon"}
        self.disputed(["business_units_view.read"],
                      [[addon] + H("marketing", "enterprise"), [addon] + H("content", "enterprise")], [[addon]])

    def test_hubdb(self):
        self.agreed(["hubdb"], [H("content", "professional"), H("marketing", "professional") + [{"feature": "website_addon"}]],
                    confidence="docs-table")

    def test_transactional_email_add_on(self):
        # Issue 24 item 3: Marketing Professional without the add-on is refused, with it granted; no dispute.
        n = "transactional-email"
        self.assertNotIn("requires_any_source", SCOPES[n])
        self.assertFalse(ALG.holds(self.lenient(n), account(marketing="professional")))
        self.assertTrue(ALG.holds(self.strict(n), account(["transactional_email_addon"], marketing="professional")))

    # ---- unverified rows the stable spec settles --------------------------------------------------
    def test_settled_by_the_spec(self):
        self.agreed(["hubdb.rows.read", "hubdb.rows.write", "hubdb.tables.read", "hubdb.tables.write",
                     "hubdb.tables.publish"], [H("content", "professional"), H("marketing", "professional")])
        self.agreed(["marketing.campaigns.revenue.full.read", "marketing.campaigns.revenue.lite.read"],
                    [H("marketing", "professional")])
        self.agreed(["crm.objects.goals.write"],
                    [H("sales", "starter"), H("marketing", "professional"), H("service", "professional")])
        self.agreed(["crm.schemas.custom.write"], [H("any", "enterprise")])

    # ---- other defects ----------------------------------------------------------------------------
    def test_no_beta_hints_and_no_beta_evidence(self):
        for s in CAT["scopes"]:
            self.assertNotIn("api_spec_hint", s)
            for e in s["evidence"]:
                if e["kind"] == "api-spec" and not e["note"].startswith("Inference"):
                    self.assertNotIn("beta", e["note"], s["name"])
        # The 29 scopes whose only hint was "all hubs FREE" from beta files: no tier, no evidence now, except
        # automation.sequences.write, which takes its API's stable tier by inference (labelled as such).
        beta_only = ["aeo-standalone-access", "automation.sequences.write", "contracts-read", "cpq.quotes.write",
                     "crm-access", "crm-pipelines-governance-read", "crm-pipelines-governance-write",
                     "crm-pipelines-locked-stages-access", "crm-pipelines-locked-stages-write",
                     "crm-pipelines-object-label-access", "data-integration-json-datasource-read",
                     "data-integration-json-datasource-write", "deal-approval-read", "inbounddb-product-library-read",
                     "marketing.aeo.read", "mh-lead-scoring-edit", "mh-lead-scoring-view",
                     "origins.ip_ranges.webhook.read", "origins.ip_ranges.webhook.write", "payment-links-delete",
                     "payment-links-read", "payment-links-write", "pipeline-level-permissions-access",
                     "pipeline-level-permissions-write", "price-book-read", "price-book-write",
                     "revenue-contracts-public-api-write", "sales-templates-public-read", "sales-templates-public-write"]
        self.assertEqual(len(beta_only), 29)
        for n in beta_only:
            if n == "automation.sequences.write":
                continue
            self.assertIsNone(SCOPES[n]["requires"], n)
            self.assertEqual(SCOPES[n]["evidence"], [], n)

    def test_contacts_is_changelog_text(self):
        c = SCOPES["contacts"]
        self.assertEqual([e["kind"] for e in c["evidence"]], ["docs-text"])
        self.assertIn("changelog", c["evidence"][0]["url"])
        self.assertNotEqual(c["confidence"], "docs-table")
        self.assertEqual(c["retired_on"], "2022-07-31")
        self.assertTrue(c["deprecated"])

    def test_areas_are_short_and_whole(self):
        for s in CAT["scopes"]:
            if s["area"] is not None:
                self.assertLess(len(s["area"]), 200, s["name"])
                self.assertNotIn("CRM/Appointments, CRM/Associations", s["area"], s["name"])
        cut = ["crm.objects.%s" % o for o in ("calls.read", "commercepayments.write", "emails.read", "goals.write",
                                              "invoices.write", "meetings.read", "notes.read", "products.read",
                                              "products.write", "subscriptions.write", "tasks.read",
                                              "tickets.highly_sensitive.read", "tickets.highly_sensitive.write",
                                              "tickets.sensitive.read", "tickets.sensitive.write")]
        cut += ["developers-read", "developers-write"]
        self.assertEqual(len(cut), 17)
        for n in cut:
            self.assertTrue(SCOPES[n]["area"], n)
            self.assertLess(len(SCOPES[n]["area"]), 120, n)
            self.assertNotIn("CRM/", SCOPES[n]["area"], n)

    def test_marketing_email_add_on_needs_marketing(self):
        addon = "transactional_email_addon"
        for which in (self.strict, self.lenient):
            req = which("marketing-email")
            self.assertFalse(ALG.holds(req, account([addon])), "the add-on alone on Marketing Free")
            self.assertFalse(ALG.holds(req, account([addon], sales="enterprise")))
            self.assertTrue(ALG.holds(req, account([addon], marketing="professional")))
            self.assertTrue(ALG.holds(req, account(marketing="enterprise")))
            self.assertFalse(ALG.holds(req, account(marketing="professional")))

    def test_missing_spec_names_added(self):
        for n in ("sequences-public-delete", "subscriptions-status-resubscribe-write"):
            self.assertIn(n, SCOPES)
            self.assertEqual(SCOPES[n]["confidence"], "unverified")
            self.assertIsNone(SCOPES[n]["requires"])

    def test_sensitive_names_without_v2_are_private_app_names(self):
        plain = [n for n in SCOPES if n + ".v2" in SCOPES]
        self.assertEqual(len(plain), 20)
        for n in plain:
            s = SCOPES[n]
            self.assertTrue(s["sensitive"], n)
            self.assertTrue(any("private apps" in x and n + ".v2" in x for x in s["notes"]), n)
            self.assertNotIn(s["confidence"], ("docs-table", "api-spec"), n)
            self.assertTrue(ALG.implies(self.strict(n), ALG.from_json([[{"feature": "sensitive_data"}]])), n)

    def test_aliases_kept(self):
        self.assertEqual(CAT["aliases"], {
            "business_units.view.read": "business_units_view.read",
            "crm.objects.feedback_submission.read": "crm.objects.feedback_submissions.read",
            "settings.users.team.write": "settings.users.teams.write"})
        for canon in CAT["aliases"].values():
            self.assertIn(canon, SCOPES)

    # ---- the rule as a whole ----------------------------------------------------------------------
    def test_no_invented_tier(self):
        kinds = generate.KIND_ORDER
        with_all_features = ALG.from_json([[{"feature": f["id"]} for f in CAT["features"]]])
        for s in CAT["scopes"]:
            deciding = [e for e in s["evidence"] if e["decides"]]
            if s["requires"] is None:
                self.assertEqual(s["confidence"], "unverified", s["name"])
                self.assertEqual(deciding, [], s["name"])
                continue
            self.assertTrue(deciding, s["name"])
            self.assertEqual(s["confidence"], min((e["kind"] for e in deciding), key=kinds.index), s["name"])
            strict = ALG.from_json(s["requires"])
            lenient = ALG.from_json(s.get("requires_any_source", s["requires"]))
            for e in deciding:
                self.assertIsNotNone(e["requires"], s["name"])
                got = ALG.from_json(e["requires"])
                late = [h for h, d in LAUNCHED.items() if e["as_of"] < d and got != ANY]
                if late:  # a statement says nothing of products launched after it: it does not bound them
                    self.assertIn("Predates", e["note"], s["name"])
                    bound = ALG.either(got, ALG.simplify([frozenset([("hub", h, 1)]) for h in late]))
                self.assertTrue(ALG.implies(strict, bound if late else got), s["name"])
                if e["kind"] in generate.FEATURE_BLIND:  # silent on add-ons: compared with every add-on present
                    got = ALG.both(got, with_all_features)
                self.assertTrue(ALG.implies(got, lenient), s["name"])
            if any(e["kind"] != "secondary" for e in deciding):  # then the confidence is never secondary
                self.assertNotEqual(s["confidence"], "secondary", s["name"])
            if "requires_any_source" in s:
                self.assertFalse(ALG.equivalent(strict, lenient), s["name"])


class Model(unittest.TestCase):
    def test_revenue_hub_name_and_hubspot_keys(self):
        # Issue 24 item 7: HubSpot's 2026 pages name Commerce Hub "Revenue Hub"; HubSpot's own keys are aliases.
        hubs = {h["id"]: h for h in CAT["hubs"]}
        self.assertEqual(hubs["commerce"]["name"], "Revenue Hub (formerly Commerce Hub)")
        self.assertIn("Commerce Hub", hubs["commerce"]["former_names"])
        self.assertTrue(any("Revenue Hub" in e["note"] for e in hubs["commerce"]["evidence"]))
        self.assertEqual(hubs["smart_crm"]["aliases"], ["crm", "crmHub"])
        self.assertEqual(hubs["content"]["aliases"], ["cms"])
        self.assertEqual(hubs["data"]["aliases"], ["dataHub", "ops"])
        self.assertIn("revenue", hubs["commerce"]["aliases"])
        keys = [a for h in CAT["hubs"] for a in h.get("aliases", [])] + HUBS
        self.assertEqual(len(keys), len(set(keys)))  # one meaning per key

    def test_hs_test_account_levels(self):
        # Issue 24 item 8: HubSpot's CLI prompt offers six hubs FREE..ENTERPRISE, Commerce without STARTER,
        # and no Smart CRM.
        hubs = {h["id"]: h for h in CAT["hubs"]}
        self.assertNotIn("hs_test_account", hubs["smart_crm"])
        self.assertEqual(hubs["commerce"]["hs_test_account"]["key"], "commerceLevel")
        self.assertNotIn("starter", hubs["commerce"]["hs_test_account"]["levels"])
        self.assertEqual([hubs[h]["hs_test_account"]["key"] for h in HUBS[:6]],
                         ["marketingLevel", "salesLevel", "serviceLevel", "contentLevel", "opsLevel", "commerceLevel"])
        for h in HUBS[:5]:
            self.assertEqual(hubs[h]["hs_test_account"]["levels"],
                             {"free": "FREE", "starter": "STARTER", "professional": "PROFESSIONAL",
                              "enterprise": "ENTERPRISE"})

    def test_seven_hubs_four_tiers(self):
        self.assertEqual(HUBS, ["marketing", "sales", "service", "content", "data", "commerce", "smart_crm"])
        self.assertEqual(TIERS, ["free", "starter", "professional", "enterprise"])
        self.assertEqual(len(CAT["features"]), 4)

    def test_smart_crm_with_evidence(self):
        crm = CAT["hubs"][HUBS.index("smart_crm")]
        self.assertEqual(crm["name"], "Smart CRM")
        self.assertEqual(crm["spec_id"], "smart_crm")
        kinds = {e["kind"] for e in crm["evidence"]}
        self.assertIn("api-spec", kinds)
        self.assertIn("docs-text", kinds)
        for e in crm["evidence"]:
            self.assertTrue(e["url"].startswith("https://"))

    def test_every_spec_product_is_a_hub(self):
        with open(os.path.join(ROOT, "data", "sources", "hubspot-api-operations.json"), encoding="utf-8") as f:
            ops = json.load(f)
        spec_ids = {h["spec_id"] for h in CAT["hubs"]}
        for a in ops["apis"]:
            self.assertLessEqual(set(a["tiers"]), spec_ids, a["file"])
            self.assertLessEqual(set(a["tiers"].values()), set(TIERS), a["file"])

    def test_profiles_free_plus_hub_by_paid_tier(self):
        ids = [p["id"] for p in CAT["profiles"]]
        sold = {h["id"]: h["tiers"] for h in CAT["hubs"]}  # the tiers HubSpot sells of each hub (issue 24 item 10)
        self.assertEqual(ids, ["free"] + ["%s-%s" % (h, t) for h in HUBS for t in TIERS[1:] if t in sold[h]])
        self.assertEqual(len(ids), 1 + len(HUBS) * (len(TIERS) - 1) - 1)  # no Revenue Hub Starter
        self.assertEqual(sold["commerce"], ["free", "professional", "enterprise"])
        for hub in ("marketing", "sales", "service", "content", "data", "smart_crm"):
            self.assertEqual(sold[hub], TIERS, hub)
        self.assertIn("smart_crm-enterprise", ids)
        for p in CAT["profiles"][1:]:
            hub, tier = p["id"].rsplit("-", 1)
            self.assertEqual(p["hubs"], {hub: tier})
            self.assertEqual(p["features"], [])
        self.assertEqual(CAT["profiles"][0]["hubs"], {})


class Format(unittest.TestCase):
    def test_top_level_and_scope_keys_in_contract_order(self):
        self.assertEqual(list(CAT), ["catalog", "format", "as_of", "about", "requires_semantics", "evidence_rule",
                                     "tiers", "hubs", "features", "profiles", "aliases", "legacy_read_only",
                                     "sources", "scopes"])
        self.assertEqual(CAT["format"], 2)
        order = ["name", "area", "tier_text", "requires", "requires_any_source", "confidence", "evidence", "sensitive",
                 "deprecated", "retired_on", "replaced_by", "notes"]
        for s in CAT["scopes"]:
            self.assertEqual(list(s), [k for k in order if k in s], s["name"])
            for e in s["evidence"]:
                self.assertEqual(list(e), ["source", "kind", "requires", "as_of", "url", "note", "decides"])
                self.assertRegex(e["as_of"], r"^\d{4}-\d{2}-\d{2}$")
                self.assertTrue(e["url"].startswith("https://"), e["url"])
        names = [s["name"] for s in CAT["scopes"]]
        self.assertEqual(names, sorted(names))

    def test_file_is_the_generator_output(self):
        self.assertEqual(TEXT, generate.render(generate.Generator(ROOT).catalog()))
        self.assertTrue(TEXT.endswith("}\n"))
        self.assertTrue(TEXT.startswith('{\n  "catalog"'))

    def test_evidence_rule_written(self):
        self.assertIn("beta", CAT["evidence_rule"])
        self.assertIn(str(generate.MAX_ALTERNATIVES), CAT["evidence_rule"])
        self.assertIs(ALG.from_json("any"), ANY)


if __name__ == "__main__":
    unittest.main()
