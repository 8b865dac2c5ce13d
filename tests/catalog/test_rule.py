"""The evidence rule of scripts/catalog/generate.py, on small hand-made sources."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
SCRIPT = os.path.join(ROOT, "scripts", "catalog", "generate.py")
sys.path.insert(0, os.path.join(ROOT, "scripts", "catalog"))
import generate  # noqa: E402

ALL_FREE = {k: "free" for k in ("marketing", "sales", "service", "content", "data", "commerce", "smart_crm")}


def tiers(**over):
    t = dict(ALL_FREE)
    t.update(over)
    return t


def api(name, version, beta, tier_map, ops):
    return {"file": "%s/Rollouts/1/%s/x.json" % (name, version), "api": name, "title": name, "version": version,
            "beta": beta, "tiers": tier_map,
            "operations": [{"method": "GET", "path": "/%s/%d" % (version, i), "oauth": o} for i, o in enumerate(ops)]}


def H(hub, tier):
    return [[{"hub": hub, "min_tier": tier}]]


class Sources:
    """A throw-away project root holding data/sources/ built from the real account model."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="tierscope-catalog-")
        os.makedirs(os.path.join(self.dir, "data", "sources"))
        with open(os.path.join(ROOT, "data", "sources", "account-model.json"), encoding="utf-8") as f:
            self.model = json.load(f)
        self.model["aliases"] = {}
        for h in self.model["hubs"]:  # launch dates only where a test sets them (test_time_*)
            h.pop("launched", None)
        self.names = []
        self.docs_table, self.docs_text, self.secondary, self.docs_guide, self.observed = [], [], [], [], []
        self.scope_sets, self.apis = [], []

    def scope(self, name, **extra):
        self.names.append(dict({"name": name, "area": "test", "sensitive": False, "deprecated": False,
                                "retired_on": None, "replaced_by": [], "notes": []}, **extra))

    def set_index(self, names):
        names = list(names)
        if names not in self.scope_sets:
            self.scope_sets.append(names)
        return self.scope_sets.index(names)

    def add_api(self, name, version, beta, tier_map, *alternatives_per_op):
        ops = [[self.set_index(s if isinstance(s, list) else [s]) for s in alts] for alts in alternatives_per_op]
        self.apis.append(api(name, version, beta, tier_map, ops))

    def write(self):
        src = os.path.join(self.dir, "data", "sources")
        def put(name, doc):
            with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                json.dump(doc, f)
        meta = {"title": "t", "url": "https://example.invalid/spec", "commit": "c" * 40, "as_of": "2026-01-01",
                "ignored_scopes": {}}
        put("account-model.json", self.model)
        put("scopes.json", {"rows": self.names})
        put("docs-table.json", {"source": {"id": "docs-table", "kind": "docs-table", "title": "Docs table",
                                           "url": "https://example.invalid/t", "as_of": "2023-01-01"},
                                "rows": self.docs_table})
        put("docs-text.json", {"source": {"id": "docs-text", "kind": "docs-text", "title": "Docs text",
                                          "url": "https://example.invalid/x", "as_of": "2024-01-01"},
                               "rows": self.docs_text})
        put("secondary.json", {"source": {"id": "secondary", "kind": "secondary", "title": "Paraphrase",
                                          "url": "https://example.invalid/s", "as_of": "2025-01-01"},
                               "rows": self.secondary})
        put("docs-guide.json", {"source": {"id": "docs-guide", "kind": "docs-guide", "title": "Guides",
                                           "url": "https://example.invalid/g", "as_of": "2025-08-01"},
                                "rows": self.docs_guide})
        put("observed.json", {"source": None, "rows": self.observed})
        put("api-spec.json", meta)
        put("hubspot-api-operations.json", {"commit": "c" * 40, "scope_sets": self.scope_sets, "apis": self.apis})
        return self.dir

    def catalog(self):
        doc = generate.Generator(self.write()).catalog()
        return {s["name"]: s for s in doc["scopes"]}, doc

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def table_row(name, req, text="t"):
    return {"name": name, "tier_text": text, "requires": req, "as_of": "2023-01-01", "url": "https://example.invalid/t"}


def other_row(name, req, url="https://example.invalid/s", source=None):
    r = {"name": name, "tier_text": None, "requires": req, "as_of": "2025-01-01", "url": url, "note": None}
    if source:
        r["source"] = source
    return r


class EvidenceRule(unittest.TestCase):
    def setUp(self):
        self.s = Sources()

    def tearDown(self):
        self.s.close()

    def test_agreeing_sources(self):
        self.s.scope("x.read")
        self.s.docs_table.append(table_row("x.read", H("sales", "professional")))
        self.s.add_api("X/Api", "v3", False, tiers(sales="professional"), ["x.read"])
        scopes, _ = self.s.catalog()
        x = scopes["x.read"]
        self.assertEqual(x["requires"], H("sales", "professional"))
        self.assertNotIn("requires_any_source", x)
        self.assertEqual(x["confidence"], "docs-table")
        self.assertEqual([(e["kind"], e["decides"]) for e in x["evidence"]], [("docs-table", True), ("api-spec", True)])

    def test_disagreeing_sources_give_strict_and_lenient(self):
        self.s.scope("automation")
        self.s.docs_table.append(table_row("automation", H("marketing", "professional")))
        every = {k: "professional" for k in ALL_FREE}
        self.s.add_api("Automation/V4", "v4", False, every, ["automation"])
        x = self.s.catalog()[0]["automation"]
        self.assertEqual(x["requires"], H("marketing", "professional"))
        self.assertEqual(x["requires_any_source"], H("any", "professional"))
        self.assertEqual(x["confidence"], "docs-table")

    def test_beta_file_alone_is_never_evidence(self):
        self.s.scope("seq.write")
        self.s.add_api("Seq", "2026-09-beta", True, tiers(), ["seq.write"])
        x = self.s.catalog()[0]["seq.write"]
        self.assertIsNone(x["requires"])
        self.assertEqual(x["confidence"], "unverified")
        self.assertEqual(x["evidence"], [])
        self.assertTrue(any("beta" in n for n in x["notes"]))

    def test_beta_file_adds_nothing_beside_a_stable_one(self):
        self.s.scope("seq.read")
        self.s.add_api("Seq", "v4", False, tiers(sales="professional", service="professional"), ["seq.read"])
        self.s.add_api("Seq", "2026-09-beta", True, tiers(), ["seq.read"])
        x = self.s.catalog()[0]["seq.read"]
        self.assertEqual(x["requires"], [[{"hub": "sales", "min_tier": "professional"}],
                                         [{"hub": "service", "min_tier": "professional"}]])
        self.assertNotIn("beta", x["evidence"][0]["note"])

    def test_secondary_alone_decides_and_beside_hubspot_only_disputes(self):
        self.s.scope("only.second")
        self.s.scope("both.kinds")
        self.s.secondary.append(other_row("only.second", H("any", "starter")))
        self.s.secondary.append(other_row("both.kinds", H("sales", "enterprise")))
        self.s.add_api("Both", "v3", False, tiers(sales="professional"), ["both.kinds"])
        scopes, _ = self.s.catalog()
        self.assertEqual(scopes["only.second"]["requires"], H("any", "starter"))
        self.assertEqual(scopes["only.second"]["confidence"], "secondary")
        both = scopes["both.kinds"]  # issue 24: a disagreeing secondary source is never overruled silently
        self.assertEqual(both["requires"], H("sales", "enterprise"))
        self.assertEqual(both["requires_any_source"], H("sales", "professional"))
        self.assertEqual(both["confidence"], "api-spec")
        self.assertEqual([(e["kind"], e["decides"]) for e in both["evidence"]],
                         [("api-spec", True), ("secondary", True)])

    def test_statement_without_a_tier_never_decides(self):
        self.s.scope("contacts", deprecated=True, retired_on="2022-07-31")
        self.s.docs_text.append(other_row("contacts", None, url="https://example.invalid/x", source="Changelog"))
        x = self.s.catalog()[0]["contacts"]
        self.assertEqual([(e["kind"], e["decides"]) for e in x["evidence"]], [("docs-text", False)])
        self.assertIsNone(x["requires"])
        self.assertEqual(x["confidence"], "unverified")

    def test_spec_neither_grants_nor_refuses_an_add_on(self):
        # Issue 24 item 3: the spec's tier map cannot state the add-on; the docs table's condition stands.
        self.s.scope("transactional-email")
        self.s.docs_table.append(table_row("transactional-email", [[{"hub": "marketing", "min_tier": "professional"},
                                                                     {"feature": "transactional_email_addon"}]]))
        self.s.add_api("Transactional", "v3", False, tiers(marketing="professional"), ["transactional-email"])
        x = self.s.catalog()[0]["transactional-email"]
        self.assertEqual(x["requires"], [[{"hub": "marketing", "min_tier": "professional"},
                                          {"feature": "transactional_email_addon"}]])
        self.assertNotIn("requires_any_source", x)  # not disputed: without the add-on it is refused, with it granted
        self.assertEqual([(e["kind"], e["decides"]) for e in x["evidence"]], [("docs-table", True), ("api-spec", True)])
        self.assertEqual(x["evidence"][1]["requires"], H("marketing", "professional"))  # what the spec says, as it says it

    def test_add_on_reading_keeps_a_real_tier_disagreement(self):
        # The spec asks Enterprise where the docs ask only the add-on: the tier dispute stays visible.
        self.s.scope("units.read")
        self.s.docs_table.append(table_row("units.read", [[{"feature": "business_units_addon"}]]))
        self.s.add_api("Units", "v3", False, tiers(marketing="enterprise"), ["units.read"])
        x = self.s.catalog()[0]["units.read"]
        self.assertEqual(x["requires"], [[{"hub": "marketing", "min_tier": "enterprise"}, {"feature": "business_units_addon"}]])
        self.assertEqual(x["requires_any_source"], [[{"feature": "business_units_addon"}]])

    def test_guide_narrows_the_spec_for_its_scope(self):
        # Issue 24 items 1-2: a dated guide states the batch scope's own tier; the API file's tier (single
        # and batch endpoints mixed) is shown and does not decide that scope; the single scope keeps it.
        self.s.scope("prefs.batch.read")
        self.s.scope("prefs.read")
        self.s.add_api("Prefs", "v4", False, tiers(marketing="starter"), ["prefs.read"], ["prefs.batch.read"])
        self.s.docs_guide.append(dict(other_row("prefs.batch.read", H("marketing", "enterprise"), source="Guide"),
                                      narrows_spec=True, as_of="2025-08-01"))
        scopes, doc = self.s.catalog()
        b = scopes["prefs.batch.read"]
        self.assertEqual(b["requires"], H("marketing", "enterprise"))
        self.assertNotIn("requires_any_source", b)
        self.assertEqual(b["confidence"], "docs-guide")
        self.assertEqual([(e["kind"], e["decides"]) for e in b["evidence"]], [("api-spec", False), ("docs-guide", True)])
        self.assertIn("guide", b["evidence"][0]["note"])
        self.assertEqual(b["evidence"][1]["as_of"], "2025-08-01")
        self.assertEqual(scopes["prefs.read"]["requires"], H("marketing", "starter"))
        self.assertIn({"id": "docs-guide-1", "kind": "docs-guide", "title": "Guide", "url": "https://example.invalid/s",
                       "as_of": "2025-08-01"}, doc["sources"])

    def test_guide_without_narrowing_disagrees_visibly(self):
        self.s.scope("chan.read")
        self.s.add_api("Chan", "v3", False, tiers(sales="professional"), ["chan.read"])
        self.s.docs_guide.append(other_row("chan.read", H("sales", "enterprise"), source="Changelog"))
        x = self.s.catalog()[0]["chan.read"]
        self.assertEqual(x["requires"], H("sales", "enterprise"))
        self.assertEqual(x["requires_any_source"], H("sales", "professional"))

    def test_guide_without_a_tier_names_a_new_scope(self):
        self.s.scope("workflows.read")
        self.s.docs_guide.append(other_row("workflows.read", None, source="Workflow runs guide"))
        x = self.s.catalog()[0]["workflows.read"]
        self.assertIsNone(x["requires"])
        self.assertEqual(x["confidence"], "unverified")
        self.assertEqual([(e["kind"], e["decides"]) for e in x["evidence"]], [("docs-guide", False)])

    def test_observed_install_and_refusal_decide_their_accounts(self):
        # Issue 24 item 8: observed.json is the strongest evidence; installs grant from that account up,
        # a permission error naming the scope refuses it from that account down.
        self.s.scope("auto")
        self.s.docs_table.append(table_row("auto", H("marketing", "professional")))
        every = {k: "professional" for k in ALL_FREE}
        self.s.add_api("Auto", "v4", False, every, ["auto"])
        self.s.observed.append({"account": {"hubs": {"sales": "professional"}, "features": []}, "scopes": ["oauth", "auto"],
                                "outcome": "permission-error", "refused": ["auto"], "date": "2026-12-01",
                                "error_text": "Authorization failed because your account lacks access to the required scopes [auto]"})
        self.s.scope("oauth")
        x = self.s.catalog()[0]["auto"]
        alg = generate.Generator(self.s.dir).alg
        lenient = alg.from_json(x["requires_any_source"])
        sales_pro = (tuple(2 if h == "sales" else 0 for h in alg.hubs), frozenset())
        service_pro = (tuple(2 if h == "service" else 0 for h in alg.hubs), frozenset())
        self.assertFalse(alg.holds(lenient, sales_pro))  # refused there: no longer disputed, refused
        self.assertTrue(alg.holds(lenient, service_pro))  # still disputed elsewhere
        self.assertEqual(x["confidence"], "observed")
        obs = [e for e in x["evidence"] if e["kind"] == "observed"]
        self.assertEqual(len(obs), 1)
        self.assertTrue(obs[0]["decides"])
        self.assertIn("lacks access", obs[0]["note"])
        self.s.observed[0] = {"account": {"hubs": {"sales": "professional"}, "features": []}, "scopes": ["oauth", "auto"],
                              "outcome": "installs", "date": "2026-12-01"}
        x = self.s.catalog()[0]["auto"]
        self.assertTrue(alg.holds(alg.from_json(x["requires"]), sales_pro))  # installs there: surely granted

    def test_bad_observation_is_a_clear_message(self):
        self.s.scope("auto")
        self.s.observed.append({"account": {"hubs": {"sales": "platinum"}}, "scopes": ["auto"], "outcome": "installs",
                                "date": "2026-12-01"})
        self.s.write()
        with self.assertRaises(generate.SourceError) as e:
            generate.Generator(self.s.dir).catalog()
        self.assertIn("observed.json row 0", str(e.exception))

    def test_the_tiers_hubspot_sells_make_the_profiles_and_refuse_other_tiers(self):
        # Issue 24 item 10: a tier HubSpot does not sell is no profile and no observed account.
        self.s.scope("auto")
        _, doc = self.s.catalog()
        ids = [p["id"] for p in doc["profiles"]]
        self.assertNotIn("commerce-starter", ids)
        self.assertIn("commerce-professional", ids)
        self.assertIn("smart_crm-starter", ids)
        self.assertEqual(len(ids), 1 + sum(len(h["tiers"]) - 1 for h in doc["hubs"]))
        commerce = next(h for h in doc["hubs"] if h["id"] == "commerce")
        self.assertEqual(commerce["tiers"], ["free", "professional", "enterprise"])
        self.assertTrue(all(src["url"] is None or src["url"].startswith("https://") for src in commerce["tiers_sources"]))
        self.s.observed.append({"account": {"hubs": {"commerce": "starter"}}, "scopes": ["auto"], "outcome": "installs",
                                "date": "2026-12-01"})
        self.s.write()
        with self.assertRaises(generate.SourceError) as e:
            generate.Generator(self.s.dir).catalog()
        self.assertIn("HubSpot sells no Revenue Hub (formerly Commerce Hub) Starter", str(e.exception))
        self.s.observed.clear()
        for bad in (["professional", "enterprise"], ["free", "enterprise", "professional"], ["free", "gold"]):
            self.s.model["hubs"][0]["tiers"] = bad
            self.s.write()
            with self.assertRaises(generate.SourceError) as e:
                generate.Generator(self.s.dir).catalog()
            self.assertIn("hub 'marketing': tiers must be tier ids, lowest first", str(e.exception))

    def test_union_over_apis_and_versions(self):
        self.s.scope("prefs.read")
        self.s.add_api("Prefs", "v3", False, tiers(marketing="enterprise"), ["prefs.read"])
        self.s.add_api("Prefs", "v4", False, tiers(marketing="starter"), ["prefs.read"])
        self.s.add_api("Other", "v1", False, tiers(content="professional"), ["prefs.read"])
        x = self.s.catalog()[0]["prefs.read"]
        self.assertEqual(x["requires"], [[{"hub": "marketing", "min_tier": "starter"}],
                                         [{"hub": "content", "min_tier": "professional"}]])
        self.assertEqual(x["confidence"], "api-spec")
        self.assertEqual(len(x["evidence"]), 1, "one api-spec evidence per scope, listing its APIs")

    def test_all_free_file_means_every_account(self):
        self.s.scope("free.read")
        self.s.add_api("Free", "v3", False, tiers(), ["free.read"])
        self.assertEqual(self.s.catalog()[0]["free.read"]["requires"], "any")

    def test_generic_and_unrelated_alternatives_say_nothing(self):
        for n in ("owners.read", "automation", "a1", "a2", "a3", "a4", "hubdb", "hubdb.rows.read"):
            self.s.scope(n)
        self.s.add_api("Owners", "v3", False, tiers(), ["automation", "owners.read"])
        self.s.add_api("Generic", "v3", False, tiers(), ["a1", "a2", "a3", "a4"])
        self.s.add_api("Hubdb", "v3", False, tiers(content="professional"), ["hubdb", "hubdb.rows.read"])
        scopes, _ = self.s.catalog()
        for n in ("owners.read", "automation", "a1", "a4"):
            self.assertEqual(scopes[n]["evidence"], [], n)
            self.assertEqual(scopes[n]["confidence"], "unverified", n)
        self.assertEqual(scopes["hubdb.rows.read"]["requires"], H("content", "professional"))

    def test_scope_needed_together_with_another_counts(self):
        self.s.scope("files")
        self.s.scope("media_bridge.write")
        self.s.add_api("Media", "v1", False, tiers(), [["files", "media_bridge.write"]])
        scopes, _ = self.s.catalog()
        self.assertEqual(scopes["files"]["requires"], "any")
        self.assertEqual(scopes["media_bridge.write"]["requires"], "any")

    def test_private_apps_only_name_is_said(self):
        self.s.scope("x.sensitive.read")
        self.s.scope("x.sensitive.read.v2")
        self.s.scope_sets = [["x.sensitive.read"], ["x.sensitive.read.v2"]]
        a = api("X", "v3", False, tiers(), [])
        a["operations"] = [{"method": "GET", "path": "/x", "oauth": [1], "private_apps": [0]}]
        self.s.apis.append(a)
        x = self.s.catalog()[0]["x.sensitive.read"]
        self.assertTrue(any("private apps" in n and "x.sensitive.read.v2" in n for n in x["notes"]), x["notes"])

    def test_unknown_spec_product_or_scope_is_an_error(self):
        self.s.scope("known")
        self.s.add_api("Odd", "v3", False, dict(tiers(), crm_suite="professional"), ["known"])
        with self.assertRaises(generate.SourceError) as e:
            self.s.catalog()
        self.assertIn("crm_suite", str(e.exception))
        self.s.apis = []
        self.s.add_api("New", "v3", False, tiers(), ["brand.new.scope"])
        with self.assertRaises(generate.SourceError) as e:
            self.s.catalog()
        self.assertIn("brand.new.scope", str(e.exception))

    def test_model_drives_hubs_and_profiles(self):
        self.s.scope("x")
        _, doc = self.s.catalog()
        hubs = [h["id"] for h in doc["hubs"]]
        tiers_ = [t["id"] for t in doc["tiers"]]
        sold = {h["id"]: h["tiers"] for h in doc["hubs"]}  # the tiers HubSpot sells of each hub
        self.assertEqual([p["id"] for p in doc["profiles"]],
                         [tiers_[0]] + ["%s-%s" % (h, t) for h in hubs for t in tiers_[1:] if t in sold[h]])
        self.s.model["hubs"] = self.s.model["hubs"][:2]
        _, doc = self.s.catalog()
        self.assertEqual(len(doc["profiles"]), 1 + 2 * (len(tiers_) - 1))


class Round2Rules(unittest.TestCase):
    """Issue 24 items 2, 4 and 5: per-scope evidence, sibling inference, object and schema alike, time."""

    def setUp(self):
        self.s = Sources()

    def tearDown(self):
        self.s.close()

    def many(self, names):
        return [[n] for n in names] + [["f%d" % i] for i in range(5)]

    def test_objects_own_file_decides_its_plain_scopes_object_and_schema(self):
        names = ["crm.objects.gizmos.read", "crm.objects.gizmos.write", "crm.schemas.gizmos.read",
                 "crm.objects.gizmos.sensitive.read", "crm.objects.widgets.read"] + ["f%d" % i for i in range(5)]
        for n in names:
            self.s.scope(n)
        # Its only operations are generic (many alternatives): before, nothing decided the gizmo scopes.
        self.s.add_api("CRM/Gizmos", "v3", False, tiers(sales="professional"), self.many(names[:5]))
        self.s.add_api("CRM/Objects", "v3", False, tiers(), self.many(names[:5]))
        scopes, _ = self.s.catalog()
        for n in ("crm.objects.gizmos.read", "crm.objects.gizmos.write", "crm.schemas.gizmos.read"):
            self.assertEqual(scopes[n]["requires"], H("sales", "professional"), n)
            self.assertEqual(scopes[n]["confidence"], "api-spec", n)
            e = scopes[n]["evidence"][0]
            self.assertTrue(e["note"].startswith("Inference"), n)
        # Not its sensitive scopes, and not another object's scopes; the generic CRM/Objects file decides nothing.
        self.assertIsNone(scopes["crm.objects.gizmos.sensitive.read"]["requires"])
        self.assertIsNone(scopes["crm.objects.widgets.read"]["requires"])

    def test_object_and_schema_scope_disputed_alike(self):
        for n in ("crm.objects.gizmos.read", "crm.schemas.gizmos.read"):
            self.s.scope(n)
            self.s.secondary.append(other_row(n, H("any", "professional")))
        self.s.add_api("CRM/Gizmos", "v3", False, tiers(), ["crm.objects.gizmos.read"])
        scopes, _ = self.s.catalog()
        for n in ("crm.objects.gizmos.read", "crm.schemas.gizmos.read"):
            self.assertEqual(scopes[n]["requires"], H("any", "professional"), n)
            self.assertEqual(scopes[n]["requires_any_source"], "any", n)

    def test_hyphenated_names_join_their_dotted_family(self):
        for n in ("forecast-read", "forecasting-access", "crm.objects.forecasts.read", "auto-read", "other.write"):
            self.s.scope(n)
        self.s.add_api("CRM/Forecast Types", "v3", False, tiers(sales="professional"), ["forecast-read", "forecasting-access"])
        self.s.add_api("Mixed", "v3", False, tiers(), ["auto-read", "other.write"])
        scopes, _ = self.s.catalog()
        self.assertEqual(scopes["forecast-read"]["requires"], H("sales", "professional"))
        self.assertEqual(scopes["forecasting-access"]["requires"], H("sales", "professional"))
        self.assertEqual(scopes["auto-read"]["evidence"], [])  # unrelated alternatives still say nothing
        self.assertEqual(generate.family("forecasting-access"), generate.family("crm.objects.forecasts.read"))

    def test_beta_only_scope_takes_its_apis_stable_tier_by_inference(self):
        for n in ("seq.read", "seq.write", "lonely.write", "generic.write") + tuple("f%d" % i for i in range(5)):
            self.s.scope(n)
        self.s.add_api("Seq", "v4", False, tiers(sales="professional"), ["seq.read"])
        self.s.add_api("Seq", "2026-09-beta", True, tiers(), ["seq.read"], ["seq.write"])
        self.s.add_api("Lonely", "2026-09-beta", True, tiers(), ["lonely.write"])  # no stable file at all
        self.s.add_api("Seq", "2027-03-beta", True, tiers(), self.many(["generic.write"]))  # generic beta op
        scopes, _ = self.s.catalog()
        w = scopes["seq.write"]
        self.assertEqual(w["requires"], H("sales", "professional"))
        self.assertTrue(w["evidence"][0]["note"].startswith("Inference"))
        self.assertIn("seq.read", w["evidence"][0]["note"])
        self.assertIsNone(scopes["lonely.write"]["requires"])
        self.assertIsNone(scopes["generic.write"]["requires"])

    def test_sensitive_name_takes_its_siblings_statement_by_inference(self):
        enterprise_sd = [[{"hub": "any", "min_tier": "enterprise"}, {"feature": "sensitive_data"}]]
        for n in ("gizmos.sensitive.v2", "crm.objects.gizmos.sensitive.read", "crm.objects.gizmos.highly_sensitive.read"):
            self.s.scope(n, sensitive=True)
        self.s.docs_text.append(other_row("gizmos.sensitive.v2", enterprise_sd, url="https://example.invalid/x", source="Sensitive data docs"))
        scopes, _ = self.s.catalog()
        x = scopes["crm.objects.gizmos.sensitive.read"]
        self.assertEqual(x["requires"], enterprise_sd)
        self.assertEqual(x["confidence"], "docs-text")
        self.assertIn("gizmos.sensitive.v2", x["evidence"][0]["note"])
        self.assertTrue(x["evidence"][0]["note"].startswith("Inference"))
        self.assertIsNone(scopes["crm.objects.gizmos.highly_sensitive.read"]["requires"])  # another level

    def launch(self, hub, date):
        for h in self.s.model["hubs"]:
            if h["id"] == hub:
                h["launched"] = {"date": date, "source": "test", "url": "https://example.invalid/launch"}

    def test_time_a_statement_says_nothing_of_products_launched_after_it(self):
        self.launch("commerce", "2024-04-01")
        self.s.scope("custom.read")
        self.s.scope("table.only")
        self.s.docs_table.append(table_row("custom.read", H("any", "enterprise")))  # 2023
        self.s.add_api("Custom", "v3", False, {k: ("free" if k == "commerce" else "enterprise") for k in ALL_FREE}, ["custom.read"])
        self.s.docs_table.append(table_row("table.only", H("marketing", "professional")))
        scopes, doc = self.s.catalog()
        alg = generate.Generator(self.s.dir).alg
        def acc(hub, tier):
            return (tuple(alg.tiers.index(tier) if h == hub else 0 for h in alg.hubs), frozenset())
        c = scopes["custom.read"]
        strict, lenient = alg.from_json(c["requires"]), alg.from_json(c.get("requires_any_source", c["requires"]))
        # The 2026 spec speaks of Commerce and leaves it out; the 2023 "any Enterprise" is silent on it: refused.
        self.assertFalse(alg.holds(lenient, acc("commerce", "enterprise")))
        self.assertTrue(alg.holds(strict, acc("sales", "enterprise")))
        self.assertIn("Predates", c["evidence"][0]["note"])
        # Only the 2023 table speaks, and not of Commerce: Commerce stays disputed, never granted nor refused.
        t = scopes["table.only"]
        strict, lenient = alg.from_json(t["requires"]), alg.from_json(t["requires_any_source"])
        self.assertFalse(alg.holds(strict, acc("commerce", "enterprise")))
        self.assertTrue(alg.holds(lenient, acc("commerce", "enterprise")))
        self.assertFalse(alg.holds(lenient, acc("sales", "enterprise")))  # Sales existed: the table refuses it
        self.assertTrue(alg.holds(strict, acc("marketing", "professional")))

    def test_time_a_newer_statement_speaks_and_bad_launch_is_an_error(self):
        self.launch("smart_crm", "2024-03-05")
        self.s.scope("auto")
        self.s.docs_table.append(table_row("auto", H("marketing", "professional")))
        self.s.add_api("Auto", "v4", False, {k: "professional" for k in ALL_FREE}, ["auto"])
        scopes, _ = self.s.catalog()
        alg = generate.Generator(self.s.dir).alg
        smart_pro = (tuple(2 if h == "smart_crm" else 0 for h in alg.hubs), frozenset())
        sales_pro = (tuple(2 if h == "sales" else 0 for h in alg.hubs), frozenset())
        a = scopes["auto"]
        self.assertTrue(alg.holds(alg.from_json(a["requires"]), smart_pro))  # only the 2026 spec speaks: granted
        self.assertFalse(alg.holds(alg.from_json(a["requires"]), sales_pro))  # both speak, disagree: disputed
        self.assertTrue(alg.holds(alg.from_json(a["requires_any_source"]), sales_pro))
        # Smart CRM Starter beside Sales Professional: the table still refuses what Sales brings, and the spec
        # grants nothing through Smart CRM Starter: disputed, not granted.
        mixed = (tuple(2 if h == "sales" else 1 if h == "smart_crm" else 0 for h in alg.hubs), frozenset())
        self.assertFalse(alg.holds(alg.from_json(a["requires"]), mixed))
        self.assertTrue(alg.holds(alg.from_json(a["requires_any_source"]), mixed))
        self.launch("smart_crm", "March 2024")
        self.s.write()
        with self.assertRaises(generate.SourceError) as e:
            generate.Generator(self.s.dir).catalog()
        self.assertIn("launched", str(e.exception))


class CheckMode(unittest.TestCase):
    def test_check_passes_on_the_committed_catalog(self):
        r = subprocess.run([sys.executable, SCRIPT, "--check"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_check_names_what_is_stale(self):
        tmp = tempfile.mkdtemp(prefix="tierscope-check-")
        try:
            shutil.copytree(os.path.join(ROOT, "data", "sources"), os.path.join(tmp, "data", "sources"))
            out = os.path.join(tmp, "data", "hubspot-scopes.json")
            self.assertEqual(subprocess.run([sys.executable, SCRIPT, "--root", tmp], capture_output=True).returncode, 0)
            with open(out, encoding="utf-8") as f:
                doc = json.load(f)
            for s in doc["scopes"]:
                if s["name"] == "automation":
                    s["requires"] = "any"
            with open(out, "w", encoding="utf-8") as f:
                f.write(json.dumps(doc, indent=2) + "\n")
            r = subprocess.run([sys.executable, SCRIPT, "--check", "--root", tmp], capture_output=True, text=True)
            self.assertEqual(r.returncode, 1)
            self.assertIn("scope automation (requires)", r.stderr)
            os.remove(out)
            r = subprocess.run([sys.executable, SCRIPT, "--check", "--root", tmp], capture_output=True, text=True)
            self.assertEqual(r.returncode, 1)
            self.assertIn("cannot read", r.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def test_bad_source_is_a_clear_message(self):
        tmp = tempfile.mkdtemp(prefix="tierscope-bad-")
        try:
            shutil.copytree(os.path.join(ROOT, "data", "sources"), os.path.join(tmp, "data", "sources"))
            with open(os.path.join(tmp, "data", "sources", "docs-table.json"), "w") as f:
                f.write("{ not json")
            r = subprocess.run([sys.executable, SCRIPT, "--root", tmp], capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("docs-table.json", r.stderr)
            self.assertNotIn("Traceback", r.stderr)
            with open(os.path.join(tmp, "data", "sources", "docs-table.json"), "w") as f:
                f.write('{"source": {}, "rows": [{"tier_text": "x"}]}')
            r = subprocess.run([sys.executable, SCRIPT, "--root", tmp], capture_output=True, text=True)
            self.assertEqual(r.returncode, 2)
            self.assertIn("lacks a field", r.stderr)
            self.assertNotIn("Traceback", r.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
