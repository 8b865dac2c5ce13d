#include "text.hpp"

#include <algorithm>

namespace tierscope {

std::optional<std::size_t> invalid_utf8_at(std::string_view t) {
  std::size_t i = 0, n = t.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    std::size_t len;
    unsigned int cp;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char d = static_cast<unsigned char>(t[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

std::string_view trimmed(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  std::size_t b = 0, e = s.size();
  while (b < e && space(s[b])) ++b;
  while (e > b && space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string trim(std::string_view s) { return std::string(trimmed(s)); }

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += char(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += plus_is_space && s[i] == '+' ? ' ' : s[i];
  }
  return out;
}

std::optional<std::size_t> bad_percent_escape(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i)
    if (s[i] == '%' && (i + 2 >= s.size() || hex_value(s[i + 1]) < 0 || hex_value(s[i + 2]) < 0)) return i;
  return std::nullopt;
}

std::string escape_controls(std::string_view s) {
  static const char* hex = "0123456789abcdef";
  auto code = [&](unsigned cp) {
    std::string out = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(cp >> shift) & 15];
    return out;
  };
  std::size_t plain = 0;  // most text (a scope name) is printable ASCII: nothing to escape, one copy
  while (plain < s.size() && static_cast<unsigned char>(s[plain]) >= 0x20 && static_cast<unsigned char>(s[plain]) < 0x7F) ++plain;
  if (plain == s.size()) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) { out += code(c); continue; }
    // C1 controls (U+0080-U+009F: C2 80-9F), bidirectional overrides and isolates (U+202A-202E, U+2066-2069)
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      out += code(static_cast<unsigned char>(s[i + 1]));
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < s.size()) {
      unsigned char b = static_cast<unsigned char>(s[i + 1]), d = static_cast<unsigned char>(s[i + 2]);
      if ((b == 0x80 && d >= 0xAA && d <= 0xAE) || (b == 0x81 && d >= 0xA6 && d <= 0xA9)) {
        out += code(0x2000u + ((b & 0x3Fu) << 6) + (d & 0x3Fu));
        i += 2;
        continue;
      }
    }
    out += char(c);
  }
  return out;
}

std::vector<std::string> split_list(std::string_view s) {
  std::vector<std::string_view> views;
  split_list_views(s, views);
  return std::vector<std::string>(views.begin(), views.end());
}

void split_list_views(std::string_view s, std::vector<std::string_view>& out) {
  std::size_t start = 0;  // of the current name
  auto flush = [&](std::size_t end) {  // quotes around a name (a pasted JSON or Python list) are not part of it
    std::string_view cur = s.substr(start, end - start);
    while (cur.size() >= 2 && (cur.front() == '"' || cur.front() == '\'' || cur.front() == '`') && cur.back() == cur.front())
      cur = cur.substr(1, cur.size() - 2);
    if (!cur.empty()) out.emplace_back(cur);
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ' || c == ',' || c == ';' || c == '\n' || c == '\r' || c == '\t' || c == '+' || c == '\f' || c == '\v') {
      flush(i);
      start = i + 1;
    } else if (c == '%' && i + 2 < s.size() && s[i + 1] == '2' && s[i + 2] == '0') {
      flush(i);
      i += 2;
      start = i + 1;
    }
  }
  flush(s.size());
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  // Two rows; only the cells within `limit` of the diagonal are worked out (a cell further away is more
  // than `limit` edits), every value capped at limit + 1. Short names use the stack, not the heap.
  const std::size_t over = limit + 1, width = b.size() + 2;
  std::size_t local[2 * 66];
  std::vector<std::size_t> heap;
  std::size_t* prev = local;
  if (2 * width > sizeof local / sizeof local[0]) heap.resize(2 * width), prev = heap.data();
  std::size_t* cur = prev + width;
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = std::min(j, over);
  prev[b.size() + 1] = over;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > limit ? i - limit : 1, hi = std::min(b.size(), i + limit);
    cur[lo - 1] = lo == 1 ? std::min(i, over) : over;
    std::size_t row_min = cur[lo - 1];
    const char ca = a[i - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      std::size_t best = prev[j - 1] + (ca == b[j - 1] ? 0 : 1);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      if (best > over) best = over;
      cur[j] = best;
      if (best < row_min) row_min = best;
    }
    cur[hi + 1] = over;  // the next row reads one cell further right
    if (row_min > limit) return over;
    std::swap(prev, cur);
  }
  return prev[b.size()] <= limit ? prev[b.size()] : over;
}

std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; }
    else ++col;
  }
  return {line, col};
}

std::string with_commas(std::uint64_t n) {
  std::string s = std::to_string(n), out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out += ',';
    out += s[i];
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (auto p : parts) out += p;
  return out;
}

std::string quote_name(std::string_view name) {
  const std::string escaped = escape_controls(name);  // a message stays one line of plain text
  std::string_view s = escaped;
  if (s.size() <= 80) return "\"" + std::string(s) + "\"";
  std::size_t cut = 77;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
  return "\"" + std::string(s.substr(0, cut)) + "…\"";
}

}  // namespace tierscope
