#!/usr/bin/env bash
# The native tests under AddressSanitizer + UndefinedBehaviorSanitizer (part of scripts/test.sh):
# builds build-asan with clang (-O1, ASan + UBSan, any report fatal), runs ctest there (unit tests,
# CLI tests against the sanitized CLI, every fuzz target over its seeds), then runs each libFuzzer
# target for FUZZ_SECONDS (default 15) from its seeds: a crash, leak, timeout or internal-error fails.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "sanitize.sh: needs clang++ (scripts/setup.sh installs it)" >&2; exit 2; }
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Sanitize -DTIERSCOPE_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all" >/dev/null
cmake --build build-asan
export ASAN_OPTIONS=detect_leaks=1:malloc_context_size=5 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fail=0
ctest --test-dir build-asan --output-on-failure || fail=1
FUZZ_DIR=build-asan FUZZ_SANITIZE=address,undefined bash scripts/fuzz.sh "${FUZZ_SECONDS:-15}" || fail=1
exit $fail
