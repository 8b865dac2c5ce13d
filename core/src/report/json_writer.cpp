#include "report/json_writer.hpp"

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace tierscope {

void append_json_string(std::string& out, std::string_view s) {
  // Plain pointer loops: this is the hot code of a report, and the wasm build compiles it for size.
  const char* const begin = s.data();
  const char* const end = begin + s.size();
  // Most strings of a report (scope names, statuses, profile ids) are printable ASCII with nothing to
  // escape: one scan, then one copy.
  const char* plain = begin;
  while (plain != end && static_cast<unsigned char>(*plain) >= 0x20 && static_cast<unsigned char>(*plain) < 0x80 &&
         *plain != '"' && *plain != '\\')
    ++plain;
  if (plain == end) {
    out += '"';  // (no reserve here: libc++'s reserve does not grow geometrically)
    out.append(begin, s.size());
    out += '"';
    return;
  }
  std::size_t extra = 0;  // bytes the escapes add
  bool utf8 = false;
  for (const char* p = begin; p != end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x80) utf8 = true;
    else if (c == '"' || c == '\\' || c == '\b' || c == '\f' || c == '\n' || c == '\r' || c == '\t') extra += 1;
    else if (c < 0x20) extra += 5;
  }
  if (utf8 && invalid_utf8_at(s)) {  // rare: nlohmann's own replacement rules, not a second copy of them
    out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return;
  }
  static const char hex[] = "0123456789abcdef";
  const std::size_t at = out.size();
  out.resize(at + s.size() + extra + 2);
  char* w = &out[at];
  *w++ = '"';
  for (const char* p = begin; p != end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') {
      *w++ = char(c);
      continue;
    }
    *w++ = '\\';
    switch (c) {
      case '"': *w++ = '"'; break;
      case '\\': *w++ = '\\'; break;
      case '\b': *w++ = 'b'; break;
      case '\f': *w++ = 'f'; break;
      case '\n': *w++ = 'n'; break;
      case '\r': *w++ = 'r'; break;
      case '\t': *w++ = 't'; break;
      default: *w++ = 'u', *w++ = '0', *w++ = '0', *w++ = hex[c >> 4], *w++ = hex[c & 15];
    }
  }
  *w = '"';
}

void JsonWriter::newline(std::size_t depth) {
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
  empty_.back() = false;
  newline(empty_.size());
}

JsonWriter& JsonWriter::open(char c) {
  element();
  out_ += c;
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char c) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline(empty_.size());
  out_ += c;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  element();
  append_json_string(out_, k);
  out_ += ": ";
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
  int len = 0;
  do d[len++] = char('0' + n % 10); while (n /= 10);
  while (len) out_ += d[--len];
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

JsonWriter& JsonWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& s : list) value(s);
  return end_array();
}

}  // namespace tierscope
