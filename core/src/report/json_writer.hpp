// JSON text written directly, without building a tree first: the hot documents (the check report)
// are written this way. The output is byte for byte what nlohmann's dump(2, ' ', false, replace)
// gives for the same tree (tests/unit/json_writer_test.cpp compares them), so every document keeps
// one format whichever way it was made.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

// Compact text for the documents written after this (no new lines or indentation, "key":value): the
// same document for a caller that parses it at once (the wasm module's check(): fewer bytes to write,
// decode and parse). Off by default; the CLI and checkJson() keep the indented text.
void set_compact_json(bool on);

class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 0);
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);  // in an object, before each value
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(std::uint64_t n);
  JsonWriter& value(std::uint32_t n) { return value(std::uint64_t(n)); }
  JsonWriter& value(int n);
  JsonWriter& null();
  JsonWriter& string_or_null(std::string_view s) { return s.empty() ? null() : value(s); }  // "" -> null
  JsonWriter& strings(const std::vector<std::string>& list);  // an array of strings
  // A value already written as JSON (e.g. a name quoted once by append_json_string and written many times).
  JsonWriter& raw(std::string_view json) {
    element();
    out_ += json;
    return *this;
  }
  // An array of n values already written as JSON (item(i): the i-th), the same bytes as begin_array(),
  // raw() each and end_array(), written with one resize instead of two appends per element.
  template <class F>
  JsonWriter& raw_array(std::size_t n, const F& item) {
    return list(n, [](const void* f, std::size_t i) { return (*static_cast<const F*>(f))(i); }, &item);
  }
  // A member with a value: key(k).value(v).
  template <class T>
  JsonWriter& field(std::string_view k, const T& v) { return key(k).value(v); }
  std::string take() { return std::move(out_); }

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void element();  // before a value: the comma, new line and indent an array element needs
  // An array of n elements already written as JSON: item(ctx, i).
  JsonWriter& list(std::size_t n, std::string_view (*item)(const void*, std::size_t), const void* ctx);
  void digits(std::uint64_t n);  // n in decimal
  void newline(std::size_t depth);
  std::string out_;
  std::string empty_;  // per open container: 1 while nothing is written in it (a string: vector<bool>'s code is larger)
  bool after_key_ = false;
  const bool compact_;
};

// s as a JSON string literal (quotes included), appended to out: control characters escaped, UTF-8
// kept, invalid UTF-8 replaced by U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace tierscope
