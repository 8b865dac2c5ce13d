// Small text helpers: UTF-8 checks, percent-decoding, list splitting, edit distance.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

// Byte offset of the first invalid UTF-8 sequence, or nullopt when the text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);
std::string ascii_lower(std::string_view s);
std::string trim(std::string_view s);
std::string_view trimmed(std::string_view s);  // trim() as a view into s: no copy
// Decodes %XX escapes; with plus_is_space, '+' becomes ' '. Malformed escapes stay as written.
std::string percent_decode(std::string_view s, bool plus_is_space);
// Byte offset of the first '%' not followed by two hex digits, or nullopt.
std::optional<std::size_t> bad_percent_escape(std::string_view s);
// Control characters (C0, DEL, C1) and bidirectional overrides written as \u001b, so that text from
// the input cannot move a terminal's cursor, retitle it, or reorder what is shown around it.
std::string escape_controls(std::string_view s);
// Splits a pasted list on spaces, commas, semicolons, newlines, tabs, "%20" and "+"; empty entries
// dropped, quotes around a name removed.
std::vector<std::string> split_list(std::string_view s);
// The same names as views into s (appended to out): no copy of each name.
void split_list_views(std::string_view s, std::vector<std::string_view>& out);
// Levenshtein distance, giving up (returning limit + 1) once it exceeds limit.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);
// 1-based line and column of a byte offset.
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset);
std::string join(const std::vector<std::string>& parts, const std::string& sep);
std::string with_commas(std::uint64_t n);  // 262144 -> "262,144"
// The parts one after another (smaller code than a chain of operator+ in the wasm build).
std::string concat(std::initializer_list<std::string_view> parts);
std::string quote_name(std::string_view s);  // "s", control characters escaped, shortened to 80 characters with an ellipsis
// FNV-1a: the hash of the core's small name tables (Catalog::find's, the did-you-mean memo's slots).
inline std::uint32_t name_hash(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

}  // namespace tierscope
