#!/usr/bin/env python3
"""Imports HubSpot's public API spec collection into data/sources/hubspot-api-operations.json.

  python3 scripts/catalog/import_spec.py SPEC_DIR [--out FILE] [--commit SHA]

SPEC_DIR is a checkout of https://github.com/HubSpot/HubSpot-public-api-spec-collection (its git HEAD
is recorded as the commit, or --commit when SPEC_DIR is no git checkout). Every OpenAPI file at
PublicApiSpecs/<area>/<api>/Rollouts/<id>/<version>/<file>.json is read (the Postman collections one
folder deeper are not specs); per file: the beta flag (version ends in -beta), the tier map
(info.x-hubspot-product-tier-requirements, product keys mapped to the hubs' spec ids, tiers in lower
case) and per operation the OAuth scope alternatives (security entries of an oauth2 scheme), the
private-app ones where they differ, and internal_only (x-hubspot-user-level-auth.internalOnly).
Then it prints what changed for the catalog against the file it replaces: new and removed scope
names and operations, and tier changes per scope (via generate.py's evidence rule).
python3 stdlib only.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(ROOT, "data", "sources", "hubspot-api-operations.json")
SOURCE = "https://github.com/HubSpot/HubSpot-public-api-spec-collection"
# The spec's product keys and the ids the project's files use for them (account-model.json spec_id).
PRODUCT = {"marketing": "marketing", "sales": "sales", "service": "service", "cms": "content", "dataHub": "data",
           "commerce": "commerce", "crmHub": "smart_crm"}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ABOUT = (
    "Every operation of HubSpot's public OpenAPI specs: method, path, and the OAuth scope alternatives that "
    "authorize it (indexes into scope_sets; each set = scopes needed together). tiers = the file's "
    "x-hubspot-product-tier-requirements per product (free/starter/professional/enterprise). Read it this way "
    "(it agrees with the docs for Campaigns and Custom Objects): a product listed as free adds no requirement; "
    "the products listed above free are alternatives (one of them at that tier or above suffices); an API whose "
    "products are all free is available to every account. Some beta files list every product as free as a "
    "placeholder (Sequences, Leads, Custom Objects): never read a tier from a beta file alone."
)


class ImportError_(Exception):
    pass


def spec_files(spec_dir):
    base = os.path.join(spec_dir, "PublicApiSpecs")
    if not os.path.isdir(base):
        raise ImportError_("%s has no PublicApiSpecs folder: give a checkout of %s" % (spec_dir, SOURCE))
    out = []
    for dirpath, _, files in os.walk(base):
        rel = os.path.relpath(dirpath, base).split(os.sep)
        if len(rel) == 5 and rel[2] == "Rollouts":
            out += ["/".join(rel + [f]) for f in files if f.endswith(".json")]
    return sorted(out)


def read_api(spec_dir, rel, set_index):
    path = os.path.join(spec_dir, "PublicApiSpecs", *rel.split("/"))
    try:
        with open(path, encoding="utf-8") as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        raise ImportError_("%s: %s" % (rel, e))
    if not isinstance(spec, dict) or "openapi" not in spec:
        return None  # a Postman collection beside the spec files
    parts = rel.split("/")
    info = spec.get("info", {})
    version = parts[4]
    tiers = {}
    for product, tier in info.get("x-hubspot-product-tier-requirements", {}).items():
        if product not in PRODUCT:
            raise ImportError_("%s: unknown product key %r (add it to PRODUCT in import_spec.py)" % (rel, product))
        tiers[PRODUCT[product]] = tier.lower()
    schemes = spec.get("components", {}).get("securitySchemes", {})
    oauth_schemes = {k for k, v in schemes.items() if v.get("type") == "oauth2"}
    ops = []
    for p, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if method not in METHODS or not isinstance(op, dict):
                continue
            oauth, private = [], []
            for entry in op.get("security", []):
                for scheme, scopes in entry.items():
                    (oauth if scheme in oauth_schemes else private if scheme == "private_apps" else []).append(scopes)
            o = {"method": method.upper(), "path": p, "oauth": sorted({set_index(s) for s in oauth if s})}
            private = sorted({set_index(s) for s in private if s})
            if private:
                o["private_apps"] = private
            if op.get("x-hubspot-user-level-auth", {}).get("internalOnly"):
                o["internal_only"] = True
            ops.append(o)
    return {"file": rel, "api": "/".join(parts[:2]), "title": info.get("title", ""), "version": version,
            "beta": version.endswith("-beta"), "tiers": tiers, "operations": ops}


def build(spec_dir, commit):
    scope_sets, index = [], {}

    def set_index(scopes):
        key = tuple(scopes)
        if key not in index:
            index[key] = len(scope_sets)
            scope_sets.append(list(scopes))
        return index[key]

    apis = [a for a in (read_api(spec_dir, rel, set_index) for rel in spec_files(spec_dir)) if a]
    return {"source": SOURCE, "commit": commit, "about": ABOUT, "scope_sets": scope_sets, "apis": apis}


def render(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def head_commit(spec_dir):
    try:
        return subprocess.run(["git", "-C", spec_dir, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def spec_tiers(ops):
    """Per scope: the words of the api-spec evidence generate.py would derive from `ops`."""
    sys.path.insert(0, HERE)
    import generate  # noqa: E402 (the one place the evidence rule lives)
    g = generate.Generator.__new__(generate.Generator)
    generate.Generator.__init__(g, ROOT)
    g.ops = ops
    g.spec_meta = dict(g.spec_meta, ignored_scopes=dict(g.spec_meta.get("ignored_scopes", {}), **{
        n: "" for n in all_scopes(ops) if n not in g.names}))  # new names: listed separately
    g.scan_spec()
    out = {}
    for name in g.spec_files:
        e = g.api_spec_evidence(name)
        out[name] = g.describe(e["_req"])
    return out


def all_scopes(ops):
    return {n for s in ops["scope_sets"] for n in s}


def operations(ops):
    return {(o["method"], o["path"]) for a in ops["apis"] for o in a["operations"]}


def changes(old, new):
    lines = []
    added, removed = sorted(all_scopes(new) - all_scopes(old)), sorted(all_scopes(old) - all_scopes(new))
    lines.append("scope names new in the spec: %s" % (", ".join(added) or "none"))
    lines.append("scope names gone from the spec: %s" % (", ".join(removed) or "none"))
    o_old, o_new = operations(old), operations(new)
    lines.append("operations: %d new, %d removed" % (len(o_new - o_old), len(o_old - o_new)))
    for m, p in sorted(o_new - o_old)[:20]:
        lines.append("  + %s %s" % (m, p))
    for m, p in sorted(o_old - o_new)[:20]:
        lines.append("  - %s %s" % (m, p))
    t_old, t_new = spec_tiers(old), spec_tiers(new)
    moved = [(n, t_old.get(n, "no stable file"), t_new.get(n, "no stable file"))
             for n in sorted(set(t_old) | set(t_new)) if t_old.get(n) != t_new.get(n)]
    lines.append("tier changes per scope (the api-spec evidence of data/hubspot-scopes.json): %d" % len(moved))
    for n, a, b in moved:
        lines.append("  %s: %s -> %s" % (n, a, b))
    if added:
        lines.append("next: add the new names to data/sources/scopes.json (area in our own words), set commit and "
                     "as_of in data/sources/api-spec.json, run scripts/catalog/generate.py")
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description="Import HubSpot's public API spec collection into "
                                             "data/sources/hubspot-api-operations.json.")
    ap.add_argument("spec_dir", metavar="SPEC_DIR", help="a checkout of " + SOURCE)
    ap.add_argument("--out", default=OUT, help="output file (default: data/sources/hubspot-api-operations.json)")
    ap.add_argument("--commit", help="the checkout's commit, when SPEC_DIR is no git checkout")
    args = ap.parse_args(argv)
    commit = args.commit or head_commit(args.spec_dir)
    if not commit:
        print("import_spec.py: %s is not a git checkout; give --commit SHA" % args.spec_dir, file=sys.stderr)
        return 2
    try:
        doc = build(args.spec_dir, commit)
    except ImportError_ as e:
        print("import_spec.py: %s" % e, file=sys.stderr)
        return 2
    old = None
    if os.path.exists(args.out):
        try:
            with open(args.out, encoding="utf-8") as f:
                old = json.load(f)
        except (OSError, ValueError):
            old = None
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(render(doc))
    print("wrote %s (commit %s: %d API files, %d operations, %d scope names)"
          % (args.out, commit[:11], len(doc["apis"]), len(operations(doc)), len(all_scopes(doc))))
    if old is not None:
        if old.get("commit") == commit and render(old) == render(doc):
            print("unchanged: the file is byte-identical to the one it replaces")
        else:
            for line in changes(old, doc):
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
