#!/usr/bin/env bash
# Fuzzes the core's public API with libFuzzer + ASan + UBSan (clang), starting from tests/fuzz/seeds.
#   bash scripts/fuzz.sh [SECONDS] [check|calls]   (default 60 check). Crashes land in build-fuzz/crashes/:
#   copy one into the target's seeds (tests/fuzz/seeds/, tests/fuzz/calls-seeds/) once fixed, and ctest's
#   replay keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
target=${2:-check}
seeds=tests/fuzz/seeds
[ "$target" = calls ] && seeds=tests/fuzz/calls-seeds
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang)" >&2; exit 2; }
mkdir -p build-fuzz/corpus build-fuzz/crashes
flags="-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B build-fuzz/cmake -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
cmake --build build-fuzz/cmake --target tierscope_core tierscope_operations
clang++ $flags -Icore/include -Icore/builtin -Ibuild-fuzz/cmake/nlohmann-include "tests/fuzz/fuzz_$target.cpp" \
  build-fuzz/cmake/core/libtierscope_core.a build-fuzz/cmake/core/libtierscope_operations.a -o "build-fuzz/fuzz_$target"
mkdir -p "build-fuzz/corpus-$target"
"./build-fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=build-fuzz/crashes/ "build-fuzz/corpus-$target" "$seeds"
