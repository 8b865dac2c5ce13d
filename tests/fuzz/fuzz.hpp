// Shared checks of the fuzz targets (one target per API surface: fuzz_<surface>.cpp). Every call
// must return a result or a readable error with a known code; internal-error is a bug and aborts,
// as does a result that is not JSON, and an error or a diagnostic's message that is not one line of
// plain text (a newline or control character from the input would let the input write its own
// lines, e.g. `::error::` workflow commands, into a CI log). Built with libFuzzer by scripts/fuzz.sh
// and ClusterFuzzLite (scripts/fuzz-build.sh); replayed over tests/fuzz/seeds/<surface>/ by ctest
// (replay_main.cpp).
#pragma once
#include <cerrno>
#include <cmath>
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

// A result read in one pass without a tree of the whole document (fuzz::Scanner): it must be JSON (as
// nlohmann's parser takes it: RFC 8259, UTF-8, surrogate pairs, finite numbers, nothing after the
// value), every "message" member (at any depth) is checked to be one line, and only the members the
// harness reads are built into a tree. keep(path) decides per member: path is its keys from the root
// joined by '.' (array elements add nothing: "profiles.status"); it returns kSkip, kPath (kept, its
// members asked in turn) or kWhole (kept with everything in it). The scan itself allocates nothing;
// the kept members are built as it goes (as nlohmann's parser would build them: the same values, the
// same number types), without a second parse of their text. A member a harness (or markdown_report) reads but keep()
// skips is missing from the tree: the harness then fails loudly on its first report (the seed replay
// in ctest), it never passes silently.
enum Keep { kSkip, kPath, kWhole };
using KeepFn = Keep (*)(std::string_view path);

// The scanner and keep_listed are the harness's, not the code under test: libFuzzer's coverage (and its
// comparison tracing, a call per compared byte) is left out of them, so that they cost the fuzzer no more
// than they must. They compare bytes in their own loops, not with memcmp (string_view's ==, compare):
// libFuzzer intercepts every memcmp, and would record the harness's own keys and paths for its mutations.
#if defined(__clang__)
#define FUZZ_HARNESS_ONLY __attribute__((no_sanitize("coverage")))
#else
#define FUZZ_HARNESS_ONLY
#endif

// a's first n bytes are b's (both at least n long)
FUZZ_HARNESS_ONLY inline bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// keep for a list of paths: a member is kept whole when a listed path is it or contains it, kept on the
// way (kPath) when it contains a listed path, skipped otherwise.
template <std::size_t N>
FUZZ_HARNESS_ONLY inline Keep keep_listed(std::string_view path, const std::string_view (&listed)[N]) {
  Keep k = kSkip;
  for (std::string_view l : listed) {
    if (path.size() >= l.size() && same_bytes(path.data(), l.data(), l.size()) && (path.size() == l.size() || path[l.size()] == '.'))
      return kWhole;
    if (l.size() > path.size() && same_bytes(l.data(), path.data(), path.size()) && l[path.size()] == '.') k = kPath;
  }
  return k;
}

class Scanner {
 public:
  using json = nlohmann::ordered_json;
  Scanner(std::string_view text, KeepFn keep) : p_(text.data()), end_(text.data() + text.size()), keep_(keep) {}
  // The kept tree, or false when the text is not JSON.
  FUZZ_HARNESS_ONLY bool read(json& root) {
    ws();
    if (!value(&root, keep_ ? kPath : kWhole, false, 0)) return false;
    ws();
    return p_ == end_;
  }

 private:
  static constexpr int kMaxDepth = 512;
  FUZZ_HARNESS_ONLY void ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\t' || *p_ == '\r')) ++p_;
  }
  FUZZ_HARNESS_ONLY bool eat(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  FUZZ_HARNESS_ONLY static int hex(char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
  FUZZ_HARNESS_ONLY bool u4(unsigned& cp) {
    if (end_ - p_ < 4) return false;
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      int h = hex(p_[i]);
      if (h < 0) return false;
      cp = cp * 16 + unsigned(h);
    }
    p_ += 4;
    return true;
  }
  FUZZ_HARNESS_ONLY static void put_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) out += char(cp);
    else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
    else if (cp < 0x10000) out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
    else
      out += char(0xF0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3F)), out += char(0x80 | ((cp >> 6) & 0x3F)),
          out += char(0x80 | (cp & 0x3F));
  }
  // A string at p_ (after its quote is checked); with out, its decoded text.
  FUZZ_HARNESS_ONLY bool string(std::string* out) {
    if (!eat('"')) return false;
    for (;;) {
      if (p_ == end_) return false;
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') return ++p_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        if (++p_ == end_) return false;
        char e = *p_++;
        unsigned cp;
        switch (e) {
          case '"': case '\\': case '/': cp = unsigned(e); break;
          case 'b': cp = '\b'; break;
          case 'f': cp = '\f'; break;
          case 'n': cp = '\n'; break;
          case 'r': cp = '\r'; break;
          case 't': cp = '\t'; break;
          case 'u':
            if (!u4(cp)) return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate first
            if (cp >= 0xD800 && cp <= 0xDBFF) {               // a high one: its low one follows
              unsigned lo;
              if (!eat('\\') || !eat('u') || !u4(lo) || lo < 0xDC00 || lo > 0xDFFF) return false;
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            break;
          default: return false;
        }
        if (out) put_utf8(*out, cp);
        continue;
      }
      if (c < 0x80) {  // a run of plain ASCII at once
        const char* run = p_;
        while (++p_ < end_) {
          const unsigned char d = static_cast<unsigned char>(*p_);
          if (d < 0x20 || d >= 0x80 || d == '"' || d == '\\') break;
        }
        if (out) out->append(run, std::size_t(p_ - run));
        continue;
      }
      // UTF-8 (as RFC 3629: no overlong forms, surrogates or code points above U+10FFFF)
      int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      if (!n || end_ - p_ < n) return false;
      const auto b1 = static_cast<unsigned char>(p_[1]);
      unsigned lo = 0x80, hi = 0xBF;
      if (c == 0xE0) lo = 0xA0;
      else if (c == 0xED) hi = 0x9F;
      else if (c == 0xF0) lo = 0x90;
      else if (c == 0xF4) hi = 0x8F;
      if (b1 < lo || b1 > hi) return false;
      for (int i = 2; i < n; ++i)
        if ((static_cast<unsigned char>(p_[i]) & 0xC0) != 0x80) return false;
      if (out) out->append(p_, std::size_t(n));
      p_ += n;
    }
  }
  FUZZ_HARNESS_ONLY bool digits() {
    const char* s = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ > s;
  }
  // A number at p_; with out, its value as nlohmann's parser gives it: an integer that fits as unsigned
  // (or, with a minus, as signed) 64 bits, any other number as a double (rejected when not finite).
  FUZZ_HARNESS_ONLY bool number(json* out) {
    const char* s = p_;
    const bool minus = eat('-');
    if (eat('0')) {
    } else if (!digits()) {
      return false;
    }
    bool is_float = false;
    if (eat('.')) {
      if (!digits()) return false;
      is_float = true;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (!eat('+')) eat('-');
      if (!digits()) return false;
      is_float = true;
    }
    if (!is_float && !out && p_ - s <= 18) return true;  // fits in 64 bits: nothing to work out
    const std::string t(s, p_);
    if (!is_float) {
      errno = 0;
      if (minus) {
        const long long v = std::strtoll(t.c_str(), nullptr, 10);
        if (errno == 0) return !out || (*out = std::int64_t(v), true);
      } else {
        const unsigned long long v = std::strtoull(t.c_str(), nullptr, 10);
        if (errno == 0) return !out || (*out = std::uint64_t(v), true);
      }
    }
    const double d = std::strtod(t.c_str(), nullptr);  // and a larger integer: nlohmann reads it as a double
    if (!std::isfinite(d)) return false;               // nlohmann: "number overflow"
    if (out) *out = d;
    return true;
  }
  FUZZ_HARNESS_ONLY bool literal(std::string_view word) {
    if (std::size_t(end_ - p_) < word.size() || !same_bytes(p_, word.data(), word.size())) return false;
    p_ += word.size();
    return true;
  }
  // A value at p_. out: where a kept value goes (null: skipped). mode: kWhole (built here, all of it, as
  // nlohmann's parser would), kPath (an object's members asked in turn; anything else kept whole).
  // message: a "message" member.
  FUZZ_HARNESS_ONLY bool value(json* out, Keep mode, bool message, int depth) {
    if (p_ == end_) return false;
    if (depth > kMaxDepth) require(false, "a result nests at most 512 levels");
    const std::size_t path = path_.size();
    switch (*p_) {
      case '{': {
        ++p_;
        if (out) *out = json::object();
        ws();
        if (eat('}')) break;
        for (;;) {
          ws();
          key_.clear();
          if (!string(&key_)) return false;
          ws();
          if (!eat(':')) return false;
          ws();
          json* member = nullptr;
          Keep child = kSkip;
          if (out && mode == kPath) {
            path_.resize(path);
            if (path) path_ += '.';
            path_ += key_;
            child = keep_(path_);
          } else if (out) {
            child = kWhole;
          }
          if (child != kSkip) member = &slot(out->get_ref<json::object_t&>());
          const bool message = key_.size() == 7 && same_bytes(key_.data(), "message", 7);
          if (!value(member, child, message, depth + 1)) return false;
          ws();
          if (eat(',')) continue;
          if (eat('}')) break;
          return false;
        }
        break;
      }
      case '[': {
        ++p_;
        if (out) *out = json::array();
        ws();
        if (eat(']')) break;
        for (;;) {
          ws();
          json* element = nullptr;
          if (out) element = &out->get_ref<json::array_t&>().emplace_back(nullptr);  // array elements: the array's path
          path_.resize(path);
          if (!value(element, mode, false, depth + 1)) return false;
          ws();
          if (eat(',')) continue;
          if (eat(']')) break;
          return false;
        }
        break;
      }
      case '"':
        if (message || out) {
          std::string s;
          if (!string(&s)) return false;
          if (message) require_line(s, "a message is one line of text");
          if (out) *out = std::move(s);
          return true;
        }
        return string(nullptr);
      case 't': return literal("true") && (!out || (*out = true, true));
      case 'f': return literal("false") && (!out || (*out = false, true));
      case 'n': return literal("null");  // *out is null already
      default:
        return number(out);
    }
    path_.resize(path);
    return true;
  }
  // The member named key_ of an object being built: a new one (null), or, for a key the text repeats, the
  // earlier one set to null again (nlohmann's parser: the first one's place, the last one's value).
  FUZZ_HARNESS_ONLY json& slot(json::object_t& object) {
    for (auto& member : object)
      if (member.first.size() == key_.size() && same_bytes(member.first.data(), key_.data(), key_.size()))
        return member.second = nullptr;
    return object.emplace_back(key_, nullptr).second;
  }

  const char* p_;
  const char* end_;
  KeepFn keep_;  // null: keep everything
  std::string path_, key_, line_;
};

// outcome() for a result read by a Scanner: the members keep() accepts as a tree.
inline nlohmann::ordered_json outcome_kept(const tierscope::Outcome& out, KeepFn keep) {
  if (!out.ok) {
    error(out);
    return nullptr;
  }
  nlohmann::ordered_json root;
  require(Scanner(out.json, keep).read(root), "the result is JSON");
  return root;
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
