// fuzz::Fresh (a target declares `fuzz::Fresh fresh;` first in LLVMFuzzerTestOneInput): apart from
// fuzz.hpp, since it reaches into the core's own headers (core/src), which fuzz.hpp's other users
// (tests/unit/fuzz_scanner_test.cpp) do not want.
#pragma once
#include "calls/calls.hpp"

namespace fuzz {
// What calls keep from one report to the next (the least-privilege install counts, the covered_by tiers)
// is emptied when an input's run ends: a target declares `fuzz::Fresh fresh;` first. So those maps do not
// grow during fuzzing (libFuzzer runs an input a second time, for its leak check, when it ends with more
// mallocs than frees), and an input's run does not depend on the inputs before it.
// Not the did-you-mean memo (NameIndex, core/src/evaluate/suggest.*): emptying it after each input was
// tried; it removed check's leak re-runs but gave no more distinct inputs per CPU-second (each input then
// works out its unknown names afresh). The fixed-seed runs that differed then differed without it too:
// compared addresses, fixed since by scripts/fuzz.sh's setarch -R (BENCHMARKS.md, issue 23, sixth session).
struct Fresh {
  Fresh() = default;
  Fresh(const Fresh&) = delete;
  Fresh& operator=(const Fresh&) = delete;
  ~Fresh() {
    tierscope::forget_kept_counts();
  }
};
}  // namespace fuzz
