#include "report/json_writer.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace tierscope {

namespace {
// Eight bytes at a time (the tests of "Bit Twiddling Hacks": a byte below n, a zero byte), then byte by
// byte: the end of the run of bytes written as they are from p on. ascii: a byte >= 0x80 ends it too.
constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
inline std::uint64_t zero_byte(std::uint64_t v) { return (v - kOnes) & ~v; }
const char* plain_end(const char* p, const char* const end, bool ascii) {
  for (std::uint64_t x; end - p >= 8; p += 8) {
    std::memcpy(&x, p, 8);
    if (((ascii ? x : 0) | ((x - kOnes * 0x20) & ~x) | zero_byte(x ^ (kOnes * '"')) | zero_byte(x ^ (kOnes * '\\'))) & kHighs) break;
  }
  for (; p != end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\' || (ascii && c >= 0x80)) break;
  }
  return p;
}
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  // The hot code of a report (plain pointer loops: the wasm build compiles it for size). Most strings
  // (scope names, statuses, profile ids) are printable ASCII with nothing to escape: one scan, one copy.
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  const char* p = plain_end(begin, end, true);
  if (p != end) {  // rare: invalid UTF-8, replaced by nlohmann's own rules, not a second copy of them
    bool utf8 = false;
    for (const char* q = p; q != end && !utf8; ++q) utf8 = static_cast<unsigned char>(*q) >= 0x80;
    if (utf8 && invalid_utf8_at(s)) {
      out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      return;
    }
  }
  out += '"';  // (no reserve here: libc++'s reserve does not grow geometrically)
  out.append(begin, std::size_t(p - begin));
  while (p != end) {  // p: a byte to escape, or where UTF-8 starts
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') {
      const char* run = p;
      p = plain_end(p + 1, end, false);
      out.append(run, std::size_t(p - run));
      continue;
    }
    ++p;
    static const char hex[] = "0123456789abcdef";
    char e[6] = {'\\', char(c), 0, 0, 0, 0};
    std::size_t n = 2;
    switch (c) {
      case '"': case '\\': break;
      case '\b': e[1] = 'b'; break;
      case '\f': e[1] = 'f'; break;
      case '\n': e[1] = 'n'; break;
      case '\r': e[1] = 'r'; break;
      case '\t': e[1] = 't'; break;
      default: e[1] = 'u', e[2] = '0', e[3] = '0', e[4] = hex[c >> 4], e[5] = hex[c & 15], n = 6;
    }
    out.append(e, n);
  }
  out += '"';
}

namespace {
thread_local bool compact_json = false;  // per thread: one caller's choice never changes another's reports
}

void set_compact_json(bool on) { compact_json = on; }

JsonWriter::JsonWriter(std::size_t reserve) : compact_(compact_json) { out_.reserve(compact_ ? reserve / 2 : reserve); }

void JsonWriter::newline(std::size_t depth) {
  if (compact_) return;
  out_ += '\n';
  out_.append(2 * depth, ' ');
}

void JsonWriter::element() {
  if (after_key_) {  // the value of a member: the key wrote the separator
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;  // the document's top-level value
  if (!empty_.back()) out_ += ',';
  empty_.back() = 0;
  newline(empty_.size());
}

JsonWriter& JsonWriter::open(char c) {
  element();
  out_ += c;
  empty_.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  const bool was_empty = empty_.back() != 0;
  empty_.pop_back();
  if (!was_empty) newline(empty_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  element();
  append_json_string(out_, k);
  out_ += compact_ ? ":" : ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  element();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  element();
  out_ += b ? "true" : "false";
  return *this;
}

void JsonWriter::digits(std::uint64_t n) {
  char d[20];
  int at = 20;
  do d[--at] = char('0' + n % 10); while (n /= 10);
  out_.append(d + at, std::size_t(20 - at));
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  element();
  digits(n);
  return *this;
}

JsonWriter& JsonWriter::value(int n) {
  element();
  if (n < 0) out_ += '-';
  digits(n < 0 ? std::uint64_t(-(long long)n) : std::uint64_t(n));
  return *this;
}

JsonWriter& JsonWriter::null() {
  element();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::list(std::size_t n, std::string_view (*item)(const void*, std::size_t), const void* ctx) {
  if (n == 0) return begin_array().end_array();
  element();
  const std::size_t depth = empty_.size(), inner = compact_ ? 0 : 1 + 2 * (depth + 1), outer = compact_ ? 0 : 1 + 2 * depth;
  std::size_t bytes = 2 + inner + outer + (n - 1) * (1 + inner);
  for (std::size_t i = 0; i < n; ++i) bytes += item(ctx, i).size();
  const std::size_t at = out_.size();
  out_.resize(at + bytes);
  char* p = &out_[at];
  auto line = [&](std::size_t len) {  // a new line and its indent (len bytes), or nothing when compact
    if (!len) return;
    *p = '\n';
    std::memset(p + 1, ' ', len - 1);
    p += len;
  };
  *p++ = '[';
  for (std::size_t i = 0; i < n; ++i) {
    if (i) *p++ = ',';
    line(inner);
    const std::string_view s = item(ctx, i);
    std::memcpy(p, s.data(), s.size());
    p += s.size();
  }
  line(outer);
  *p = ']';
  return *this;
}

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  return end_array();
}

}  // namespace tierscope
