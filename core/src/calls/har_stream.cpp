// A HAR read piece by piece (a file of any size): only log.entries[].request.{method,url} are kept.
// Every other string (response bodies, headers, cookies, post data) is skipped byte by byte without
// being stored, so memory stays small and secrets in the file never reach the report.
#include "calls/har_stream.hpp"

#include <cstring>

#include "input/input.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
enum Role : unsigned char { Other, Root, Log, Entries, EntryObj, RequestObj };
constexpr std::size_t kMaxKept = 65536;  // a method or URL longer than this is not a call
}  // namespace

struct HarStream::Impl {
  struct Frame {
    Role role;
    bool object;
    bool want_key;  // object: the next string is a key
    std::string key;
  };
  std::vector<Frame> stack;
  std::uint64_t offset = 0;  // bytes read
  std::size_t entries = 0;
  bool saw_log = false, saw_entries = false, done = false, started = false;
  // A string being read: kept (a key we need, a method or URL) or skipped.
  bool in_string = false, escape = false, keep = false, is_key = false;
  int unicode = -1;  // hex digits still to read of a \u escape, -1 when none
  unsigned code = 0, high = 0;
  std::string text;
  bool in_literal = false;  // a number, true, false or null
  std::string method, url;
  std::vector<HarStream::Found> found;

  [[noreturn]] static void not_har() {
    throw InputError("parse-error", "JSON input for calls must be a HAR file: an object with log.entries "
                                    "(export it from the browser's network panel)");
  }
  [[noreturn]] void fail(const std::string& why) const {
    throw InputError("parse-error", "the HAR file: invalid JSON at byte " + std::to_string(offset + 1) + ": " + why);
  }

  void push(bool object) {
    if (stack.size() >= static_cast<std::size_t>(kMaxJsonDepth))
      throw InputError("parse-error", "the HAR file: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    Role role = Other;
    if (stack.empty()) {
      if (!object) not_har();
      role = Root;
    } else {
      const Frame& p = stack.back();
      if (p.role == Root && p.key == "log" && object) role = Log, saw_log = true;
      else if (p.role == Log && p.key == "entries" && !object) role = Entries, saw_entries = true;
      else if (p.role == Entries && object) role = EntryObj, method.clear(), url.clear(), ++entries;
      else if (p.role == EntryObj && p.key == "request" && object) role = RequestObj;
    }
    stack.push_back({role, object, object, ""});
  }

  void pop(bool object) {
    if (stack.empty() || stack.back().object != object) fail(object ? "unexpected '}'" : "unexpected ']'");
    if (stack.back().role == EntryObj && !url.empty()) found.push_back({entries, method, url});
    stack.pop_back();
    if (stack.empty()) done = true;
    else value_done();
  }

  void value_done() {
    if (!stack.empty() && stack.back().object) stack.back().want_key = true;
  }

  bool wants_text(bool key) const {
    if (stack.empty()) return false;
    const Frame& f = stack.back();
    if (key) return f.role == Root || f.role == Log || f.role == EntryObj || f.role == RequestObj;
    return f.role == RequestObj && (f.key == "method" || f.key == "url");
  }

  void string_done() {
    if (is_key) {
      stack.back().key = keep ? text : std::string();
      stack.back().want_key = false;
    } else {
      if (keep && stack.back().key == "method") method = text;
      else if (keep && stack.back().key == "url") url = text;
      value_done();
    }
    text.clear();
  }

  static bool hex4(const char* h) {
    for (int k = 0; k < 4; ++k) {
      const char c = h[k];
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
  }

  void append_code(unsigned c) {
    if (c < 0x80) text += static_cast<char>(c);
    else if (c < 0x800) text += static_cast<char>(0xC0 | (c >> 6)), text += static_cast<char>(0x80 | (c & 0x3F));
    else if (c < 0x10000)
      text += static_cast<char>(0xE0 | (c >> 12)), text += static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
          text += static_cast<char>(0x80 | (c & 0x3F));
    else
      text += static_cast<char>(0xF0 | (c >> 18)), text += static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
          text += static_cast<char>(0x80 | ((c >> 6) & 0x3F)), text += static_cast<char>(0x80 | (c & 0x3F));
  }

  void feed(const char* p, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
      if (in_string) {
        if (!keep && !escape && unicode < 0) {  // skip fast to the closing quote (a string not kept)
          // One pass over the bytes: escapes whole within this piece are checked here (\uXXXX with its
          // four hex digits); one split at the piece's end, or one that is wrong, is left to the
          // byte-by-byte path below (which gives the error). Bodies full of \" stop here no more.
          std::size_t j = i;
          while (j < n) {
            const char c = p[j];
            if (c == '"') break;
            if (c != '\\') {
              ++j;
              continue;
            }
            if (j + 1 >= n) break;
            const char e = p[j + 1];
            if (e == 'u') {
              if (j + 6 > n || !hex4(p + j + 2)) break;
              j += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
              j += 2;
            } else {
              break;
            }
          }
          offset += j - i;
          i = j;
          if (i == n) return;
        }
        char c = p[i];
        ++i;
        ++offset;
        if (unicode >= 0) {
          int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
          if (v < 0) fail("a \\u escape needs four hex digits");
          code = code * 16 + static_cast<unsigned>(v);
          if (--unicode == 0) {
            unicode = -1;
            if (keep) {
              if (code >= 0xD800 && code < 0xDC00) high = code;
              else if (code >= 0xDC00 && code < 0xE000 && high) append_code(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)), high = 0;
              else append_code(code), high = 0;
            }
          }
          continue;
        }
        if (escape) {
          escape = false;
          if (c == 'u') {
            unicode = 4;
            code = 0;
            continue;
          }
          static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
          const char* at = std::strchr(from, c);
          if (!at || c == 0) fail("an invalid escape in a string");
          if (keep) text += to[at - from];
          continue;
        }
        if (c == '\\') {
          escape = true;
          continue;
        }
        if (c == '"') {
          in_string = false;
          string_done();
          continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) fail("a control character inside a string");
        if (keep) {
          if (text.size() >= kMaxKept) keep = false, text.clear();
          else text += c;
        }
        continue;
      }
      char c = p[i];
      if (in_literal) {
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-' || c == '+' || c == 'E') {
          ++i, ++offset;
          continue;
        }
        in_literal = false;
        value_done();
      }
      ++i;
      ++offset;
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
      if (!started && offset <= 3 && c == "\xEF\xBB\xBF"[offset - 1]) continue;  // a UTF-8 byte order mark
      if (done) fail("text after the end of the JSON document");
      started = true;
      const bool expecting_key = !stack.empty() && stack.back().object && stack.back().want_key;
      switch (c) {
        case '{':
          if (expecting_key) fail("expected a key");
          push(true);
          break;
        case '[':
          if (expecting_key) fail("expected a key");
          push(false);
          break;
        case '}': pop(true); break;
        case ']': pop(false); break;
        case ':':
        case ',':
          if (stack.empty()) fail(std::string("unexpected '") + c + "'");
          break;
        case '"':
          if (stack.empty()) not_har();
          in_string = true;
          is_key = expecting_key;
          keep = wants_text(is_key);
          text.clear();
          break;
        default:
          if (stack.empty()) not_har();
          if (expecting_key || !((c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f' || c == 'n'))
            fail("unexpected character " + quote_name(std::string(1, c)));
          in_literal = true;
      }
    }
  }
};

HarStream::HarStream() : impl_(new Impl) {}
HarStream::~HarStream() = default;

void HarStream::feed(std::string_view chunk) { impl_->feed(chunk.data(), chunk.size()); }

std::uint64_t HarStream::bytes() const { return impl_->offset; }

std::vector<HarStream::Found> HarStream::take() {
  std::vector<Found> out;
  out.swap(impl_->found);
  return out;
}

HarStream::End HarStream::end() const {
  const Impl& s = *impl_;
  if (!s.started) throw InputError("parse-error", "the HAR file is empty");
  if (!s.saw_log || (s.done && !s.saw_entries))
    throw InputError("parse-error", !s.done ? "the input ends before its JSON is complete (byte " + std::to_string(s.offset) +
                                                  ") and has no HAR log"
                                            : "JSON input for calls must be a HAR file: an object with log.entries "
                                              "(export it from the browser's network panel)");
  return {!s.done || s.in_literal, s.offset};
}

}  // namespace tierscope
