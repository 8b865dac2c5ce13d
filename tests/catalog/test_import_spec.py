"""scripts/catalog/import_spec.py on a small hand-made spec folder (and, when TIERSCOPE_SPEC_DIR names a
checkout of HubSpot's spec collection at the recorded commit, byte-identity with the committed file)."""
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "catalog"))
import import_spec  # noqa: E402


def spec(title, version, tiers, paths):
    return {"openapi": "3.0.1", "info": {"title": title, "version": version, "x-hubspot-product-tier-requirements": tiers},
            "paths": paths,
            "components": {"securitySchemes": {"oauth2": {"type": "oauth2"}, "private_apps": {"type": "apiKey"},
                                               "private_apps_legacy": {"type": "apiKey"}}}}


def op(*oauth, private=None, internal=False):
    sec = [{"oauth2": list(s)} for s in oauth] + ([{"private_apps": list(s)} for s in private] if private else [])
    o = {"security": sec}
    if internal:
        o["x-hubspot-user-level-auth"] = {"internalOnly": True}
    return o


class ImportSpec(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="tierscope-spec-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def put(self, rel, doc):
        path = os.path.join(self.dir, "PublicApiSpecs", *rel.split("/"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)

    def test_reads_tiers_scopes_beta_and_skips_collections(self):
        self.put("Communication Preferences/Subscriptions/Rollouts/1/v4/s.json",
                 spec("Subs", "v4", {"marketing": "STARTER", "cms": "FREE", "crmHub": "FREE", "dataHub": "FREE"},
                      {"/x": {"get": op(["communication_preferences.read"], ["communication_preferences.read_write"]),
                              "post": op(["communication_preferences.statuses.batch.write"],
                                         private=[["communication_preferences.statuses.batch.write"]], internal=True)}}))
        self.put("Communication Preferences/Subscriptions/Rollouts/1/2026-09-beta/s.json",
                 spec("Subs", "2026-09-beta", {"marketing": "FREE"}, {"/y": {"get": op(["communication_preferences.read"])}}))
        self.put("Communication Preferences/Subscriptions/Rollouts/1/v4/Collection/c.json", {"info": {}})
        self.put("Communication Preferences/Subscriptions/Rollouts/1/v4/postman.json", {"info": {"name": "collection"}})
        doc = import_spec.build(self.dir, "f" * 40)
        self.assertEqual([a["version"] for a in doc["apis"]], ["2026-09-beta", "v4"])
        v4 = doc["apis"][1]
        self.assertEqual(v4["api"], "Communication Preferences/Subscriptions")
        self.assertFalse(v4["beta"])
        self.assertTrue(doc["apis"][0]["beta"])
        self.assertEqual(v4["tiers"], {"marketing": "starter", "content": "free", "smart_crm": "free", "data": "free"})
        ops = {o["method"]: o for o in v4["operations"]}
        sets = doc["scope_sets"]
        self.assertEqual(sorted(sets[i][0] for i in ops["GET"]["oauth"]),
                         ["communication_preferences.read", "communication_preferences.read_write"])
        self.assertTrue(ops["POST"]["internal_only"])
        self.assertEqual(ops["POST"]["private_apps"], ops["POST"]["oauth"])
        self.assertNotIn("private_apps", ops["GET"])

    def test_unknown_product_key_is_named(self):
        self.put("A/B/Rollouts/1/v3/b.json", spec("B", "v3", {"newHub": "FREE"}, {}))
        with self.assertRaises(import_spec.ImportError_) as e:
            import_spec.build(self.dir, "f" * 40)
        self.assertIn("newHub", str(e.exception))

    def test_prints_what_changed_for_the_catalog(self):
        self.put("X/Api/Rollouts/1/v3/x.json", spec("X", "v3", {"sales": "PROFESSIONAL"},
                                                     {"/a": {"get": op(["automation"])}}))
        old = import_spec.build(self.dir, "a" * 40)
        self.put("X/Api/Rollouts/1/v3/x.json", spec("X", "v3", {"sales": "ENTERPRISE"},
                                                     {"/a": {"get": op(["automation"])},
                                                      "/b": {"post": op(["brand.new.scope"])}}))
        out = os.path.join(self.dir, "ops.json")
        with open(out, "w", encoding="utf-8") as f:
            f.write(import_spec.render(old))
        buf = io.StringIO()
        with redirect_stdout(buf):
            code = import_spec.main([self.dir, "--commit", "b" * 40, "--out", out])
        text = buf.getvalue()
        self.assertEqual(code, 0)
        self.assertIn("scope names new in the spec: brand.new.scope", text)
        self.assertIn("operations: 1 new, 0 removed", text)
        self.assertIn("+ POST /b", text)
        self.assertIn("automation: Sales Hub Professional+ -> Sales Hub Enterprise+", text)
        with open(out, encoding="utf-8") as f:
            self.assertEqual(json.load(f)["commit"], "b" * 40)

    @unittest.skipUnless(os.environ.get("TIERSCOPE_SPEC_DIR"), "set TIERSCOPE_SPEC_DIR to a checkout of the spec collection")
    def test_byte_identical_for_the_recorded_commit(self):
        with open(os.path.join(ROOT, "data", "sources", "hubspot-api-operations.json"), encoding="utf-8") as f:
            committed = f.read()
        commit = json.loads(committed)["commit"]
        self.assertEqual(import_spec.render(import_spec.build(os.environ["TIERSCOPE_SPEC_DIR"], commit)), committed)


if __name__ == "__main__":
    unittest.main()
