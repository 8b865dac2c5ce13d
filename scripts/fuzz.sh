#!/usr/bin/env bash
# Fuzzes the core with libFuzzer, one target per API surface (tests/fuzz/fuzz_<surface>.cpp), each
# for SECONDS, one after the other (one core), starting from tests/fuzz/seeds/<surface>/ and the
# corpus a previous run left in DIR/corpus/.
#   bash scripts/fuzz.sh [SECONDS] [SURFACE...]          default 60 s per surface, every surface
#   FUZZ_SANITIZE=undefined bash scripts/fuzz.sh 30      the shorter UBSan run (default: address)
#   FUZZ_DIR=build-asan bash scripts/fuzz.sh 20          use a build made elsewhere (test.sh: ASan+UBSan)
#   FUZZ_TIMEOUT=60 bash scripts/fuzz.sh 1800            a longer per-input timeout (default 5 s) for a
#                                                       run niced behind other work: a starved input is not a hang
# The core is built at -O2 with clang. Any crash, leak, timeout (> FUZZ_TIMEOUT s per input), out-of-memory or
# internal-error fails the run; the input lands in DIR/crashes/<surface>-*: once fixed, copy it into
# tests/fuzz/seeds/<surface>/ and ctest's fuzz_replay_<surface> keeps it fixed.
# Figures per surface (executions, exec/s, coverage) go to DIR/summary.tsv.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
surfaces=("$@")
[ ${#surfaces[@]} -gt 0 ] || surfaces=(parse check pair migrate_diff catalog calls explain)
sanitize=${FUZZ_SANITIZE:-address}
dir=${FUZZ_DIR:-build-fuzz$([ "$sanitize" = address ] || echo "-$sanitize" | tr , -)}
command -v clang++ >/dev/null || { echo "fuzz.sh: needs clang++ (apt-get install clang)" >&2; exit 2; }
if [ -z "${FUZZ_DIR:-}" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Fuzz -DTIERSCOPE_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="-O2 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,$sanitize -fno-sanitize-recover=all" >/dev/null
fi
cmake --build "$dir" --target $(printf 'fuzz_%s ' "${surfaces[@]}")
mkdir -p "$dir/crashes"
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
[ -f "$dir/summary.tsv" ] || printf 'date\tsurface\tsanitizer\tseconds\texecs\texec_per_s\tcov\tft\tcorpus\tresult\n' >"$dir/summary.tsv"
fail=0
for s in "${surfaces[@]}"; do
  max_len=2048
  [ "$s" = catalog ] && max_len=8192
  [ "$s" = calls ] && max_len=4096
  mkdir -p "$dir/corpus/$s"
  log="$dir/fuzz_$s.log"
  echo "== fuzz_$s: $seconds s (max_len $max_len, $sanitize)"
  rc=0
  nice -n 10 "$dir/tests/fuzz_$s" -max_total_time="$seconds" -max_len="$max_len" -timeout="${FUZZ_TIMEOUT:-5}" -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$dir/crashes/$s-" "$dir/corpus/$s" "tests/fuzz/seeds/$s" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$rc" -ne 0 ]; then result=FAIL; fail=1; tail -40 "$log" >&2; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$s" "$sanitize" "$seconds" "${execs:-?}" \
    "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$result" >>"$dir/summary.tsv"
  echo "   $result: ${execs:-?} executions, ${rate:-?} exec/s, cov ${cov:-?}, ft ${ft:-?}, corpus ${corpus:-?}"
done
exit $fail
