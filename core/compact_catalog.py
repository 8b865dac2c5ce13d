"""Writes the catalog as compiled into tierscope: minified, without the fields the core never reads
(about, requires_semantics, sources, name_variants, internal_looking, spelling_in_docs_table).
data/hubspot-scopes.json stays the full reference copy. Usage: compact_catalog.py IN OUT"""
import json
import sys

DROP_TOP = ("about", "requires_semantics", "sources")
DROP_SCOPE = ("name_variants", "internal_looking", "spelling_in_docs_table")

with open(sys.argv[1], encoding="utf-8") as f:
    doc = json.load(f)
for key in DROP_TOP:
    doc.pop(key, None)
for scope in doc.get("scopes", []):
    for key in DROP_SCOPE:
        scope.pop(key, None)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
