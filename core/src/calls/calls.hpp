// `tierscope calls`: the API calls an app makes -> the scopes each needs, the least-privilege set,
// the comparison with the app's config, and the check report of that set (docs/report.md "calls").
#pragma once
#include <string_view>

#include "calls/calls_input.hpp"
#include "report/report.hpp"

namespace tierscope {
// config_text empty: no app config to compare with (unused and uncovered are null).
ojson calls_json(std::string_view calls_text, std::string_view config_text, const Options& options);
// The same for calls already read (a HAR read in pieces: HarCalls).
ojson calls_json_from(CallsInput in, std::string_view config_text, const Options& options);
// dump() of the same, written without a tree of the check report in it (the API's calls and HAR reader).
std::string calls_text(std::string_view calls_text, std::string_view config_text, const Options& options);
std::string calls_text_from(CallsInput in, std::string_view config_text, const Options& options);
// Empties what calls keep between reports (the least-privilege install counts, the covered_by tiers):
// the fuzz harnesses call it after each input (tests/fuzz/fresh.hpp).
void forget_kept_counts();
}
