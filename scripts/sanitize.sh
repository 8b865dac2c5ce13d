#!/usr/bin/env bash
# The native tests under AddressSanitizer + UndefinedBehaviorSanitizer (part of scripts/test.sh):
# 1. builds build-asan with clang (-O1, ASan + UBSan, any report fatal), runs ctest there (unit tests,
#    CLI tests against the sanitized CLI, every fuzz target replaying its seeds and regression inputs);
# 2. a short fuzzing run per target that is deterministic: FUZZ_RUNS executions (default 2000) from a
#    fixed -seed (FUZZ_SEED, default 1) and the committed seeds only, so one commit always gives one
#    result; open-ended exploration is ClusterFuzzLite's (.github/workflows/cflite_*.yml) and fuzz.sh's;
# 3. runs ClusterFuzzLite's build script (.clusterfuzzlite/build.sh) the way its builder does ($CXX,
#    $CXXFLAGS, $LIB_FUZZING_ENGINE, $SRC, $WORK, $OUT), checks that it put every target with its seed
#    corpus, dictionary and options in $OUT, and runs each built target over its seeds once.
# A crash, leak, timeout, internal error or an error message of more than one line fails.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang++ >/dev/null || { echo "sanitize.sh: needs clang++ (scripts/setup.sh installs it)" >&2; exit 2; }
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Sanitize -DTIERSCOPE_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=all" \
  -DTIERSCOPE_TEST_CXX_FLAGS=-O0 -DTIERSCOPE_CLI_CXX_FLAGS=-O0 -DTIERSCOPE_UNIT_TESTS_EACH=OFF >/dev/null
cmake --build build-asan
export ASAN_OPTIONS=detect_leaks=1:malloc_context_size=5 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
fail=0
ctest --test-dir build-asan --output-on-failure -j "$(nproc)" || fail=1
FUZZ_DIR=build-asan FUZZ_SANITIZE=address,undefined FUZZ_RUNS=${FUZZ_RUNS:-2000} FUZZ_SEED=${FUZZ_SEED:-1} \
  bash scripts/fuzz.sh || fail=1
bash scripts/cflite-check.sh || fail=1
exit $fail
