#!/usr/bin/env bash
# Runs ClusterFuzzLite's build script (.clusterfuzzlite/build.sh) as its builder image does, on this
# machine's clang: $SRC holds the project, $WORK the build, $OUT the targets (a temporary folder), with
# the flags of an ASan libFuzzer build. Then checks $OUT: every fuzz target with its seed corpus,
# dictionary and options, and each target runs over its seed corpus once (-runs=0). Part of
# scripts/sanitize.sh; CFLITE_WORK keeps the build between runs (default build-cflite).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
surfaces=(parse check pair migrate_diff catalog calls explain)
export CC=clang CXX=clang++ LIB_FUZZING_ENGINE=-fsanitize=fuzzer SRC=$(dirname "$root") OUT=$out
export CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -fsanitize=address -fsanitize-address-use-after-scope -fsanitize=fuzzer-no-link"
export CXXFLAGS="$CFLAGS"
export WORK=${CFLITE_WORK:-$root/build-cflite}
mkdir -p "$WORK"
(cd "$root" && bash .clusterfuzzlite/build.sh) >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; echo "cflite-check: build.sh failed" >&2; exit 1; }
fail=0
for s in "${surfaces[@]}"; do
  for f in "fuzz_$s" "fuzz_${s}_seed_corpus.zip" "fuzz_$s.dict" "fuzz_$s.options"; do
    [ -s "$out/$f" ] || { echo "cflite-check: build.sh left no $f in \$OUT" >&2; fail=1; }
  done
  [ -x "$out/fuzz_$s" ] || continue
  n=$(unzip -Z1 "$out/fuzz_${s}_seed_corpus.zip" | wc -l)
  [ "$n" -eq "$(ls "$root/tests/fuzz/seeds/$s" | wc -l)" ] || { echo "cflite-check: fuzz_${s}_seed_corpus.zip has $n files" >&2; fail=1; }
  if ! ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_$s" -runs=0 "$root/tests/fuzz/seeds/$s" >"$WORK/run_$s.log" 2>&1; then
    tail -20 "$WORK/run_$s.log" >&2; echo "cflite-check: fuzz_$s failed over its seeds" >&2; fail=1
  fi
done
[ $fail -eq 0 ] && echo "cflite-check: .clusterfuzzlite/build.sh built ${#surfaces[@]} targets with seeds, dictionary and options"
exit $fail
