"""scripts/catalog/operations.py: current operations the spec collection lacks (data/sources/legacy-apis.json
"current"), such as POST /collector/graphql, with their data_scopes patterns."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts", "catalog"))
import operations  # noqa: E402

SOURCE = {"source": "s", "commit": "c" * 40, "scope_sets": [["crm.objects.deals.read"]],
          "apis": [{"api": "CRM/Deals", "version": "v3", "beta": False,
                    "operations": [{"method": "get", "path": "/crm/v3/objects/deals", "oauth": [0]}]}]}


def legacy(current):
    return {"renamed": [], "families": [], "current": current}


class Current(unittest.TestCase):
    def test_a_query_api_gets_flag_4_and_its_data_scopes(self):
        doc = operations.build(SOURCE, legacy([
            {"name": "GraphQL", "version": "", "method": "post", "path": "/collector/graphql",
             "scopes": [["collector.graphql_schema.read", "collector.graphql_query.execute"]], "data_scopes": ["crm.*.read", "hubdb"]},
            {"name": "Plain", "version": "v1", "method": "GET", "path": "/plain/v1/x", "scopes": [["forms"]]}]))
        row = next(o for o in doc["operations"] if o[2] == "/collector/graphql")
        self.assertEqual(row[1], "POST")
        self.assertEqual(doc["apis"][row[0]], ["GraphQL", "", 4])
        sets = [doc["scope_sets"][i] for i in doc["alternatives"][row[3]]]
        self.assertEqual(sets, [["collector.graphql_query.execute", "collector.graphql_schema.read"]])  # sorted
        self.assertEqual(doc["data_scopes"], [[row[0], ["crm.*.read", "hubdb"]]])
        plain = next(o for o in doc["operations"] if o[2] == "/plain/v1/x")
        self.assertEqual(doc["apis"][plain[0]], ["Plain", "v1", 0])
        self.assertEqual(json.loads(operations.dump(doc))["data_scopes"], doc["data_scopes"])

    def test_the_graphql_entry_names_its_source_and_day(self):
        with open(os.path.join(ROOT, "data", "sources", "legacy-apis.json"), encoding="utf-8") as f:
            cur = json.load(f)["current"]
        g = next(c for c in cur if c["path"] == "/collector/graphql")
        self.assertIn("https://developers.hubspot.com/docs/cms/data/query-hubspot-data-using-graphql", g["source"])
        self.assertRegex(g["checked"], r"^\d{4}-\d{2}-\d{2}$")
        self.assertEqual(g["evidence"], "source")
        self.assertTrue(g["label"])
        self.assertIn("crm.*.read", g["data_scopes"])


if __name__ == "__main__":
    unittest.main()
