// Scope lists as people paste them: Markdown bullets and numbered lists, code arrays (JS/TS, Python,
// Ruby, Go, PHP), YAML, .env and shell lines, with comments and prose around them (docs/report.md,
// "Pasted lists"). Exactly the scope names are read; every other line with text is said in `ignored`.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "input/input.hpp"

namespace tierscope {

struct Pasted {
  std::vector<Entry> names;
  std::vector<Ignored> ignored;  // at most kMaxIgnored lines, then one "more ignored lines"
};

constexpr std::size_t kMaxIgnored = 100;

Pasted read_pasted_list(std::string_view text);

}  // namespace tierscope
