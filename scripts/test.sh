#!/usr/bin/env bash
# The README's test command: installs what is missing, builds native + wasm + site, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
fail=0
# Tests run side by side, one per core (each is its own process, with its own temporary files).
jobs=$(nproc)
echo "== native unit and CLI tests (ctest)"
ctest --test-dir build --output-on-failure -j "$jobs" 2>&1 | tee build/ctest.log || fail=1
echo "== the same under ASan + UBSan (clang, build-asan): unit, CLI and fuzz-seed tests, then each fuzz target briefly"
bash scripts/sanitize.sh 2>&1 | tee build/sanitize.log || fail=1
echo "== wasm module tests (node --test tests/node)"
node --test --test-concurrency="$jobs" tests/node/ 2>&1 | tee build/node.log || fail=1
echo "== browser tests (node --test tests/browser)"
node --test --test-concurrency=1 tests/browser/ 2>&1 | tee build/browser.log || fail=1
echo "== benchmark smoke run (node --test tests/bench: bench/run.mjs --smoke, checks its output, no time limits)"
node --test tests/bench/ 2>&1 | tee build/bench.log || fail=1
rm -rf /tmp/playwright-* 2>/dev/null || true
python3 scripts/summarize.py build/ctest.log build/sanitize.log build/node.log build/browser.log build/bench.log || fail=1
exit $fail
