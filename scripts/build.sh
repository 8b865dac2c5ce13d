#!/usr/bin/env bash
# Builds the native CLI and tests (build/), the wasm module (build-wasm/) and the static site (build/site/).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DTIERSCOPE_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build
emcmake cmake -S . -B build-wasm -G Ninja -DCMAKE_BUILD_TYPE=Release -DTIERSCOPE_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build-wasm
if [ -f scripts/build-site.sh ]; then bash scripts/build-site.sh; fi
# The npm package's native CLI (tierscope-linux-x64, statically linked) beside the wasm CLI, so the
# package tests (tests/node/bin.test.mjs) install and run it as a user's project would.
if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ]; then bash scripts/build-native-bin.sh build build-wasm/web; fi
