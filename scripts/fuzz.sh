#!/usr/bin/env bash
# Fuzzes the core with libFuzzer, one target per API surface (tests/fuzz/fuzz_<surface>.cpp), each
# for SECONDS, one after the other (one core), starting from tests/fuzz/seeds/<surface>/ and the
# corpus a previous run left in DIR/corpus/, with the dictionary tests/fuzz/fuzz.dict and the
# max_len and [asan] options of tests/fuzz/fuzz_<surface>.options (the files ClusterFuzzLite gets too).
#   bash scripts/fuzz.sh [SECONDS] [SURFACE...]          default 60 s per surface, every surface
#   FUZZ_SANITIZE=undefined bash scripts/fuzz.sh 30      the shorter UBSan run (default: address)
#   FUZZ_DIR=build-asan bash scripts/fuzz.sh 20          use a build made elsewhere (sanitize.sh: ASan+UBSan)
#   FUZZ_TIMEOUT=60 bash scripts/fuzz.sh 1800            a longer per-input timeout (default 5 s) for a
#                                                       run niced behind other work: a starved input is not a hang
#   FUZZ_RUNS=3000 FUZZ_SEED=1 bash scripts/fuzz.sh      deterministic: RUNS executions per surface from a fixed
#                                                       seed and the seeds only (no corpus of an earlier run):
#                                                       one commit always gives one result (sanitize.sh, CI);
#                                                       run with address randomisation off (setarch -R)
# The build is scripts/fuzz-build.sh (the one ClusterFuzzLite runs), at -O2 with clang. Any crash, leak,
# timeout (> FUZZ_TIMEOUT s per input), out-of-memory or internal-error fails the run; the input lands in
# DIR/crashes/<surface>-*: once fixed, copy it into tests/fuzz/seeds/<surface>/ (named after its issue)
# and ctest's fuzz_replay_<surface> keeps it fixed. Figures per surface go to DIR/summary.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
surfaces=("$@")
[ ${#surfaces[@]} -gt 0 ] || surfaces=(parse check pair migrate_diff catalog calls explain)
sanitize=${FUZZ_SANITIZE:-address}
dir=${FUZZ_DIR:-build-fuzz$([ "$sanitize" = address ] || echo "-$sanitize" | tr , -)}
if [ -z "${FUZZ_DIR:-}" ]; then
  CXX=clang++ CXXFLAGS="-O2 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,$sanitize -fno-sanitize-recover=all" \
    LIB_FUZZING_ENGINE=-fsanitize=fuzzer FUZZ_BUILD_DIR="$dir" OUT= bash scripts/fuzz-build.sh "${surfaces[@]}"
else
  cmake --build "$dir" --target $(printf 'fuzz_%s ' "${surfaces[@]}")
fi
mkdir -p "$dir/crashes"
# The [asan] section of each target's .options (ClusterFuzzLite's runner reads the same) goes into
# ASAN_OPTIONS per target, after the defaults here (malloc_context_size=0: no allocation stacks to
# record on every malloc; a crash input replays with them).
asan_default=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=1}
options() { awk -v s="[$2]" '/^\[/ { on = ($0 == s); next } on && /=/ { gsub(/ /, ""); print }' "tests/fuzz/fuzz_$1.options"; }
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
[ -f "$dir/summary.tsv" ] || printf 'date\tsurface\tsanitizer\tseconds\texecs\texec_per_s\tcov\tft\tcorpus\tresult\n' >"$dir/summary.tsv"
# Deterministic runs also fix the address layout: libFuzzer's compare tracing takes compared values into its
# mutations, and some of them are addresses (of large blocks, which move from run to run), so with address
# randomisation a fixed -seed still gave fuzz_check different runs (BENCHMARKS.md, issue 23, sixth session).
# Without a way to switch it off (setarch -R refused, e.g. in a container), compare tracing is left out instead.
fixed=()
if [ -n "${FUZZ_RUNS:-}" ]; then
  if setarch "$(uname -m)" -R true 2>/dev/null; then fixed=(setarch "$(uname -m)" -R); else fixed=(env); cmp=(-use_cmp=0); fi
fi
fail=0
for s in "${surfaces[@]}"; do
  max_len=$(sed -n 's/^max_len *= *//p' "tests/fuzz/fuzz_$s.options")
  # libFuzzer flags of the .options beyond max_len, dict and timeout (set here), e.g. entropic
  flags=()
  while IFS= read -r kv; do
    case "${kv%%=*}" in max_len | dict | timeout) ;; *) flags+=("-$kv") ;; esac
  done < <(options "$s" libfuzzer)
  asan=$(options "$s" asan | paste -sd: -)
  export ASAN_OPTIONS="$asan_default${asan:+:$asan}"
  log="$dir/fuzz_$s.log"
  if [ -n "${FUZZ_RUNS:-}" ]; then
    # Deterministic: a fixed -seed, a bound in executions (not time), a fresh corpus folder every time.
    corpus="$dir/corpus-det/$s"
    rm -rf "$corpus"
    limit=(-runs="$FUZZ_RUNS" -seed="${FUZZ_SEED:-1}" -reload=0 ${cmp[@]+"${cmp[@]}"})
    what="$FUZZ_RUNS runs, seed ${FUZZ_SEED:-1}"
  else
    corpus="$dir/corpus/$s"
    limit=(-max_total_time="$seconds")
    what="$seconds s"
  fi
  mkdir -p "$corpus"
  echo "== fuzz_$s: $what (max_len $max_len, $sanitize)"
  rc=0
  start=$(date +%s)
  nice -n 10 ${fixed[@]+"${fixed[@]}"} "$dir/tests/fuzz_$s" "${limit[@]}" -max_len="$max_len" "${flags[@]}" -dict=tests/fuzz/fuzz.dict \
    -timeout="${FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/crashes/$s-" \
    "$corpus" "tests/fuzz/seeds/$s" >"$log" 2>&1 || rc=$?
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$rc" -ne 0 ]; then result=FAIL; fail=1; tail -40 "$log" >&2; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$s" "$sanitize" "$took" "${execs:-?}" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result" >>"$dir/summary.tsv"
  echo "   $result: ${execs:-?} executions in ${took} s, ${rate:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}"
done
exit $fail
