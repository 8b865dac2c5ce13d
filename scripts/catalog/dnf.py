"""Requirement algebra for the catalog generator (python3 stdlib only).

A requirement is a set of accounts, written in disjunctive normal form: a list of alternatives (OR),
each a set of conditions (AND). A condition is ("hub", HUB, TIER) with HUB a hub id or "any" (some
hub at TIER or higher) and TIER an index into the model's tiers, or ("feature", ID). Every condition
is upward closed (more tiers or more features never lose it), so an alternative is the upward closure
of a few minimal accounts, and "alternative A lies inside requirement R" holds exactly when each
minimal account of A satisfies R. All simplification rests on that test.

ANY (one empty alternative) is every account; None (outside this module) is "not documented".
"""

ANY = (frozenset(),)


class Algebra:
    def __init__(self, hubs, tiers, features):
        self.hubs = list(hubs)
        self.tiers = list(tiers)
        self.features = list(features)
        self._hub_rank = {h: i for i, h in enumerate(self.hubs)}
        self._hub_rank["any"] = len(self.hubs)
        self._feature_rank = {f: i for i, f in enumerate(self.features)}

    # ---- reading and writing the catalog's JSON form -------------------------------------------
    def from_json(self, value, where="requirement"):
        """'any' -> ANY, None -> None, list of lists of conditions -> simplified tuple of frozensets."""
        if value is None:
            return None
        if value == "any":
            return ANY
        if not isinstance(value, list) or not value:
            raise ValueError("%s: expected \"any\", null or a non-empty list of alternatives" % where)
        alts = []
        for alt in value:
            if not isinstance(alt, list) or not alt:
                raise ValueError("%s: each alternative must be a non-empty list of conditions" % where)
            alts.append(frozenset(self._condition(c, where) for c in alt))
        return self.simplify(alts)

    def _condition(self, c, where):
        if isinstance(c, dict) and set(c) == {"hub", "min_tier"}:
            if c["hub"] != "any" and c["hub"] not in self._hub_rank:
                raise ValueError("%s: unknown hub %r" % (where, c["hub"]))
            if c["min_tier"] not in self.tiers:
                raise ValueError("%s: unknown tier %r" % (where, c["min_tier"]))
            return ("hub", c["hub"], self.tiers.index(c["min_tier"]))
        if isinstance(c, dict) and set(c) == {"feature"}:
            if c["feature"] not in self._feature_rank:
                raise ValueError("%s: unknown feature %r" % (where, c["feature"]))
            return ("feature", c["feature"])
        raise ValueError("%s: a condition is {hub, min_tier} or {feature}, not %r" % (where, c))

    def to_json(self, req):
        if req is None:
            return None
        if req == ANY:
            return "any"
        out = []
        for alt in req:
            conds = []
            for c in sorted(alt, key=self._cond_key):
                if c[0] == "hub":
                    conds.append({"hub": c[1], "min_tier": self.tiers[c[2]]})
                else:
                    conds.append({"feature": c[1]})
            out.append(conds)
        return out

    def _cond_key(self, c):
        if c[0] == "hub":
            return (0, self._hub_rank[c[1]], c[2])
        return (1, self._feature_rank[c[1]], 0)

    def _alt_key(self, alt):
        return (len(alt), [self._cond_key(c) for c in sorted(alt, key=self._cond_key)])

    # ---- semantics on concrete accounts --------------------------------------------------------
    def holds(self, req, account):
        """account = (tuple of tier indexes in hub order, frozenset of features)."""
        return any(self._alt_holds(alt, account) for alt in req)

    def _alt_holds(self, alt, account):
        tiers, feats = account
        for c in alt:
            if c[0] == "feature":
                if c[1] not in feats:
                    return False
            elif c[1] == "any":
                if max(tiers) < c[2]:
                    return False
            elif tiers[self._hub_rank[c[1]]] < c[2]:
                return False
        return True

    def _minimal_accounts(self, alt):
        base = [0] * len(self.hubs)
        feats = set()
        any_tier = 0
        for c in alt:
            if c[0] == "feature":
                feats.add(c[1])
            elif c[1] == "any":
                any_tier = max(any_tier, c[2])
            else:
                i = self._hub_rank[c[1]]
                base[i] = max(base[i], c[2])
        feats = frozenset(feats)
        if any_tier == 0 or max(base) >= any_tier:
            return [(tuple(base), feats)]
        out = []
        for i in range(len(self.hubs)):
            t = list(base)
            t[i] = max(t[i], any_tier)
            out.append((tuple(t), feats))
        return out

    def alt_within(self, alt, req):
        """Every account of alternative alt satisfies req."""
        return all(self.holds(req, m) for m in self._minimal_accounts(alt))

    def implies(self, a, b):
        """Requirement a's accounts all lie in requirement b's."""
        return all(self.alt_within(alt, b) for alt in a)

    def equivalent(self, a, b):
        return self.implies(a, b) and self.implies(b, a)

    # ---- normal form ---------------------------------------------------------------------------
    def _normalize_alt(self, alt):
        best = {}
        feats = set()
        for c in alt:
            if c[0] == "feature":
                feats.add(c)
            elif c[2] > 0:  # every hub is at least at the lowest tier
                best[c[1]] = max(best.get(c[1], 0), c[2])
        if "any" in best and any(t >= best["any"] for h, t in best.items() if h != "any"):
            del best["any"]
        return frozenset([("hub", h, t) for h, t in best.items()] + list(feats))

    def simplify(self, alts):
        alts = {self._normalize_alt(a) for a in alts}
        if frozenset() in alts:
            return ANY
        # "some hub at T" where every hub at T (with the same other conditions) is an alternative.
        for alt in list(alts):
            for c in alt:
                if c[0] == "hub" and c[1] != "any":
                    cand = self._normalize_alt((alt - {c}) | {("hub", "any", c[2])})
                    if cand not in alts and self.alt_within(cand, tuple(alts)):
                        alts.add(cand)
        # Drop alternatives inside another single alternative, then those inside the union of the rest
        # (checked one at a time against what is still kept, so the union never shrinks).
        kept = sorted(alts, key=self._alt_key)
        kept = [a for i, a in enumerate(kept)
                if not any(j != i and self.alt_within(a, (b,)) and (j < i or not self.alt_within(b, (a,)))
                           for j, b in enumerate(kept))]
        for alt in sorted(kept, key=self._alt_key, reverse=True):
            others = tuple(a for a in kept if a != alt)
            if others and self.alt_within(alt, others):
                kept = list(others)
        return tuple(sorted(kept, key=self._alt_key))

    def both(self, a, b):
        """Intersection (AND): accounts in a and in b."""
        return self.simplify([x | y for x in a for y in b])

    def either(self, a, b):
        """Union (OR): accounts in a or in b."""
        return self.simplify(list(a) + list(b))
