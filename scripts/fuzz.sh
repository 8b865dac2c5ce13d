#!/usr/bin/env bash
# Fuzzes the core's public API with libFuzzer + ASan + UBSan (clang), starting from tests/fuzz/seeds.
#   bash scripts/fuzz.sh [SECONDS]   (default 60). Crashes land in build-fuzz/crashes/: copy one into
#   tests/fuzz/seeds/ once fixed, and ctest's fuzz_replay keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang)" >&2; exit 2; }
mkdir -p build-fuzz/corpus build-fuzz/crashes
flags="-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined"
cmake -S . -B build-fuzz/cmake -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined" >/dev/null
cmake --build build-fuzz/cmake --target tierscope_core
clang++ $flags -Icore/include -Ibuild-fuzz/cmake/nlohmann-include tests/fuzz/fuzz_check.cpp \
  build-fuzz/cmake/core/libtierscope_core.a -o build-fuzz/fuzz_check
./build-fuzz/fuzz_check -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix=build-fuzz/crashes/ build-fuzz/corpus tests/fuzz/seeds
