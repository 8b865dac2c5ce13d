// Shared checks of the fuzz targets (one target per API surface: fuzz_<surface>.cpp). Every call
// must return a result or a readable error with a known code; internal-error is a bug and aborts,
// as does a result that is not JSON. Built with libFuzzer by scripts/fuzz.sh (clang, ASan; UBSan in a
// separate run) and in CI; replayed over tests/fuzz/seeds/<surface>/ by ctest (replay_main.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "tierscope/api.hpp"

namespace fuzz {
inline void require(bool ok, const char* what, const tierscope::Outcome* out = nullptr) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  if (out) std::fprintf(stderr, "  code %s: %s\n", out->error_code.c_str(), out->error.c_str());
  std::abort();
}

// kind: "report" (a check report), or anything else (JSON of another shape). Returns the parsed result.
inline nlohmann::json outcome(const tierscope::Outcome& out, const char* kind = "") {
  if (!out.ok) {
    require(out.error_code != "internal-error", "no internal error is reachable from input", &out);
    require(out.error_code == "parse-error" || out.error_code == "input-too-large" || out.error_code == "bad-options",
            "an error has a known code", &out);
    require(!out.error.empty() && out.error.find('\n') == std::string::npos, "an error is one line of text", &out);
    return nullptr;
  }
  auto j = nlohmann::json::parse(out.json, nullptr, false);
  require(!j.is_discarded(), "the result is JSON");
  if (std::string(kind) == "report") {
    const auto& total = j["coverage"]["profiles"]["total"];
    require(total.is_number_unsigned() && j["profiles"].is_array() && j["profiles"].size() <= total.get<std::size_t>(),
            "a report covers the standard profiles");
  }
  return j;
}

inline std::string text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// Splits at the first newline: two inputs (before/after, config/URL, input/options) from one.
inline std::pair<std::string, std::string> split(const std::string& t) {
  auto nl = t.find('\n');
  return {t.substr(0, nl), nl == std::string::npos ? "" : t.substr(nl + 1)};
}
}  // namespace fuzz
