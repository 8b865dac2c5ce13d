#!/usr/bin/env bash
# The one build of the libFuzzer targets (tests/fuzz/fuzz_<surface>.cpp), used by scripts/fuzz.sh,
# scripts/sanitize.sh and ClusterFuzzLite (.clusterfuzzlite/build.sh): same CMake options, same
# targets, same seed corpora, dictionaries and options; only the compiler flags differ.
#   CXX                 clang++ (default clang++)
#   CXXFLAGS            instrumentation: sanitizers and -fsanitize=fuzzer-no-link (ClusterFuzzLite sets them;
#                       default: -O2 -g, ASan, as scripts/fuzz.sh runs)
#   LIB_FUZZING_ENGINE  how a target links libFuzzer (default -fsanitize=fuzzer)
#   FUZZ_BUILD_DIR      the CMake build folder (default build-fuzz; ClusterFuzzLite: $WORK/build)
#   OUT                 when set, each fuzz_<surface> is copied there with fuzz_<surface>_seed_corpus.zip
#                       (tests/fuzz/seeds/<surface>/), .dict (tests/fuzz/fuzz.dict) and .options
#                       (tests/fuzz/fuzz_<surface>.options): the layout ClusterFuzzLite and OSS-Fuzz read
#   bash scripts/fuzz-build.sh [SURFACE...]           default: every surface
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
surfaces=("$@")
[ ${#surfaces[@]} -gt 0 ] || surfaces=(parse check pair migrate_diff catalog calls explain)
cxx=${CXX:-clang++}
cxxflags=${CXXFLAGS:--O2 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address -fno-sanitize-recover=all}
engine=${LIB_FUZZING_ENGINE:--fsanitize=fuzzer}
dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}
command -v "${cxx%% *}" >/dev/null || { echo "fuzz-build.sh: needs $cxx (apt-get install clang)" >&2; exit 2; }
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# The CLI and the install rules are not fuzzed: off, so the build needs only nlohmann/json and doctest.
cmake -S "$root" -B "$dir" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_CXX_FLAGS="$cxxflags" -DTIERSCOPE_FUZZ=ON -DTIERSCOPE_FUZZ_ENGINE="$engine" \
  -DTIERSCOPE_CLI=OFF -DTIERSCOPE_INSTALL=OFF >/dev/null
cmake --build "$dir" -j"${FUZZ_JOBS:-2}" --target $(printf 'fuzz_%s ' "${surfaces[@]}")
[ -n "${OUT:-}" ] || exit 0
mkdir -p "$OUT"
for s in "${surfaces[@]}"; do
  cp "$dir/tests/fuzz_$s" "$OUT/fuzz_$s"
  rm -f "$OUT/fuzz_${s}_seed_corpus.zip"
  # -j: flat names; -X: no timestamps or owners, so one commit gives one zip
  (cd "$root/tests/fuzz/seeds/$s" && zip -q -j -X "$OUT/fuzz_${s}_seed_corpus.zip" ./*)
  cp "$root/tests/fuzz/fuzz.dict" "$OUT/fuzz_$s.dict"
  cp "$root/tests/fuzz/fuzz_$s.options" "$OUT/fuzz_$s.options"  # max_len, dict, timeout, [asan] quarantine: scripts/fuzz.sh reads the same
done
echo "fuzz-build.sh: ${surfaces[*]} -> $OUT"
