"""Writes the compiled-in catalog as a compact binary table (a C++ byte array), so that loading it is
a walk over bytes, with no JSON parse at start (issue 21). Input: the compacted catalog that
core/compact_catalog.py writes (the fields the core reads, evidence as refs into "evidence_sources").
The core's Catalog::from_blob (core/src/catalog/catalog.cpp) reads it; a unit test compares every
field with Catalog::from_json of the full data file.

Format (every number an unsigned LEB128 varint; a string is 0, its byte length and its UTF-8 bytes
the first time its stream has it, else 1 + its number in that stream, in order of first use):
  as_of
  tiers, hubs, features: count, then per entry: id, name, hs_key, [levels], [sold], [aliases]
    ([x] = count, then the items; a level is "tier=level")
  profiles: count, then per profile: id, name, [hub index, tier index],
    [feature index]
  grants: count, then per grant: kind (0 undocumented, 1 any, 2 alternatives); alternatives:
    count, then per alternative: count, then per condition: 0 then a feature index, or 1 (any
    hub) or 2 + a hub index, then a tier index
  scopes: count, then per scope: name, area, tier_text, confidence, retired_on,
    flags (1 sensitive, 2 deprecated, 4 has requires_any_source), [replaced_by], requires (grant
    index), [requires_any_source (grant index)]
  aliases: [alias, target]
  legacy_read_only: suffix, read_suffix
  the details' byte length, then the details, a stream of their own (read on first use), per scope
    in catalog order: [notes], [evidence: source, kind, as_of, url, note, flags (1 decides, 2 own
    requires), [requires (grant index)]]
Usage: catalog_blob.py COMPACT.json OUT.cpp"""
import json
import sys


def fail(what):
    sys.exit(f"catalog_blob.py: {what}")


with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
if doc.get("format") != 2:
    fail("catalog format 2 expected")

string_ids = {}  # of the stream being written: the details are a stream of their own (read later)


def varint(out, n):
    if not isinstance(n, int) or n < 0:
        fail(f"not a count: {n!r}")
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return


def text(out, s):
    if s is None:
        s = ""
    if not isinstance(s, str):
        fail(f"not a string: {s!r}")
    if s in string_ids:  # a string seen before: 1 + its number
        varint(out, 1 + string_ids[s])
        return
    string_ids[s] = len(string_ids)  # a new one: 0, its byte length, its bytes
    b = s.encode("utf-8")
    varint(out, 0)
    varint(out, len(b))
    out += b


def texts(out, items):
    items = items or []
    varint(out, len(items))
    for s in items:
        text(out, s)


def index(ids, value, what):
    if value not in ids:
        fail(f"unknown {what} {value!r}")
    return ids.index(value)


tier_ids = [t["id"] for t in doc["tiers"]]
hub_ids = [h["id"] for h in doc["hubs"]]
feature_ids = [f["id"] for f in doc.get("features") or []]

body = bytearray()
text(body, doc["as_of"])
for key in ("tiers", "hubs", "features"):
    entries = doc.get(key) or []
    varint(body, len(entries))
    for e in entries:
        text(body, e["id"])
        text(body, e.get("name") or e["id"])
        test_account = e.get("hs_test_account")
        if not isinstance(test_account, dict):
            test_account = {}
        text(body, test_account.get("key"))
        levels = test_account.get("levels") if isinstance(test_account.get("levels"), dict) else {}
        texts(body, [f"{t}={lv}" for t, lv in levels.items() if isinstance(lv, str)])
        texts(body, e.get("tiers"))
        texts(body, e.get("aliases"))

profiles = doc["profiles"]
varint(body, len(profiles))
for p in profiles:
    text(body, p["id"])
    text(body, p.get("name"))
    hubs = p.get("hubs") or {}
    varint(body, len(hubs))
    for hub, tier in hubs.items():
        varint(body, index(hub_ids, hub, "hub"))
        varint(body, index(tier_ids, tier, "tier"))
    features = p.get("features") or []
    varint(body, len(features))
    for f in features:
        varint(body, index(feature_ids, f, "feature"))

grants, grant_ids = bytearray(), {}


def grant(out, req):
    """The index of a requirement as written ("any", null or alternatives) in the grant table."""
    key = json.dumps(req, separators=(",", ":"))
    if key not in grant_ids:
        grant_ids[key] = len(grant_ids)
        if req is None:
            varint(grants, 0)
        elif req == "any":
            varint(grants, 1)
        else:
            varint(grants, 2)
            varint(grants, len(req))
            for alternative in req:
                varint(grants, len(alternative))
                for c in alternative:
                    # The core writes a condition back in this form (catalog.cpp, grant_json).
                    if list(c) == ["feature"]:
                        varint(grants, 0)
                        varint(grants, index(feature_ids, c["feature"], "feature"))
                    elif list(c) == ["hub", "min_tier"]:
                        varint(grants, 1 if c["hub"] == "any" else 2 + index(hub_ids, c["hub"], "hub"))
                        varint(grants, index(tier_ids, c["min_tier"], "tier"))
                    else:
                        fail(f"a condition must be {{feature}} or {{hub, min_tier}}: {c!r}")
    varint(out, grant_ids[key])


refs = doc.get("evidence_sources") or []
scopes_out, details = bytearray(), bytearray()
scopes = doc["scopes"]
varint(scopes_out, len(scopes))
for s in scopes:
    text(scopes_out, s["name"])
    for key in ("area", "tier_text", "confidence", "retired_on"):
        text(scopes_out, s.get(key))
    has_any = "requires_any_source" in s
    varint(scopes_out, (1 if s.get("sensitive") else 0) | (2 if s.get("deprecated") else 0) | (4 if has_any else 0))
    texts(scopes_out, s.get("replaced_by"))
    grant(scopes_out, s.get("requires"))
    if has_any:
        grant(scopes_out, s["requires_any_source"])
main_ids = string_ids
string_ids = {}
for s in scopes:
    texts(details, s.get("notes"))
    evidence = s.get("evidence") or []
    varint(details, len(evidence))
    for ev in evidence:
        full = dict(refs[ev["ref"]]) if "ref" in ev else {}
        full.update({k: v for k, v in ev.items() if k != "ref"})
        for key in ("source", "kind", "as_of", "url", "note"):
            text(details, full.get(key))
        own = "requires" in full
        varint(details, (1 if full.get("decides") else 0) | (2 if own else 0))
        if own:
            grant(details, full["requires"])

string_ids = main_ids
aliases = doc.get("aliases") or {}
tail = bytearray()
varint(tail, len(aliases))
for alias, target in aliases.items():
    text(tail, alias)
    text(tail, target)
legacy = doc.get("legacy_read_only") or {}
text(tail, legacy.get("suffix"))
text(tail, legacy.get("read_suffix"))

varint(body, len(grant_ids))
varint(tail, len(details))  # then the details stream
blob = bytes(body + grants + scopes_out + tail + details)

lines = [",".join(str(b) for b in blob[i:i + 32]) for i in range(0, len(blob), 32)]
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write("// Generated from the compacted catalog by core/catalog_blob.py. Do not edit.\n")
    f.write("#include <cstddef>\nnamespace tierscope::detail {\n")
    f.write(f"extern const unsigned char kCatalogBlob[] = {{\n" + ",\n".join(lines) + "};\n")
    f.write(f"extern const std::size_t kCatalogBlobSize = {len(blob)};\n}}\n")
