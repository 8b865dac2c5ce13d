"""The requirement algebra (scripts/catalog/dnf.py), checked against brute force over small models."""
import itertools
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "catalog"))
from dnf import ANY, Algebra  # noqa: E402

HUBS = ["marketing", "sales", "service", "content", "data", "commerce", "smart_crm"]
TIERS = ["free", "starter", "professional", "enterprise"]
FEATURES = ["website_addon", "transactional_email_addon"]


def h(hub, tier):
    return {"hub": hub, "min_tier": tier}


class AlgebraCases(unittest.TestCase):
    def setUp(self):
        self.a = Algebra(HUBS, TIERS, FEATURES)

    def req(self, value):
        return self.a.from_json(value)

    def js(self, value):
        return self.a.to_json(value)

    def test_strict_intersection_keeps_the_narrower_hub(self):
        both = self.a.both(self.req([[h("marketing", "professional")]]), self.req([[h("any", "professional")]]))
        self.assertEqual(self.js(both), [[h("marketing", "professional")]])

    def test_lenient_union_keeps_the_wider_any(self):
        either = self.a.either(self.req([[h("marketing", "professional")]]), self.req([[h("any", "professional")]]))
        self.assertEqual(self.js(either), [[h("any", "professional")]])

    def test_every_hub_at_a_tier_is_any_hub(self):
        every = self.req([[h(x, "enterprise")] for x in HUBS])
        self.assertEqual(self.js(every), [[h("any", "enterprise")]])
        six = self.req([[h(x, "enterprise")] for x in HUBS[:-1]])
        self.assertEqual(len(self.js(six)), 6, "without Smart CRM it is not 'any hub'")

    def test_free_tier_conditions_mean_every_account(self):
        self.assertEqual(self.req([[h("sales", "free")]]), ANY)
        self.assertEqual(self.js(self.req([[h("sales", "free"), {"feature": "website_addon"}]])),
                         [[{"feature": "website_addon"}]])

    def test_same_hub_twice_keeps_the_higher_tier(self):
        self.assertEqual(self.js(self.req([[h("sales", "starter"), h("sales", "professional")]])),
                         [[h("sales", "professional")]])

    def test_any_dropped_when_a_named_hub_already_reaches_it(self):
        self.assertEqual(self.js(self.req([[h("any", "starter"), h("content", "professional")]])),
                         [[h("content", "professional")]])

    def test_feature_alternatives(self):
        with_addon = self.req([[h("marketing", "professional"), {"feature": "transactional_email_addon"}]])
        plain = self.req([[h("marketing", "professional")]])
        self.assertEqual(self.a.either(with_addon, plain), plain)
        self.assertEqual(self.a.both(with_addon, plain), with_addon)
        self.assertTrue(self.a.implies(with_addon, plain))
        self.assertFalse(self.a.implies(plain, with_addon))

    def test_any_is_neutral_for_and_absorbing_for_or(self):
        r = self.req([[h("service", "professional")], [h("content", "starter")]])
        self.assertEqual(self.a.both(ANY, r), r)
        self.assertEqual(self.a.either(ANY, r), ANY)
        self.assertEqual(self.js(ANY), "any")
        self.assertIsNone(self.js(None))

    def test_output_order_is_stable(self):
        r1 = self.req([[h("service", "professional")], [h("marketing", "starter")]])
        r2 = self.req([[h("marketing", "starter")], [h("service", "professional")]])
        self.assertEqual(self.js(r1), self.js(r2))
        self.assertEqual(self.js(r1), [[h("marketing", "starter")], [h("service", "professional")]])

    def test_bad_input_is_named(self):
        for bad in ([], [[]], [[{"hub": "crm", "min_tier": "free"}]], [[{"hub": "sales", "min_tier": "gold"}]],
                    [[{"feature": "nope"}]], "all", [[{"hub": "sales"}]]):
            with self.assertRaises(ValueError):
                self.req(bad)


class AlgebraAgainstBruteForce(unittest.TestCase):
    """Random requirements on a small model: the algebra's sets equal the enumerated ones."""
    HUBS = ["a", "b", "c"]
    TIERS = ["t0", "t1", "t2"]
    FEATURES = ["f", "g"]

    def setUp(self):
        self.a = Algebra(self.HUBS, self.TIERS, self.FEATURES)
        self.accounts = [(tiers, frozenset(fs))
                         for tiers in itertools.product(range(3), repeat=3)
                         for n in range(3) for fs in itertools.combinations(self.FEATURES, n)]
        self.rng = random.Random(13)

    def random_req(self):
        alts = []
        for _ in range(self.rng.randint(1, 3)):
            alt = []
            for _ in range(self.rng.randint(1, 3)):
                if self.rng.random() < 0.25:
                    alt.append({"feature": self.rng.choice(self.FEATURES)})
                else:
                    alt.append({"hub": self.rng.choice(self.HUBS + ["any"]), "min_tier": self.rng.choice(self.TIERS)})
            alts.append(alt)
        return alts

    def members(self, req):
        return {acc for acc in self.accounts if self.a.holds(req, acc)}

    def naive(self, value, acc):
        tiers, feats = acc
        def cond(c):
            if "feature" in c:
                return c["feature"] in feats
            t = self.TIERS.index(c["min_tier"])
            return max(tiers) >= t if c["hub"] == "any" else tiers[self.HUBS.index(c["hub"])] >= t
        return any(all(cond(c) for c in alt) for alt in value)

    def test_simplify_both_either_implies(self):
        for _ in range(300):
            x, y = self.random_req(), self.random_req()
            rx, ry = self.a.from_json(x), self.a.from_json(y)
            sx = {acc for acc in self.accounts if self.naive(x, acc)}
            sy = {acc for acc in self.accounts if self.naive(y, acc)}
            self.assertEqual(self.members(rx), sx, x)
            self.assertEqual(self.members(self.a.both(rx, ry)), sx & sy, (x, y))
            self.assertEqual(self.members(self.a.either(rx, ry)), sx | sy, (x, y))
            self.assertEqual(self.a.implies(rx, ry), sx <= sy, (x, y))
            # Simplified: no alternative lies inside the others.
            for alt in rx:
                others = tuple(o for o in rx if o != alt)
                if others:
                    self.assertFalse(self.a.alt_within(alt, others), (x, rx))
            # Round trip through JSON is stable.
            self.assertEqual(self.a.from_json(self.a.to_json(rx)), rx)


if __name__ == "__main__":
    unittest.main()
