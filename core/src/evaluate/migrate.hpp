// The OAuth 1 -> OAuth 2 migration preview, and the before/after diff of two scope sets.
#pragma once
#include "input/input.hpp"
#include "report/report.hpp"

namespace tierscope {
ojson migrate_json(const RawInput& oauth1_list);
ojson diff_json(const RawInput& before, const RawInput& after, const Options& options);
}
