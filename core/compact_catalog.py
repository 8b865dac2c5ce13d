"""Writes the catalog as compiled into tierscope: minified, without the fields the core never reads
(about, requires_semantics, evidence_rule, name_variants, the hubs' spec ids and evidence, ...), and with the evidence compacted
losslessly: each evidence's source, kind, as_of and url become a "ref" into a top-level
"evidence_sources" table, a requires equal to the entry's own is left out (the core reads an absent
one as the entry's), and false, null and empty fields are left out. The core reads both forms;
data/hubspot-scopes.json stays the full reference copy.
With DETAILS, each scope's notes and evidence (and the evidence_sources table) go there instead, as
JSON lines: line 1 the evidence_sources table, then one line per scope in catalog order, an object
with its "notes" and "evidence" ({} when it has neither). The compiled-in catalog reads a scope's line
the first time its notes or evidence are needed, so loading reads about half the bytes.
Usage: compact_catalog.py IN OUT [DETAILS] (the build uses IN OUT: core/catalog_blob.py reads OUT)"""
import json
import sys

DROP_TOP = ("about", "requires_semantics", "evidence_rule", "sources")
DROP_SCOPE = ("name_variants", "internal_looking", "spelling_in_docs_table")
DROP_HUB = ("spec_id", "former_names", "evidence", "tiers_sources", "launched")  # the hubs' own evidence: in the data file, not read by the core
KEEP_LEGACY_READ_ONLY = ("suffix", "read_suffix")  # its note, source and date stay in the data file
REF_KEYS = ("source", "kind", "as_of", "url")

with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
for key in DROP_TOP:
    doc.pop(key, None)
for hub in doc.get("hubs", []):
    for key in DROP_HUB:
        hub.pop(key, None)
if isinstance(doc.get("legacy_read_only"), dict):
    doc["legacy_read_only"] = {k: v for k, v in doc["legacy_read_only"].items() if k in KEEP_LEGACY_READ_ONLY}
# A profile's hubs and features where the core reads the same: none. Its name stays as the generator
# wrote it (scripts/catalog/generate.py's profile_name: the one rule for it).
for profile in doc.get("profiles", []):
    for key in ("hubs", "features"):
        if profile.get(key) in ({}, []):
            del profile[key]
refs = []
for scope in doc.get("scopes", []):
    for key in DROP_SCOPE:
        scope.pop(key, None)
    for ev in scope.get("evidence", []):
        ref = {k: ev.pop(k) for k in REF_KEYS if k in ev}
        if ref not in refs:
            refs.append(ref)
        ev["ref"] = refs.index(ref)
        if "requires" in ev and ev["requires"] == scope.get("requires"):
            del ev["requires"]
        for key in ("note", "decides"):
            if ev.get(key) in (None, False):
                ev.pop(key, None)
    for key in list(scope):
        if key not in ("name", "requires", "confidence") and scope[key] in (None, False, [], ""):
            del scope[key]
doc["evidence_sources"] = refs


def line(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # never a raw newline inside


if len(sys.argv) > 3:
    lines = [line(doc.pop("evidence_sources"))]
    for scope in doc.get("scopes", []):
        lines.append(line({k: scope.pop(k) for k in ("notes", "evidence") if k in scope}))
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(line(doc))
