#include "input/placeholder.hpp"

#include "text.hpp"

namespace tierscope {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool starts_ci(std::string_view text, std::size_t at, std::string_view what) {
  if (at + what.size() > text.size()) return false;
  for (std::size_t k = 0; k < what.size(); ++k)
    if (lower(text[at + k]) != lower(what[k])) return false;
  return true;
}

bool has_letter(std::string_view s) {
  for (char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

struct Form {
  std::string_view open, close;
};
// Longest openers first, so {{{ x }}} is one placeholder, not {{ inside {.
// Longest openers first, so {{{ x }}} is one placeholder, not {{ inside {. Percent-encoded forms are found
// in the decoded values.
constexpr Form kForms[] = {{"{{{", "}}}"}, {"{{", "}}"}, {"${", "}"}, {"{", "}"}, {"<", ">"}};
constexpr std::size_t kMaxInside = 200;
}  // namespace

std::vector<Span> placeholder_spans(std::string_view text) {
  std::vector<Span> out;
  std::size_t i = 0;
  while (i < text.size()) {
    bool found = false;
    for (const auto& f : kForms) {
      if (!starts_ci(text, i, f.open)) continue;
      std::size_t from = i + f.open.size();
      std::size_t limit = std::min(text.size(), from + kMaxInside + f.close.size());
      for (std::size_t j = from; j < limit; ++j) {
        char c = text[j];
        if (c == '\n' || c == '\r') break;
        if (!starts_ci(text, j, f.close)) {
          if (starts_ci(text, j, f.open)) break;  // another opener before the close: not this form
          continue;
        }
        if (j > from && has_letter(text.substr(from, j - from))) {
          out.push_back({i, j + f.close.size()});
          i = j + f.close.size();
          found = true;
        }
        break;
      }
      if (found) break;
    }
    if (!found) ++i;
  }
  return out;
}

bool placeholder_word(std::string_view word) {
  // YOUR_… / your-… in any case, compared in place (the paste reader asks this of every name: no copy).
  auto lower = [&](std::size_t i) { return word[i] >= 'A' && word[i] <= 'Z' ? char(word[i] - 'A' + 'a') : word[i]; };
  if (word.size() > 5 && lower(0) == 'y' && lower(1) == 'o' && lower(2) == 'u' && lower(3) == 'r' && (word[4] == '_' || word[4] == '-'))
    return true;
  if (word.size() < 4 || !(word[0] >= 'A' && word[0] <= 'Z') || word.find('_') == std::string_view::npos) return false;
  for (char c : word)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

bool has_placeholder(std::string_view value) {
  std::string v = trim(value);
  return !placeholder_spans(v).empty() || placeholder_word(v);
}

std::size_t find_outside(std::string_view text, char c, std::size_t from, const std::vector<Span>& spans) {
  for (std::size_t i = from; i < text.size(); ++i) {
    if (text[i] != c) continue;
    bool inside = false;
    for (const auto& s : spans)
      if (i >= s.begin && i < s.end) inside = true;
    if (!inside) return i;
  }
  return std::string_view::npos;
}

}  // namespace tierscope
