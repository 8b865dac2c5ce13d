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
  // Else the runs between escapes are copied whole (a diagnostic's message quotes a name: '"' in nearly
  // every one); the first byte past ASCII has the whole string's UTF-8 checked once.
  static const char hex[] = "0123456789abcdef";
  const std::size_t at = out.size();
  out += '"';
  bool utf8_checked = false;
  const char* run = begin;
  for (const char* p = plain; p != end; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') {
      if (c >= 0x80 && !utf8_checked) {
        utf8_checked = true;
        if (invalid_utf8_at(s)) {  // rare: nlohmann's own replacement rules, not a second copy of them
          out.resize(at);
          out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
          return;
        }
      }
      continue;
    }
    out.append(run, std::size_t(p - run));
    run = p + 1;
    char e[6] = {'\\', 0, 0, 0, 0, 0};
    std::size_t n = 2;
    switch (c) {
      case '"': e[1] = '"'; break;
      case '\\': e[1] = '\\'; break;
      case '\b': e[1] = 'b'; break;
      case '\f': e[1] = 'f'; break;
      case '\n': e[1] = 'n'; break;
      case '\r': e[1] = 'r'; break;
      case '\t': e[1] = 't'; break;
      default: e[1] = 'u', e[2] = '0', e[3] = '0', e[4] = hex[c >> 4], e[5] = hex[c & 15], n = 6;
    }
    out.append(e, n);
  }
  out.append(run, std::size_t(end - run));
  out += '"';
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
