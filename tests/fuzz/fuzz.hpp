// Shared checks of the fuzz targets (one target per API surface: fuzz_<surface>.cpp). Every call
// must return a result or a readable error with a known code; internal-error is a bug and aborts,
// as does a result that is not JSON, and an error or a diagnostic's message that is not one line of
// plain text (a newline or control character from the input would let the input write its own
// lines, e.g. `::error::` workflow commands, into a CI log). Built with libFuzzer by scripts/fuzz.sh
// and ClusterFuzzLite (scripts/fuzz-build.sh); replayed over tests/fuzz/seeds/<surface>/ by ctest
// (replay_main.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <nlohmann/json.hpp>

#include "text.hpp"
#include "tierscope/api.hpp"

namespace fuzz {
inline void require(bool ok, const char* what, const tierscope::Outcome* out = nullptr) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  if (out) std::fprintf(stderr, "  code %s: %s\n", out->error_code.c_str(), out->error.c_str());
  std::abort();
}

// One line of plain text: nothing that escape_controls (core/src/text.hpp, the one escaping rule of
// every message) would escape, so no newline, carriage return, other control or bidi override.
inline bool one_line(const std::string& s) { return tierscope::escape_controls(s) == s; }

inline void require_line(const std::string& s, const char* what) {
  if (one_line(s)) return;
  std::fprintf(stderr, "invariant broken: %s\n  %s\n", what, tierscope::escape_controls(s).c_str());
  std::abort();
}

// Every "message" in a result (diagnostics of a report, of a calls report and its inner report, of
// build_urls, migrate and diff) is one line.
template <class Json>
inline void messages_one_line(const Json& j) {
  if (j.is_object()) {
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (it.key() == "message" && it->is_string()) require_line(it->template get_ref<const std::string&>(), "a message is one line of text");
      else if (it->is_structured()) messages_one_line(*it);
    }
  } else if (j.is_array()) {
    for (const auto& e : j)
      if (e.is_structured()) messages_one_line(e);
  }
}

// An error: a known code, never internal-error, one line of text.
inline void error(const tierscope::Outcome& out) {
  require(out.error_code != "internal-error", "no internal error is reachable from input", &out);
  require(out.error_code == "parse-error" || out.error_code == "input-too-large" || out.error_code == "bad-options",
          "an error has a known code", &out);
  require(!out.error.empty() && one_line(out.error), "an error is one line of text", &out);
}

// kind: "report" (a check report), or anything else (JSON of another shape). Returns the parsed
// result (null after an error); its messages are checked.
inline nlohmann::ordered_json outcome(const tierscope::Outcome& out, const char* kind = "") {
  if (!out.ok) {
    error(out);
    return nullptr;
  }
  auto j = nlohmann::ordered_json::parse(out.json, nullptr, false);
  require(!j.is_discarded(), "the result is JSON");
  messages_one_line(j);
  if (kind[0] == 'r') {
    const auto& total = j["coverage"]["profiles"]["total"];
    require(total.is_number_unsigned() && j["profiles"].is_array() && j["profiles"].size() <= total.template get<std::size_t>(),
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
