#!/usr/bin/env bash
# Assembles the static site in build/site/: the site/ tree plus the wasm module
# (build-wasm/web/tierscope.mjs + tierscope.wasm). Relative URLs only: the folder can be copied to
# any static host under any sub-path.
# The page's modules are bundled and minified with esbuild (app.js: the page; worker.js: the
# evaluator worker with tierscope.mjs inside); the element, the embed and the CSS are minified in
# place; the matrix grid is written into index.html; every text and wasm file gets .gz and .br
# siblings. TIERSCOPE_SITE_BUNDLE=0 copies the sources as they are (for debugging).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TIERSCOPE_SITE_OUT:-build/site}
wasm_dir=${TIERSCOPE_WASM_DIR:-build-wasm/web}
esbuild=node_modules/.bin/esbuild
if [ ! -f "$wasm_dir/tierscope.mjs" ]; then
  echo "build-site: $wasm_dir/tierscope.mjs is missing: build the wasm module first (scripts/build.sh)" >&2
  exit 1
fi
if [ ! -x "$esbuild" ]; then
  echo "build-site: $esbuild is missing: run scripts/setup.sh (npm ci)" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
cp -R site/. "$out/"
cp "$wasm_dir/tierscope.mjs" "$out/"
# A SINGLE_FILE build has no separate .wasm.
if [ -f "$wasm_dir/tierscope.wasm" ]; then cp "$wasm_dir/tierscope.wasm" "$out/"; fi
# The calls module (ts.calls, the "From API calls" panel): fetched only when that panel is used.
for f in tierscope-calls.mjs tierscope-calls.wasm; do
  if [ -f "$wasm_dir/$f" ]; then cp "$wasm_dir/$f" "$out/"; fi
done

if [ "${TIERSCOPE_SITE_BUNDLE:-1}" != 0 ]; then
  # The page and its worker: one file each. The modules they were made from are removed.
  "$esbuild" "$out/app.js" "$out/worker.js" --bundle --minify --format=esm --target=es2020 \
    --external:node:* --outdir="$out" --allow-overwrite --log-level=warning
  # Every other top-level module is inside app.js or worker.js now (boot.js and embed.js stand alone).
  for f in "$out"/*.js; do
    case "$(basename "$f")" in app.js|worker.js|boot.js|embed.js) ;; *) rm -f "$f" ;; esac
  done
  # Stand-alone files (boot.js: the page's first script; the element and the embed load tierscope.mjs by a URL
  # of their own): minified, not bundled.
  for f in boot.js embed.js element/tierscope-preview.js element/tierscope-project-files.js examples/app-settings.js tierscope.mjs style.css embed.css examples/examples.css; do
    [ -f "$out/$f" ] && "$esbuild" "$out/$f" --minify --target=es2020 --outfile="$out/$f" --allow-overwrite --log-level=warning
  done
  "$esbuild" scripts/site/prerender.mjs --bundle --platform=node --format=esm --log-level=warning | node --input-type=module - "$out" data/hubspot-scopes.json
fi
node scripts/site/compress.mjs "$out"
echo "build-site: $out ($(find "$out" -type f ! -name '*.gz' ! -name '*.br' | wc -l) files, each with .gz and .br)"
