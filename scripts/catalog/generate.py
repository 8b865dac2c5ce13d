#!/usr/bin/env python3
"""Builds data/hubspot-scopes.json (catalog format 2) from data/sources/. python3 stdlib only.

  python3 scripts/catalog/generate.py            write the catalog
  python3 scripts/catalog/generate.py --check    exit 1, naming what differs, if the committed file is stale
  python3 scripts/catalog/generate.py --root DIR --out FILE   (tests)

The evidence rule lives here and only here (decide() and api_spec_evidence()); EVIDENCE_RULE says it
in words and docs/catalog.md explains it.
"""
import argparse
import functools
import itertools
import re
import json
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dnf import ANY, Algebra  # noqa: E402

# An operation is evidence of a scope's tier only when it accepts at most this many alternative
# scope sets, all of the scope's own family (family()). The spec's specific operations accept 1-3
# (Files: files / files.ui_hidden.read / files.read; Campaign revenue: its three revenue scopes); from
# 4 on they are generic (any contacts write scope, any custom-object scope, then 16, 23 ... 100 CRM
# scopes) and say nothing about one scope. An operation accepting an unrelated scope instead (Owners:
# automation or crm.objects.owners.read) says nothing either: a free account calls it with the other.
MAX_ALTERNATIVES = 3


def stem(word):
    """A name part without a plural or -ing ending (forecasts, forecasting -> forecast; tickets -> ticket)."""
    for end in ("ing", "s"):
        if word.endswith(end) and len(word) - len(end) >= 4:
            word = word[:-len(end)]
    return word


def family(name):
    """Variants of one permission share a family: the stem of the first dotted segment (hubdb,
    hubdb.rows.read; files, files.read), or for crm.objects / crm.schemas names the stem of the object
    (crm.objects.tickets.read, crm.schemas.tickets.read and tickets). Hyphenated names belong with their
    dotted siblings: a hyphen separates segments like a dot (forecast-read and forecasting-access with
    crm.objects.forecasts.read; marketing-email with marketing.email.read). A sensitive-data name is a
    family of its own per level (tickets.sensitive.v2 is not a variant of tickets: it adds access)."""
    parts = name.replace("-", ".").split(".")
    level = "".join(":" + p for p in parts if p in ("sensitive", "highly_sensitive"))
    if parts[0] == "crm" and len(parts) >= 3 and parts[1] in ("objects", "schemas"):
        return stem(parts[2]) + level
    return stem(parts[0]) + level


def crm_object(name):
    """(object, access) for an object's plain scope: crm.objects.X.read/.write and crm.schemas.X.read/.write
    (not the sensitive ones: crm.objects.X.sensitive.read has five parts); otherwise None."""
    parts = name.split(".")
    if len(parts) == 4 and parts[0] == "crm" and parts[1] in ("objects", "schemas") and parts[3] in ("read", "write"):
        return parts[2], parts[3]
    return None


def object_of_api(api_name, objects):
    """The CRM object whose own API a spec API is (CRM/Forecasts -> forecasts, CRM/Commerce Payments ->
    commercepayments, CRM/Custom Objects -> custom), or None. Names compare without case, spaces or
    underscores; "X Objects" names object X."""
    if not api_name.startswith("CRM/"):
        return None
    key = api_name[4:].lower().replace(" ", "").replace("_", "")
    for obj in objects:
        o = obj.replace("_", "")
        if key in (o, o + "objects"):
            return obj
    return None


KIND_ORDER = ["observed", "docs-table", "docs-guide", "api-spec", "docs-text", "secondary"]
HUBSPOT_KINDS = ("docs-table", "docs-guide", "api-spec", "docs-text")
# Kinds that cannot state an add-on or account-setting condition: they neither grant nor refuse one.
FEATURE_BLIND = ("api-spec",)

ABOUT = (
    "HubSpot OAuth scopes and the accounts that can grant them, built by scripts/catalog/generate.py "
    "from data/sources/ (never edited by hand). Each scope carries its evidence: what each source says, "
    "with a link. requires is where every deciding source grants the scope, requires_any_source (only "
    "when they differ) where at least one does. confidence is the strongest deciding kind: observed (an "
    "install tried on a test account) > docs-table (HubSpot's scope table) > docs-guide (a dated HubSpot "
    "guide or changelog post) > api-spec (a stable API file of HubSpot's OpenAPI spec collection) > "
    "docs-text (other HubSpot docs or changelog text) > secondary (a third-party paraphrase); "
    "unverified when nothing decides (requires null). tier_text is the source's own wording, when it has one."
)
REQUIRES_SEMANTICS = (
    '"any" = every account, free included. null = not documented. Otherwise a list of alternatives '
    "(OR); each alternative is a list of conditions (AND); a condition is {hub, min_tier} (hub \"any\" = "
    "some hub at that tier or higher) or {feature} (an add-on or account setting)."
)
EVIDENCE_RULE = (
    "HubSpot's own sources decide: the docs scope table (docs-table), the stable API files of HubSpot's "
    "spec (api-spec) and other HubSpot docs or changelog text (docs-text). A secondary source that states a "
    "tier counts too: alone it decides; beside HubSpot's it can only make a profile disputed, never overrule "
    "silently (the confidence stays HubSpot's). A statement without a tier never decides. api-spec: only files not "
    "marked beta, and only operations that accept the scope alone or among at most %d alternatives that are "
    "all variants of the same permission (same name family, e.g. hubdb and hubdb.rows.read); a file's "
    "tier map reads: products at free add nothing, the products above free are alternatives (one of them at "
    "that tier or higher), all free = every account. A scope accepted by several stable API files (all "
    "versions still in the spec, older ones included) is granted where at least one of them grants it. "
    "requires = the accounts where every deciding source grants the scope (intersection); "
    "requires_any_source = where at least one does (union), written only when it differs. No deciding "
    "source: requires null, confidence unverified. docs-guide: a dated HubSpot guide or changelog post decides "
    "like HubSpot's other kinds; where it states a tier for a scope marked narrows_spec, the API files' tier "
    "(a statement about a whole API) is shown but does not decide for that scope. Add-ons: an api-spec tier map "
    "cannot state add-on or setting conditions, so it neither grants nor refuses them: where a deciding source "
    "that can state them needs one at a tier the spec grants, the spec is read with that condition. observed: "
    "an install tried on a test account (data/sources/observed.json) is the strongest evidence: an install "
    "grants the scope from that account up, a permission error naming the scope refuses it from that account "
    "down, whatever the other sources say (they stay in the evidence). Families: a hyphen separates segments like "
    "a dot and plural or -ing endings are dropped (forecast-read, forecasting-access and crm.objects.forecasts.read "
    "are one family); a sensitive-data level is a family of its own. Object files: the stable files of an object's "
    "own API (CRM/Forecasts for forecasts) decide the object's plain scopes, crm.objects.X.read/.write and "
    "crm.schemas.X.read/.write alike (never the sensitive ones), even where their operations accept them only among "
    "many others or not by name; so an object scope and its schema scope are decided by the same sources. "
    "Inference, always labelled (source \"(inferred)\", note \"Inference: ...\"): a scope only beta files accept "
    "on operations specific to it takes the tier of its API's stable files where those decide sibling scopes of its "
    "family; a sensitive-data name no source speaks of takes HubSpot's statement about the same object's scope at "
    "the same level. Time: a statement says nothing about a product launched after its date (account-model.json, "
    "launched): its \"any hub\" means the products it could know, it bounds nothing the other sources grant through "
    "the later product, and accounts that no deciding statement speaks of stay disputed. Where dated statements "
    "disagree the profile is disputed, and the warning names the newest statement." % MAX_ALTERNATIVES
)


class SourceError(Exception):
    pass


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        raise SourceError("%s: %s" % (path, e))


class Generator:
    def __init__(self, root):
        src = os.path.join(root, "data", "sources")
        self.model = load(os.path.join(src, "account-model.json"))
        self.base = load(os.path.join(src, "scopes.json"))["rows"]
        self.docs_table = load(os.path.join(src, "docs-table.json"))
        self.docs_text = load(os.path.join(src, "docs-text.json"))
        self.secondary = load(os.path.join(src, "secondary.json"))
        # Newer HubSpot statements (guides, changelog posts) and tried installs; both files are optional.
        self.docs_guide = self.optional(os.path.join(src, "docs-guide.json"))
        self.observed = self.optional(os.path.join(src, "observed.json"))
        self.spec_meta = load(os.path.join(src, "api-spec.json"))
        self.ops = load(os.path.join(src, "hubspot-api-operations.json"))
        self.tiers = [t["id"] for t in self.model["tiers"]]
        self.hubs = [h["id"] for h in self.model["hubs"]]
        self.hub_names = {h["id"]: h["name"] for h in self.model["hubs"]}
        self.tier_names = {t["id"]: t["name"] for t in self.model["tiers"]}
        # The tiers HubSpot sells of each hub (lowest first; every hub has the lowest tier): the profiles and
        # the configurations count only these.
        self.sold = {}
        for h in self.model["hubs"]:
            sold = h.get("tiers", self.tiers)
            if not sold or sold[0] != self.tiers[0] or any(t not in self.tiers for t in sold) \
                    or sorted(sold, key=self.tiers.index) != sold or len(set(sold)) != len(sold):
                raise SourceError("account-model.json: hub %r: tiers must be tier ids, lowest first, starting with %r"
                                  % (h["id"], self.tiers[0]))
            for t in h.get("hs_test_account", {}).get("levels", {}):
                if t not in sold:
                    raise SourceError("account-model.json: hub %r: hs_test_account names tier %r, which it does not sell"
                                      % (h["id"], t))
            self.sold[h["id"]] = sold
        self.features = [f["id"] for f in self.model["features"]]
        self.feature_names = {f["id"]: f["name"] for f in self.model["features"]}
        self.alg = Algebra(self.hubs, self.tiers, self.features)
        self.spec_hub = {h["spec_id"]: h["id"] for h in self.model["hubs"]}
        # Products launched after a statement: it says nothing about them (see silent()).
        self.launched = {}
        for h in self.model["hubs"]:
            if h.get("launched") is not None:
                date = h["launched"].get("date") if isinstance(h["launched"], dict) else None
                if not isinstance(date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) or not h["launched"].get("url"):
                    raise SourceError("account-model.json: hub %r: launched must be {date: YYYY-MM-DD, source, url}" % h["id"])
                self.launched[h["id"]] = date
        self.names = [b["name"] for b in self.base]
        if len(set(self.names)) != len(self.names):
            raise SourceError("data/sources/scopes.json: a scope name appears twice")
        if self.ops.get("commit") != self.spec_meta["commit"]:
            raise SourceError(
                "data/sources/api-spec.json names commit %s but hubspot-api-operations.json is from %s: "
                "update commit and as_of in api-spec.json" % (self.spec_meta["commit"], self.ops.get("commit")))

    @staticmethod
    def optional(path):
        if not os.path.exists(path):
            return {"source": None, "rows": []}
        return load(path)

    # ---- sources per scope ---------------------------------------------------------------------
    def rows_by_name(self, doc, fname):
        out = {}
        for i, r in enumerate(doc["rows"]):
            if r["name"] not in self.names:
                raise SourceError("data/sources/%s row %d: %r is not in scopes.json" % (fname, i, r["name"]))
            r = dict(r)
            r["_req"] = self.alg.from_json(r.get("requires"), "data/sources/%s row %d (%s)" % (fname, i, r["name"]))
            out.setdefault(r["name"], []).append(r)
        return out

    def file_grant(self, api):
        alts = []
        for spec_id, tier in sorted(api["tiers"].items()):
            if spec_id not in self.spec_hub:
                raise SourceError("%s: product %r has no hub with that spec_id in account-model.json"
                                  % (api["file"], spec_id))
            if tier not in self.tiers:
                raise SourceError("%s: tier %r is not in account-model.json" % (api["file"], tier))
            if self.tiers.index(tier) > 0:
                alts.append(frozenset([("hub", self.spec_hub[spec_id], self.tiers.index(tier))]))
        return self.alg.simplify(alts) if alts else ANY

    def scan_spec(self):
        """Per scope: stable files whose specific operations accept it, and what else the spec shows."""
        sets = self.ops["scope_sets"]
        self.spec_files = {}   # name -> {api file: (api, grant)}
        self.seen = {}         # name -> set of flags: stable-generic, beta, oauth, private
        self.beta_apis = {}    # name -> API names whose beta files accept it on an operation specific to it
        ignored = self.spec_meta.get("ignored_scopes", {})
        for api in self.ops["apis"]:
            grant = None if api["beta"] else self.file_grant(api)
            for op in api["operations"]:
                oauth = op.get("oauth", [])
                families = {family(n) for i in oauth for n in sets[i]}
                for i in oauth:
                    for name in sets[i]:
                        flags = self.seen.setdefault(name, set())
                        flags.add("oauth")
                        if api["beta"]:
                            flags.add("beta")
                            if len(oauth) <= MAX_ALTERNATIVES and families == {family(name)}:
                                self.beta_apis.setdefault(name, set()).add(api["api"])
                        elif len(oauth) > MAX_ALTERNATIVES or (len(oauth) > 1 and families != {family(name)}):
                            flags.add("stable-generic")
                        else:
                            flags.add("stable-specific")
                            self.spec_files.setdefault(name, {})[api["file"]] = (api, grant)
                for i in op.get("private_apps", []):
                    for name in sets[i]:
                        self.seen.setdefault(name, set()).add("private")
        # An object's own API file (CRM/Forecasts for forecasts) decides the object's plain scopes, object
        # and schema alike, even where its operations accept them only among many others, or not by name.
        objects = sorted({crm_object(n)[0] for n in self.names if crm_object(n)})
        self.own_files = {}    # name -> {api file: (api, grant)}
        for api in self.ops["apis"]:
            obj = None if api["beta"] else object_of_api(api["api"], objects)
            if obj is None:
                continue
            for n in ("crm.%s.%s.%s" % (k, obj, a) for k in ("objects", "schemas") for a in ("read", "write")):
                if n in self.names:
                    self.own_files.setdefault(n, {})[api["file"]] = (api, self.file_grant(api))
        # A scope only beta files accept (on operations specific to it), of an API whose stable files decide
        # sibling scopes of its family: those files' tier, by inference (a beta file's tier map is a placeholder).
        self.beta_sibling_files = {}   # name -> {api file: (api, grant)}
        for name, apis in self.beta_apis.items():
            if name in self.spec_files or name in self.own_files:
                continue
            stable = {f: v for n, fs in self.spec_files.items() if family(n) == family(name)
                      for f, v in fs.items() if v[0]["api"] in apis}
            if stable:
                self.beta_sibling_files[name] = stable
        unknown = sorted(n for n in self.seen if n not in self.names and n not in ignored)
        if unknown:
            raise SourceError("the spec names scopes missing from data/sources/scopes.json: " + ", ".join(unknown)
                              + " (add them there, or to ignored_scopes in api-spec.json with a reason)")

    # ---- words ---------------------------------------------------------------------------------
    def describe(self, req):
        if req is None:
            return "no tier stated"
        if req == ANY:
            return "every account"
        parts = []
        for alt in self.alg.to_json(req):
            words = []
            for c in alt:
                if "feature" in c:
                    words.append("with " + self.feature_names[c["feature"]])
                elif c["hub"] == "any":
                    words.append("any hub %s+" % self.tier_names[c["min_tier"]])
                else:
                    words.append("%s %s+" % (self.hub_names[c["hub"]], self.tier_names[c["min_tier"]]))
            parts.append(" ".join(words))
        return " or ".join(parts)

    # ---- the evidence rule ---------------------------------------------------------------------
    def api_spec_evidence(self, name):
        own = {f: v for f, v in self.own_files.get(name, {}).items() if f not in self.spec_files.get(name, {})}
        beta = self.beta_sibling_files.get(name, {})
        files = dict(self.spec_files.get(name, {}), **own, **beta)
        if not files:
            return None
        grant = None
        groups = {}
        for fname in sorted(files):
            api, g = files[fname]
            grant = g if grant is None else self.alg.either(grant, g)
            key = (api["api"], self.describe(g))
            groups.setdefault(key, []).append(api["version"])
        apis = sorted({files[f][0]["api"] for f in files})
        base = "%s/tree/%s/PublicApiSpecs" % (self.spec_meta["url"], self.spec_meta["commit"])
        url = base + ("/" + urllib.parse.quote(apis[0]) if len(apis) == 1 else "")
        # Versions are not listed (the wasm size budget): the API and its tier say what decides.
        detail = "; ".join("%s: %s" % (api, words) for (api, words), v in sorted(groups.items()))
        note = "Stable API files: %s." % detail
        if own:
            note = "Inference, the object's own API. " + note
        if beta:
            siblings = sorted({n for n, fs in self.spec_files.items() if set(fs) & set(beta) and family(n) == family(name)})
            note = ("Inference: only beta files accept it; its API's stable files decide %s. %s"
                    % (", ".join(siblings[:3]), note))
        return {"source": "HubSpot API spec: " + ", ".join(apis),
                "kind": "api-spec", "_req": grant, "as_of": self.spec_meta["as_of"], "url": url, "note": note}

    def with_features(self, blind, other):
        """An add-on-blind requirement read with the add-on conditions of `other` (a requirement from sources
        that can state them): each alternative of `blind` takes the feature conditions of the alternatives of
        `other` whose hub conditions its minimal accounts meet; none without features among them = it takes
        theirs (OR), one without = unchanged; no such alternative = unchanged (a real tier disagreement)."""
        if blind is None or other is None or blind == ANY:
            return blind
        feats_all = frozenset(self.features)
        alts = []
        for e in blind:
            needs = []
            for a in other:
                hubs = frozenset(c for c in a if c[0] == "hub")
                if all(self.alg._alt_holds(hubs, (t, feats_all)) for t, _ in self.alg._minimal_accounts(e)):
                    needs.append(frozenset(c for c in a if c[0] == "feature"))
            if not needs or any(not n for n in needs):
                alts.append(e)
            else:
                alts.extend(e | n for n in needs)
        return self.alg.simplify(alts)

    def observation_grant(self, account):
        """The accounts at or above an observed account (every condition is upward closed)."""
        conds = [("hub", h, self.tiers.index(t)) for h, t in account.get("hubs", {}).items() if self.tiers.index(t) > 0]
        conds += [("feature", f) for f in account.get("features", [])]
        return self.alg.simplify([frozenset(conds)]) if conds else ANY

    def observation_refusal(self, account):
        """The accounts NOT at or below an observed account: some hub higher, or some other feature."""
        alts = []
        for h in self.hubs:
            t = self.tiers.index(account.get("hubs", {}).get(h, self.tiers[0]))
            if t + 1 < len(self.tiers):
                alts.append(frozenset([("hub", h, t + 1)]))
        alts += [frozenset([("feature", f)]) for f in self.features if f not in account.get("features", [])]
        return self.alg.simplify(alts) if alts else None

    def silent(self, e):
        """The accounts a dated statement cannot speak of: those holding a product launched after it (None: none).
        A statement that grants every account is not read as silent (nothing to extend)."""
        late = [h for h, d in sorted(self.launched.items()) if e["as_of"] < d]
        if not late or e["_req"] == ANY:
            return None
        e["_silent_on"] = late
        return self.alg.simplify([frozenset([("hub", h, 1)]) for h in late])

    def known_hubs_only(self, req, late):
        """A requirement read without the products in `late`: "any hub" means the others; an alternative that
        needs a late product is dropped. None when nothing is left (the statement then grants nothing)."""
        alts = []
        for alt in req:
            if any(c[0] == "hub" and c[1] in late for c in alt):
                continue
            parts = [[c] if not (c[0] == "hub" and c[1] == "any") else [("hub", h, c[2]) for h in self.hubs if h not in late]
                     for c in alt]
            for combo in itertools.product(*parts):
                alts.append(frozenset(combo))
        return self.alg.simplify(alts) if alts else None

    def through(self, reqs, late):
        """What the requirements `reqs` grant through the products in `late` alone ("any hub" read as each of
        them); None when nothing."""
        alts = []
        for req in reqs:
            if req is None:
                continue
            if req == ANY:  # every account: those holding a late product above free among them
                alts.extend(frozenset([("hub", h, 1)]) for h in late)
                continue
            for alt in req:
                for h in late:
                    conds = [("hub", h, c[2]) if c[0] == "hub" and c[1] == "any" else c for c in alt]
                    if any(c[0] == "hub" and c[1] == h for c in conds):
                        alts.append(frozenset(conds))
        return self.alg.simplify(alts) if alts else None

    def decide(self, evidence):
        """Marks which evidence decides; returns (requires, requires_any_source or None, confidence)."""
        stated = [e for e in evidence if e["kind"] != "observed" and e["_req"] is not None]
        narrowed = any(e["kind"] == "docs-guide" and e.get("_narrows") for e in stated)
        hubspot = [e for e in stated if e["kind"] in HUBSPOT_KINDS and not (narrowed and e["kind"] == "api-spec")]
        # Never overrule silently: a secondary source that states a tier counts too (it can only widen the
        # dispute: strict narrows, lenient widens); it never decides alone while HubSpot speaks (confidence).
        deciding = hubspot + [e for e in stated if e["kind"] == "secondary"]
        for e in evidence:
            e["decides"] = any(e is d for d in deciding)
        observed = [e for e in evidence if e["kind"] == "observed"]
        for e in observed:
            e["decides"] = True
        if not deciding and not any(e["_outcome"] == "installs" for e in observed):
            return None, None, ("observed" if observed else "unverified")
        # Add-on-blind kinds are read with the add-on conditions of the kinds that can state them.
        sighted = [e["_req"] for e in deciding if e["kind"] not in FEATURE_BLIND]
        other = None
        for r in sighted:
            other = r if other is None else self.alg.both(other, r)
        reqs = [self.with_features(e["_req"], other) if e["kind"] in FEATURE_BLIND else e["_req"] for e in deciding]
        # Time: a statement says nothing about a product launched after it. Where it is silent it neither
        # grants (not in the union of grants) nor refuses (not a limit on the intersection); accounts that no
        # deciding statement speaks of stay disputed, never granted.
        quiet = [self.silent(e) for e in deciding]
        full = reqs
        reqs = [r if q is None else self.known_hubs_only(r, e["_silent_on"]) for r, q, e in zip(reqs, quiet, deciding)]
        strict = lenient = None
        for i, (r, q) in enumerate(zip(reqs, quiet)):
            if r is not None:
                lenient = r if lenient is None else self.alg.either(lenient, r)
            # A silent statement does not bound what the others grant through the products it cannot know.
            via = None if q is None else self.through(full[:i] + full[i + 1:], deciding[i]["_silent_on"])
            bound = via if r is None else r if via is None else self.alg.either(r, via)
            if bound is None:
                continue
            strict = bound if strict is None else self.alg.both(strict, bound)
        if lenient is None:  # nothing granted anywhere by any deciding statement (cannot happen with dated sources)
            strict = None
        if strict is not None and any(q is not None for q in quiet):
            strict = self.alg.both(strict, lenient)
            if all(q is not None for q in quiet):  # accounts no deciding statement speaks of: disputed
                lenient = self.alg.either(lenient, functools.reduce(self.alg.both, quiet))
        for e in observed:  # the strongest evidence: it settles its own accounts
            if e["_outcome"] == "installs":
                up = self.observation_grant(e["_account"])
                strict = up if strict is None else self.alg.either(strict, up)
                lenient = up if lenient is None else self.alg.either(lenient, up)
            else:
                keep = self.observation_refusal(e["_account"])
                if keep is None:
                    raise SourceError("observed.json: a permission error on an account with everything cannot be read")
                strict, lenient = self.alg.both(strict, keep), self.alg.both(lenient, keep)
        kinds = [e["kind"] for e in deciding] + [e["kind"] for e in observed]
        confidence = min(kinds, key=KIND_ORDER.index)
        return strict, (None if self.alg.equivalent(strict, lenient) else lenient), confidence

    # ---- the catalog ---------------------------------------------------------------------------
    def observations(self):
        """observed.json rows -> per scope, evidence entries (kind observed)."""
        out = {}
        for i, r in enumerate(self.observed["rows"]):
            where = "data/sources/observed.json row %d" % i
            if r.get("outcome") not in ("installs", "permission-error"):
                raise SourceError("%s: outcome must be installs or permission-error" % where)
            acc = r.get("account")
            if not isinstance(acc, dict):
                raise SourceError("%s: account must be {hubs, features}" % where)
            for h, t in acc.get("hubs", {}).items():
                if h not in self.hubs or t not in self.tiers:
                    raise SourceError("%s: unknown hub or tier %s=%s" % (where, h, t))
                if t not in self.sold[h]:
                    raise SourceError("%s: HubSpot sells no %s" % (where, self.profile_name(h, t)))
            for f in acc.get("features", []):
                if f not in self.features:
                    raise SourceError("%s: unknown feature %r" % (where, f))
            # An install shows every requested scope; a permission error only the scopes its text names.
            names = r["scopes"] if r["outcome"] == "installs" else r.get("refused", [])
            words = ", ".join([self.profile_name(h, t) for h, t in sorted(acc.get("hubs", {}).items())]
                              + [self.feature_names[f] for f in acc.get("features", [])]) or "every hub at the lowest tier"
            for n in names:
                if n not in self.names:
                    raise SourceError("%s: %r is not in scopes.json" % (where, n))
                note = "Installed on a test account with %s." % words if r["outcome"] == "installs" else \
                    "Refused on a test account with %s: %s" % (words, r.get("error_text", ""))
                out.setdefault(n, []).append({"source": r.get("source", "Install tried on a test account"),
                                              "kind": "observed", "_req": None, "as_of": r["date"],
                                              "url": r.get("url"), "note": note, "_outcome": r["outcome"],
                                              "_account": acc})
        return out

    def sensitive_sibling_evidence(self, name, text):
        """A sensitive-data name no source speaks of: the HubSpot statement (docs-text, the sensitive-data docs)
        about a sibling of the same object and level, labelled as an inference."""
        out = []
        for other in sorted(text):
            if other == name or family(other) != family(name):
                continue
            for r in text[other]:
                if r["_req"] is None:
                    continue
                out.append({"source": r["source"], "kind": "docs-text",
                            "_req": r["_req"], "as_of": r["as_of"], "url": r["url"], "_text": r.get("tier_text"),
                            "note": "Inference: read like %s (same object and level)." % other})
        return out

    def scope_entry(self, b, table, text, second, guide=None, seen_on=None):
        guide = guide or {}
        seen_on = seen_on or {}
        name = b["name"]
        evidence = []
        for r in table.get(name, []):
            note = "The table spells it %s." % r["spelled"] if r.get("spelled") else None
            evidence.append({"source": self.docs_table["source"]["title"], "kind": "docs-table", "_req": r["_req"],
                             "as_of": r["as_of"], "url": r["url"], "note": note, "_text": r["tier_text"]})
        spec = self.api_spec_evidence(name)
        if spec:
            evidence.append(spec)
        for r in guide.get(name, []):
            evidence.append({"source": r["source"], "kind": "docs-guide", "_req": r["_req"], "as_of": r["as_of"],
                             "url": r["url"], "note": r.get("note"), "_text": r.get("tier_text"),
                             "_narrows": bool(r.get("narrows_spec"))})
        for r in text.get(name, []):
            evidence.append({"source": r["source"], "kind": "docs-text", "_req": r["_req"], "as_of": r["as_of"],
                             "url": r["url"], "note": r.get("note"), "_text": r.get("tier_text")})
        for r in second.get(name, []):
            evidence.append({"source": self.secondary["source"]["title"] if r["url"] == self.secondary["source"]["url"]
                             else "Third-party page", "kind": "secondary", "_req": r["_req"], "as_of": r["as_of"],
                             "url": r["url"], "note": r.get("note"), "_text": r.get("tier_text")})
        for r in seen_on.get(name, []):
            evidence.append(r)
        if not any(e["_req"] is not None for e in evidence) and ":" in family(name):
            evidence.extend(self.sensitive_sibling_evidence(name, text))
        strict, lenient, confidence = self.decide(evidence)
        if any(e["kind"] == "api-spec" and not e["decides"] for e in evidence) and \
                any(e.get("_narrows") and e["decides"] for e in evidence):
            for e in evidence:
                if e["kind"] == "api-spec":
                    e["note"] += " A dated HubSpot guide states this scope's own tier; the API's tier does not decide it."
        for e in evidence:
            if e.get("_silent_on"):
                e["note"] = ((e["note"] + " ") if e["note"] else "") + \
                    "Predates %s (%s)." % (
                        " and ".join(self.hub_names[h] for h in e["_silent_on"]),
                        ", ".join(self.launched[h] for h in e["_silent_on"]))
        tier_text = None
        for e in evidence:
            if e["decides"] and e.get("_text"):
                tier_text = e["_text"]
                break
        notes = list(b.get("notes", []))
        if b.get("internal_looking"):
            notes.append("Named like a HubSpot-internal permission; HubSpot's docs do not list it.")
        flags = self.seen.get(name, set())
        if "private" in flags and "oauth" not in flags:
            v2 = name + ".v2"
            notes.append("HubSpot's spec lists this name only for private apps (static auth); its OAuth operations "
                         "accept %s instead." % (v2 if v2 in self.names else "other names"))
        if flags and "stable-specific" not in flags and confidence in ("secondary", "unverified"):
            if "stable-generic" in flags:
                notes.append("The stable spec accepts it only on operations that also accept other, unrelated "
                             "scopes (or more than %d), which say nothing about its tier." % MAX_ALTERNATIVES)
            elif "beta" in flags:
                notes.append("Only beta API files accept it; a beta file is never evidence of a tier.")
        entry = {"name": name, "area": b.get("area"), "tier_text": tier_text,
                 "requires": self.alg.to_json(strict)}
        if lenient is not None:
            entry["requires_any_source"] = self.alg.to_json(lenient)
        entry["confidence"] = confidence
        entry["evidence"] = [{"source": e["source"], "kind": e["kind"], "requires": self.alg.to_json(e["_req"]),
                              "as_of": e["as_of"], "url": e["url"], "note": e["note"], "decides": e["decides"]}
                             for e in evidence]
        entry.update({"sensitive": b["sensitive"], "deprecated": b["deprecated"], "retired_on": b.get("retired_on"),
                      "replaced_by": b.get("replaced_by", []), "notes": notes})
        return entry

    def hub_entries(self):
        out = []
        for h in self.model["hubs"]:
            seen = {}
            for api in self.ops["apis"]:
                if not api["beta"]:
                    for spec_id, tier in api["tiers"].items():
                        if spec_id == h["spec_id"]:
                            seen[tier] = seen.get(tier, 0) + 1
            evidence = []
            if seen:
                counts = ", ".join("%s in %d" % (t, seen[t]) for t in self.tiers if t in seen)
                missing = [t for t in self.tiers if t not in seen]
                if missing:
                    counts += " (never %s: no API file needs that tier of it, which says nothing about sales)" \
                        % " or ".join(missing)
                evidence.append({"source": "HubSpot API spec: tier maps", "kind": "api-spec", "requires": None,
                                 "as_of": self.spec_meta["as_of"],
                                 "url": "%s/tree/%s" % (self.spec_meta["url"], self.spec_meta["commit"]),
                                 "note": "Stable API files name product id %r with these tiers: %s."
                                         % (h["spec_id"], counts), "decides": True})
            evidence.extend(h.get("evidence", []))
            entry = {"id": h["id"], "name": h["name"], "spec_id": h["spec_id"], "tiers": self.sold[h["id"]]}
            for key in ("tiers_sources", "aliases", "hs_test_account"):
                if h.get(key):
                    entry[key] = h[key]
            entry.update({"former_names": h.get("former_names", []), "evidence": evidence})
            out.append(entry)
        return out

    def profile_name(self, hub, tier):
        """The one rule for a hub at a tier's name ("Marketing Hub Professional"): the profiles' names
        (which the core reads as they are written) and the texts that name an account."""
        return "%s %s" % (self.hub_names[hub], self.tier_names[tier])

    def profiles(self):
        out = [{"id": self.tiers[0], "name": self.tier_names[self.tiers[0]], "hubs": {}, "features": []}]
        for h in self.hubs:
            for t in self.sold[h][1:]:  # a tier HubSpot does not sell is no profile
                out.append({"id": "%s-%s" % (h, t), "name": self.profile_name(h, t), "hubs": {h: t}, "features": []})
        return out

    def sources(self):
        out = [dict(self.docs_table["source"]),
               {"id": "api-spec", "kind": "api-spec", "title": "%s (commit %s)" % (self.spec_meta["title"],
                                                                                 self.spec_meta["commit"][:11]),
                "url": self.spec_meta["url"], "as_of": self.spec_meta["as_of"]}]
        seen = set()
        for doc, kind in ((self.docs_guide, "docs-guide"), (self.docs_text, "docs-text"), (self.secondary, "secondary")):
            for r in doc["rows"]:
                if r["url"] in seen:
                    continue
                seen.add(r["url"])
                title = r.get("source") or (doc["source"]["title"] if r["url"] == doc["source"]["url"]
                                            else "Third-party page")
                out.append({"id": "%s-%d" % (kind, len([s for s in out if s["kind"] == kind]) + 1), "kind": kind,
                            "title": title, "url": r["url"], "as_of": r["as_of"]})
        return out

    def catalog(self):
        self.scan_spec()
        table = self.rows_by_name(self.docs_table, "docs-table.json")
        text = self.rows_by_name(self.docs_text, "docs-text.json")
        second = self.rows_by_name(self.secondary, "secondary.json")
        guide = self.rows_by_name(self.docs_guide, "docs-guide.json")
        seen_on = self.observations()
        for alias, canon in self.model["aliases"].items():
            if canon not in self.names:
                raise SourceError("account-model.json: alias %r points to unknown scope %r" % (alias, canon))
        scopes = [self.scope_entry(b, table, text, second, guide, seen_on) for b in sorted(self.base, key=lambda b: b["name"])]
        as_of = max([self.model["as_of"], self.spec_meta["as_of"], self.docs_table["source"]["as_of"],
                     self.docs_text["source"]["as_of"], self.secondary["source"]["as_of"]]
                    + [r["as_of"] for r in self.docs_guide["rows"]])
        out = {
            "catalog": "hubspot-oauth-scopes", "format": 2, "as_of": as_of, "about": ABOUT,
            "requires_semantics": REQUIRES_SEMANTICS, "evidence_rule": EVIDENCE_RULE,
            "tiers": self.model["tiers"], "hubs": self.hub_entries(), "features": self.model["features"],
            "profiles": self.profiles(), "aliases": dict(sorted(self.model["aliases"].items())),
        }
        # OAuth 1's read-only legacy scope names (contacts-ro): read by the migration preview.
        if "legacy_read_only" in self.model:
            out["legacy_read_only"] = self.model["legacy_read_only"]
        out.update({"sources": self.sources(), "scopes": scopes})
        return out


def render(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def differences(old_text, new_doc):
    try:
        old = json.loads(old_text)
    except ValueError:
        return ["the committed file is not valid JSON"]
    out = []
    for key in new_doc:
        if key != "scopes" and old.get(key) != new_doc[key]:
            out.append("top-level %r" % key)
    for key in old:
        if key not in new_doc:
            out.append("top-level %r (not generated any more)" % key)
    old_scopes = {s.get("name"): s for s in old.get("scopes", []) if isinstance(s, dict)}
    new_scopes = {s["name"]: s for s in new_doc["scopes"]}
    for name in sorted(set(old_scopes) | set(new_scopes)):
        if name not in old_scopes:
            out.append("scope %s (missing from the committed file)" % name)
        elif name not in new_scopes:
            out.append("scope %s (no longer in the sources)" % name)
        elif old_scopes[name] != new_scopes[name]:
            fields = sorted(k for k in set(old_scopes[name]) | set(new_scopes[name])
                            if old_scopes[name].get(k) != new_scopes[name].get(k))
            out.append("scope %s (%s)" % (name, ", ".join(fields)))
    if not out:
        out.append("formatting only (key order, indentation or trailing newline)")
    return out


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Build data/hubspot-scopes.json from data/sources/.")
    ap.add_argument("--check", action="store_true", help="compare with the committed file; exit 1 if stale")
    ap.add_argument("--root", default=os.path.normpath(os.path.join(here, "..", "..")))
    ap.add_argument("--out", help="catalog path (default: ROOT/data/hubspot-scopes.json)")
    args = ap.parse_args(argv)
    out = args.out or os.path.join(args.root, "data", "hubspot-scopes.json")
    try:
        doc = Generator(args.root).catalog()
    except (SourceError, ValueError) as e:
        print("generate.py: %s" % e, file=sys.stderr)
        return 2
    except (KeyError, TypeError, AttributeError) as e:
        print("generate.py: a source file under data/sources/ lacks a field or has the wrong shape (%s: %s)"
              % (type(e).__name__, e), file=sys.stderr)
        return 2
    text = render(doc)
    if args.check:
        try:
            with open(out, encoding="utf-8") as f:
                old = f.read()
        except OSError as e:
            print("generate.py --check: cannot read %s: %s" % (out, e), file=sys.stderr)
            return 1
        if old == text:
            print("%s is up to date with data/sources/." % out)
            return 0
        diffs = differences(old, doc)
        print("%s is stale: it differs from what data/sources/ generates in %d place(s):" % (out, len(diffs)),
              file=sys.stderr)
        for d in diffs[:20]:
            print("  - " + d, file=sys.stderr)
        if len(diffs) > 20:
            print("  ... and %d more" % (len(diffs) - 20), file=sys.stderr)
        print("Run: python3 scripts/catalog/generate.py", file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    print("wrote %s (%d scopes)" % (out, len(doc["scopes"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
