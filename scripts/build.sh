#!/usr/bin/env bash
# Builds the native CLI and tests (build/), the wasm module (build-wasm/) and the static site (build/site/).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTIERSCOPE_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build
emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DTIERSCOPE_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-wasm
if [ -f scripts/build-site.sh ]; then bash scripts/build-site.sh; fi
