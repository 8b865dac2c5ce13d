// Template placeholders in install URLs: {{{ client_id }}}, {{client_id}}, ${CLIENT_ID}, <CLIENT_ID>,
// {client_id}, %7Bclient_id%7D, YOUR_CLIENT_ID. Found so that templates can be read (docs/report.md).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tierscope {

struct Span {
  std::size_t begin, end;  // [begin, end) in the text searched
};

// Placeholders in text, left to right, not overlapping: {{{ x }}}, {{ x }}, ${x}, {x}, <x> (percent-encoded
// ones are found once decoded). The inside is 1-200 characters on one line, with a letter.
std::vector<Span> placeholder_spans(std::string_view text);
// A whole word that stands for a value: YOUR_CLIENT_ID, your-client-id, CLIENT_ID (capitals with '_').
bool placeholder_word(std::string_view word);
// The whole (trimmed) value is a placeholder or holds one.
bool has_placeholder(std::string_view value);
// Position of c in text from `from` on, outside placeholders; npos when none.
std::size_t find_outside(std::string_view text, char c, std::size_t from, const std::vector<Span>& spans);

}  // namespace tierscope
