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
#include <string_view>
#include <vector>

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

// A result read in one pass through nlohmann's SAX interface, without a tree of the whole document:
// it must be JSON, every "message" member (at any depth) is checked to be one line, and only the
// members the harness reads are built into a tree. keep(path) decides per member: path is its keys
// from the root joined by '.' (array elements add nothing: "profiles.status"); it returns kSkip,
// kPath (kept, its members asked in turn) or kWhole (kept with everything in it). A member a harness
// (or markdown_report) reads but keep() skips is missing from the tree: the harness then fails
// loudly on its first report (the seed replay in ctest), it never passes silently.
enum Keep { kSkip, kPath, kWhole };
using KeepFn = Keep (*)(std::string_view path);

// keep for a list of paths: a member is kept whole when a listed path is it or contains it, kept on the
// way (kPath) when it contains a listed path, skipped otherwise.
template <std::size_t N>
inline Keep keep_listed(std::string_view path, const std::string_view (&listed)[N]) {
  Keep k = kSkip;
  for (std::string_view l : listed) {
    if (path.size() >= l.size() && path.compare(0, l.size(), l) == 0 && (path.size() == l.size() || path[l.size()] == '.'))
      return kWhole;
    if (l.size() > path.size() && l.compare(0, path.size(), path) == 0 && l[path.size()] == '.') k = kPath;
  }
  return k;
}

class Reader {
 public:
  using json = nlohmann::ordered_json;
  explicit Reader(KeepFn keep) : keep_(keep) {}
  json root;

  bool null() { return place(json(nullptr)), true; }
  bool boolean(bool b) { return place(json(b)), true; }
  bool number_integer(json::number_integer_t n) { return place(json(n)), true; }
  bool number_unsigned(json::number_unsigned_t n) { return place(json(n)), true; }
  bool number_float(json::number_float_t n, const json::string_t&) { return place(json(n)), true; }
  bool string(json::string_t& s) {
    if (!frames_.empty() && frames_.back().message) require_line(s, "a message is one line of text");
    return place(json(std::move(s))), true;
  }
  bool binary(json::binary_t&) { return false; }  // never from JSON text
  bool start_object(std::size_t) { return open(true), true; }
  bool start_array(std::size_t) { return open(false), true; }
  bool end_object() { return frames_.pop_back(), true; }
  bool end_array() { return frames_.pop_back(), true; }
  bool key(json::string_t& k) {
    Frame& f = frames_.back();
    f.message = k == "message";
    if (!f.node) return true;
    if (f.whole) {
      f.key = std::move(k);
      f.keep = kWhole;
      return true;
    }
    path_.resize(f.path);
    if (!path_.empty()) path_ += '.';
    path_ += k;
    f.keep = keep_(path_);
    if (f.keep != kSkip) f.key = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  struct Frame {
    json* node;        // null: a skipped member (and everything in it)
    bool object;
    bool whole;        // everything in it kept
    bool message = false;  // object: the current member is "message"
    Keep keep = kSkip;     // object: the current member's fate
    std::size_t path;      // its path's length in path_
    std::string key;       // object: the current kept member's key
  };
  // The value in its place: the root, an array element or the current member; null when skipped.
  json* place(json&& v) {
    if (frames_.empty()) return &(root = std::move(v));
    Frame& f = frames_.back();
    if (!f.node) return nullptr;
    if (!f.object) {
      auto& a = f.node->get_ref<json::array_t&>();
      a.push_back(std::move(v));
      return &a.back();
    }
    if (f.keep == kSkip) return nullptr;
    auto& o = f.node->get_ref<json::object_t&>();
    o.emplace_back(std::move(f.key), std::move(v));  // the writers never repeat a key
    return &o.back().second;
  }
  void open(bool object) {
    bool whole = frames_.empty() ? keep_ == nullptr : frames_.back().whole || (frames_.back().object && frames_.back().keep == kWhole);
    std::size_t path = frames_.empty() ? 0 : frames_.back().object ? path_.size() : frames_.back().path;
    json* node = place(object ? json::object() : json::array());
    frames_.push_back({node, object, whole, false, kSkip, path, {}});
  }
  KeepFn keep_;  // null: keep everything
  std::vector<Frame> frames_;
  std::string path_;
};

// outcome() for a result read by a Reader: the members keep() accepts as a tree.
inline nlohmann::ordered_json outcome_kept(const tierscope::Outcome& out, KeepFn keep) {
  if (!out.ok) {
    error(out);
    return nullptr;
  }
  Reader r(keep);
  require(nlohmann::ordered_json::sax_parse(out.json, &r), "the result is JSON");
  return std::move(r.root);
}

// The checks of a check report: it covers the standard profiles (coverage.profiles.total, profiles).
inline void report_covers(const nlohmann::ordered_json& j) {
  const auto& total = j["coverage"]["profiles"]["total"];
  require(total.is_number_unsigned() && j["profiles"].is_array() && j["profiles"].size() <= total.template get<std::size_t>(),
          "a report covers the standard profiles");
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
