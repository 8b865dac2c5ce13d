#!/usr/bin/env bash
# Assembles the static site in build/site/: the whole site/ tree plus the wasm module
# (build-wasm/web/tierscope.mjs + tierscope.wasm). Relative URLs only: the folder can be copied to
# any static host under any sub-path.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/site
wasm_dir=${TIERSCOPE_WASM_DIR:-build-wasm/web}
if [ ! -f "$wasm_dir/tierscope.mjs" ]; then
  echo "build-site: $wasm_dir/tierscope.mjs is missing: build the wasm module first (scripts/build.sh)" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
cp -R site/. "$out/"
cp "$wasm_dir/tierscope.mjs" "$out/"
# A SINGLE_FILE build has no separate .wasm.
if [ -f "$wasm_dir/tierscope.wasm" ]; then cp "$wasm_dir/tierscope.wasm" "$out/"; fi
echo "build-site: $out ($(find "$out" -type f | wc -l) files)"
