"""data/hubspot-errors.json -> the minified copy compiled into the core (the "about" note left out; ASCII: non-ASCII letters as \\u escapes, which embed.cmake needs)."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    table = json.load(f)
table.pop("about", None)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(json.dumps(table, separators=(",", ":"), ensure_ascii=True))
