#!/usr/bin/env bash
# Module size: tierscope.mjs and tierscope.wasm, raw and gzip -9, against the budget (js + wasm
# gzipped ≤ 150 KB, catalog included). Writes the "Module size" section of BENCHMARKS.md.
#   bash bench/size.sh [--check] [WASM_DIR]   (default build-wasm/web; --check: no write, exit 1 over budget)
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
dir=build-wasm/web
for a in "$@"; do
  case "$a" in
    --check) check=1 ;;
    *) dir=$a ;;
  esac
done
js=$dir/tierscope.mjs
wasm=$dir/tierscope.wasm
[ -f "$js" ] && [ -f "$wasm" ] || { echo "size.sh: $js / $wasm missing: build first (scripts/build.sh)" >&2; exit 2; }
raw() { stat -c %s "$1"; }
# zlib's gzip at level 9 through node, as tests/node/size.test.mjs and bench/run.mjs measure (GNU gzip -9
# compresses differently: ~700 bytes less for the wasm).
gz() { node -e 'process.stdout.write(String(require("zlib").gzipSync(require("fs").readFileSync(process.argv[1]), { level: 9 }).length))' "$1"; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
js_raw=$(raw "$js"); js_gz=$(gz "$js")
wasm_raw=$(raw "$wasm"); wasm_gz=$(gz "$wasm")
cat_raw=$(raw data/hubspot-scopes.json); cat_gz=$(gz data/hubspot-scopes.json)
total_raw=$((js_raw + wasm_raw)); total_gz=$((js_gz + wasm_gz))
budget=$((150 * 1024))
verdict="within budget"
[ "$total_gz" -le "$budget" ] || verdict="OVER budget by $(kb $((total_gz - budget)))"
date=$(date -u +%Y-%m-%d)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
flags=$(sed -n '/^target_link_options(tierscope_wasm PRIVATE$/,/)/p' web/CMakeLists.txt | grep -o '"SHELL:-s [^"]*"\|^  -O[0-9sz]\|^  -lembind' | sed 's/"SHELL:-s /-s/; s/"$//; s/^  //' | tr '\n' ' ' || true)
small=OFF
cache=$(dirname "$dir")/CMakeCache.txt
[ -f "$cache" ] && grep -q '^TIERSCOPE_WASM_SMALL:BOOL=ON' "$cache" && small=ON

section=$(cat <<MD
## Module size

Machine: 2 cores, Debian 12; emscripten $(emcc --version 2>/dev/null | head -1 | grep -o '[0-9]\+\.[0-9]\+\.[0-9]\+' | head -1); $date; commit $commit. Command: \`bash bench/size.sh\`.
Budget: js + wasm ≤ 150 KB gzip -9 (zlib level 9, as tests/node/size.test.mjs measures), with the scope catalog (data/hubspot-scopes.json, $(kb "$cat_raw") raw,
$(kb "$cat_gz") gzip -9 on its own) embedded in the wasm.

| file | raw | gzip -9 |
|---|---:|---:|
| tierscope.mjs | $(kb "$js_raw") | $(kb "$js_gz") |
| tierscope.wasm | $(kb "$wasm_raw") | $(kb "$wasm_gz") |
| **total** | **$(kb "$total_raw")** | **$(kb "$total_gz")** ($total_gz bytes): $verdict |

Build: \`TIERSCOPE_WASM_SMALL=$small\`; link flags (web/CMakeLists.txt): \`$flags\`
MD
)
echo "$section"
if [ "$check" = 1 ]; then  # --check only checks; it leaves BENCHMARKS.md alone
  if [ "$total_gz" -gt "$budget" ]; then echo "size.sh: $verdict" >&2; exit 1; fi
  exit 0
fi
file=BENCHMARKS.md
[ -f "$file" ] || printf '# Benchmarks\n' > "$file"
python3 - "$file" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
text = open(path, encoding='utf-8').read()
text = re.sub(r'\n## Module size\n.*?(?=\n## |\Z)', '', text, flags=re.S).rstrip() + '\n'
# Module size first after the title.
head, sep, rest = text.partition('\n## ')
text = head.rstrip() + '\n\n' + section + '\n' + ((('\n## ' + rest) if sep else ''))
open(path, 'w', encoding='utf-8').write(text.rstrip() + '\n')
PY
