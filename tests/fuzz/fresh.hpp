// fuzz::Fresh (a target declares `fuzz::Fresh fresh;` first in LLVMFuzzerTestOneInput): apart from
// fuzz.hpp, since it reaches into the core's own headers (core/src), which fuzz.hpp's other users
// (tests/unit/fuzz_scanner_test.cpp) do not want.
#pragma once
#include "calls/calls.hpp"
#include "catalog/catalog.hpp"
#include "evaluate/suggest.hpp"

namespace fuzz {
// What the core keeps from one call to the next (the did-you-mean memo, the calls' install counts) is
// emptied when an input's run ends: a target declares `fuzz::Fresh fresh;` first. So an input allocates
// nothing that outlives it (libFuzzer runs an input a second time, for its leak check, when it ends with
// more mallocs than frees: with a memo that grows, 9 % of check's first 20,000 executions from the seeds,
// more from a grown corpus), and an input's run does not depend on the inputs before it (a finding
// replays alone). Within one input the memo works as in the product.
struct Fresh {
  Fresh() = default;
  Fresh(const Fresh&) = delete;
  Fresh& operator=(const Fresh&) = delete;
  ~Fresh() {
    tierscope::current_catalog()->name_index().forget();
    tierscope::forget_kept_counts();
  }
};
}  // namespace fuzz
