#include "input/paste.hpp"

#include <cstring>

#include "input/placeholder.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool alnum(char c) { return letter(c) || (c >= '0' && c <= '9'); }
bool in(const char* set, char c) {  // never true for '\0'; inline (strchr was a call per character)
  for (; *set; ++set)
    if (*set == c) return true;
  return false;
}
bool any_in(std::string_view s, const char* set) {  // s.find_first_of(set) != npos, without a call per character
  for (char c : s)
    if (in(set, c)) return true;
  return false;
}
bool starts(std::string_view s, std::size_t i, const char* with) {  // per character of a line: no strlen, no substr
  for (; *with; ++with, ++i)
    if (i >= s.size() || s[i] != *with) return false;
  return true;
}
bool mentions(std::string_view s, const char* word) { return ascii_lower(s).find(word) != std::string::npos; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

// Words of prose and code that are no HubSpot scope. The catalog's one-word names (accounting,
// actions, automation, contacts, content, files, forms, hubdb, oauth, reports, social, tickets,
// timeline) are not among them.
constexpr const char* kProse[] = {
    "the", "and", "for", "with", "from", "your", "you", "this", "that", "these", "those", "are", "add", "use",
    "need", "needs", "needed", "required", "optional", "scope", "scopes", "following", "read", "write", "access",
    "all", "app", "apps", "not", "only", "see", "also", "will", "can", "must", "api", "has", "have", "get", "set",
    "new", "any", "each", "more", "when", "our", "please", "make", "sure", "etc", "here", "list", "below", "above",
    "a", "an", "to", "of", "in", "on", "is", "it", "be", "by", "or", "we", "if", "as", "at", "do", "so", "no", "its",
    "like", "but", "does", "which", "then", "into", "via", "out", "per", "return", "function", "class", "import",
    "const", "def", "else", "true", "false", "null", "none", "undefined", "self", "string", "join", "other", "some"};

bool prose_word(std::string_view t) {  // ASCII case aside
  for (const char* w : kProse) {
    std::size_t i = 0;
    while (i < t.size() && w[i] && lower(t[i]) == w[i]) ++i;
    if (i == t.size() && !w[i]) return true;
  }
  return false;
}

// The shape of a scope name: letters, digits, '.', '_', '-', with a letter.
bool shaped(std::string_view t) {
  bool any_letter = false;
  for (char c : t) {
    if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
    any_letter = any_letter || letter(c);
  }
  return any_letter;
}
// A dotted, underscored or hyphenated name (crm.objects.contacts.read, e-commerce): surely meant as a scope.
bool strong(std::string_view t) {
  return t.size() >= 5 && alnum(t.front()) && alnum(t.back()) && any_in(t, "._-") && shaped(t);
}

// A reference to a value, not a name: $VAR, an ENV_NAME (${HUBSPOT_SCOPES}) or YOUR_SCOPES, a Markdown directive
// (:::info); in code (a line ending in ',' or ';') also a capital after a lower-case letter or a dot (minimalScopes,
// process.env.HUBSPOT_SCOPES). HubSpot's scope names are lower case: a case typo in a list is still flagged.
bool reference(std::string_view t, bool code) {
  if (t.front() == '$' || t.front() == ':' || placeholder_word(t)) return true;
  for (std::size_t i = 1; code && i < t.size(); ++i)
    if (t[i] >= 'A' && t[i] <= 'Z' && ((t[i - 1] >= 'a' && t[i - 1] <= 'z') || t[i - 1] == '.')) return true;
  return false;
}

// A line cut into code and comment: quoted strings apart (their text in `quoted`, a NUL in `code`
// where each was: check_text refuses NUL bytes, so none is the input's).
struct Scanned {
  std::string code, comment;
  std::vector<std::string> quoted;
};

Scanned scan(std::string_view line, int& block) {
  std::vector<std::size_t> no_quote;  // opening quotes left unclosed (an apostrophe in prose): plain characters
  const int block_before = block;
  for (;;) {
    Scanned out;
    block = block_before;
    char quote = 0;
    std::size_t opened = 0;
    std::string cur;
    out.code.reserve(line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (!block && !quote && !in("\"`'/<#", c)) {  // a run of characters that open nothing: code, copied whole
        std::size_t j = i + 1;
        while (j < line.size() && !in("\"`'/<#", line[j])) ++j;
        out.code.append(line.data() + i, j - i);
        i = j - 1;
        continue;
      }
      if (block) {
        const char* end = block == 1 ? "*/" : "-->";
        if (starts(line, i, end)) {
          i += std::strlen(end) - 1;
          block = 0;
          out.code += ' ';
        }
        out.comment += block ? c : ' ';
        continue;
      }
      if (quote) {
        if (c == quote) {
          out.quoted.push_back(cur);
          out.code += '\0';
          cur.clear();
          quote = 0;
        } else {
          cur += c;
        }
        continue;
      }
      char prev = i ? line[i - 1] : ' ';
      bool boundary = space(prev) || in("[({,=:>", prev);
      bool unclosed = false;
      for (auto q : no_quote) unclosed = unclosed || q == i;
      if ((c == '"' || c == '`' || (c == '\'' && boundary)) && !unclosed) {
        quote = c;
        opened = i;
      } else if (starts(line, i, "/*")) {
        block = 1;
        ++i;
      } else if (starts(line, i, "<!--")) {
        block = 2;
        i += 3;
      } else if ((c == '#' && (i == 0 || space(prev))) || (starts(line, i, "//") && (i == 0 || space(prev) || prev == ',' || prev == '['))) {
        out.comment += line.substr(i + 1);
        break;
      } else {
        out.code += c;
      }
    }
    if (!quote) return out;
    no_quote.push_back(opened);
  }
}

struct Context {
  bool scopes;  // a scope list (else another setting's)
  Kind kind;
  int depth;    // bracket depth where it began
  bool open;    // ends at the next key or heading (YAML, a heading), not at a closing bracket
};

// "Required for reads:", "Optional:": a heading that names a kind continues a scope list.
Kind kind_in(std::string_view words) {
  return mentions(words, "optional") ? Kind::Optional : mentions(words, "conditional") ? Kind::Conditional : Kind::Required;
}
bool kind_word(std::string_view words) { return kind_in(words) != Kind::Required || mentions(words, "required"); }

class Reader {
 public:
  Pasted out;

  void line(std::string_view text, std::size_t number) {
    n_ = number;
    const int depth_before = depth_;
    Scanned s = scan(text, block_);
    for (char c : s.code) depth_ += (c == '[' || c == '{' || c == '(') - (c == ']' || c == '}' || c == ')');
    if (depth_ < 0) depth_ = 0;
    std::size_t quoted_seen = 0;
    std::string v = strip_markup(s.code);
    std::string key;
    bool keyed = take_key(v, s.quoted, key, quoted_seen);
    bool commented_out = false;
    for (const auto& t : split_list(s.comment))
      commented_out = commented_out || (strong(t) && s.comment.find(t) != std::string::npos);
    bool has_text = false;
    for (std::size_t i = 0; i < v.size() && !has_text; ++i)
      has_text = alnum(v[i]) || v[i] == '\0' || static_cast<unsigned char>(v[i]) >= 0x80;
    if (!keyed && !has_text) {  // a comment, a blank line, punctuation
      if (trim(s.comment).empty()) return pop_closed();
      if (text.find_first_not_of(" \t") != std::string_view::npos && trim(text)[0] == '#' && mentions(s.comment, "scope") && !commented_out)
        heading(s.comment, depth_before);
      ignore(commented_out ? "commented out" : "comment");
      return pop_closed();
    }
    Kind kind = Kind::Required;
    bool scopes = true;
    if (keyed) {
      scopes = mentions(key, "scope") || (!has_text && in_scope_list() && kind_word(key));
      pop_open(depth_before);
      bool seen_before = seen_scope_list_;
      seen_scope_list_ = seen_scope_list_ || scopes;
      kind = kind_in(key);
      // `key: {`/`key = [` head their bracket; a bare `key:` heads what follows (another setting's only once a
      // scope list was seen: "Setup:" may introduce the scopes).
      if (depth_ > depth_before || (!has_text && (scopes || seen_before)))
        ctx_.push_back({scopes, kind, depth_before, depth_ == depth_before});
      if (!scopes) {
        ignore("other setting");
        return pop_closed();
      }
      if (depth_ > depth_before && v.find('\0') == std::string::npos) {  // `[]string{`: what follows the last opening bracket
        std::size_t open = v.find_last_of("[{(");
        if (open != std::string::npos) v = v.substr(open + 1);
      }
    } else {
      std::string t = trim(v);
      while (!t.empty() && (t.back() == '*' || t.back() == '_')) t = trim(t.substr(0, t.size() - 1));
      if (!t.empty() && t.back() == ':' && s.quoted.empty()) {  // "Add the following scopes:", "Optional scopes:"
        heading(t, depth_before);
        ignore("heading");
        return pop_closed();
      }
      if (!ctx_.empty()) scopes = ctx_.back().scopes, kind = ctx_.back().kind;
      if (!scopes) {
        ignore("not a scope list");
        return pop_closed();
      }
    }
    if (commented_out) ignore("commented out");
    bool quoted_here = v.find('\0') != std::string::npos;
    bool read = false, dropped = false;
    const char* why = "prose";
    if (quoted_here) {  // code: the strings are the names, the rest is syntax
      for (std::size_t q = quoted_seen; q < s.quoted.size(); ++q) group(s.quoted[q], kind, read, dropped, why, false);
    } else {
      std::size_t last = v.size();
      while (last && space(v[last - 1])) --last;
      std::string names = notes_out(v, kind);
      group(names, kind, read, dropped, why, last && (v[last - 1] == ',' || v[last - 1] == ';'));
    }
    if (dropped) ignore(read ? "words beside a scope" : why);
    pop_closed();
  }

 private:
  int block_ = 0, depth_ = 0;
  std::size_t n_ = 0;
  bool seen_scope_list_ = false;
  std::vector<Context> ctx_;
  std::vector<std::string_view> tokens_;  // group()'s, kept for its capacity

  void ignore(const char* reason) {
    if (out.ignored.size() < kMaxIgnored) out.ignored.push_back({n_, reason});
    else if (out.ignored.size() == kMaxIgnored) out.ignored.push_back({n_, "more ignored lines"});
  }
  void pop_open(int depth) {
    while (!ctx_.empty() && ctx_.back().open && ctx_.back().depth >= depth) ctx_.pop_back();
  }
  // The innermost list is a scope list (or nothing heads the lines yet: they are read as one).
  bool in_scope_list() const { return ctx_.empty() ? !seen_scope_list_ : ctx_.back().scopes; }
  void pop_closed() {
    while (!ctx_.empty() && !ctx_.back().open && ctx_.back().depth >= depth_) ctx_.pop_back();
  }
  // A heading about scopes heads a scope list; another one ("Add the redirect URI:") heads another list
  // once a scope list was headed before it (else it may well introduce the scopes: "Add these:").
  void heading(std::string_view words, int depth) {
    bool scopes = mentions(words, "scope") || (in_scope_list() && kind_word(words));
    pop_open(depth);
    if (scopes || seen_scope_list_) ctx_.push_back({scopes, kind_in(words), depth, true});
    seen_scope_list_ = seen_scope_list_ || scopes;
  }

  // Leading Markdown and declarations: "> ", "- ", "* ", "+ ", "• ", "1. ", "2) ", "[x] ", "export const ".
  std::string strip_markup(const std::string& code) {
    std::size_t i = 0;
    for (bool more = true; more;) {
      more = false;
      while (i < code.size() && space(code[i])) ++i;
      auto after = [&](std::size_t at) { return at >= code.size() || space(code[at]); };
      if (i < code.size() && code[i] == '>') { ++i; more = true; continue; }
      if (i < code.size() && in("-*+", code[i]) && after(i + 1)) { ++i; more = true; continue; }
      if (starts(code, i, "\xE2\x80\xA2") || starts(code, i, "\xC2\xB7")) { i += code[i] == '\xC2' ? 2 : 3; more = true; continue; }
      std::size_t d = i;
      while (d < code.size() && code[d] >= '0' && code[d] <= '9') ++d;
      if (d > i && d - i < 4 && d < code.size() && (code[d] == '.' || code[d] == ')') && after(d + 1)) { i = d + 1; more = true; continue; }
      if ((starts(code, i, "[ ]") || starts(code, i, "[x]") || starts(code, i, "[X]")) && after(i + 3)) { i += 3; more = true; continue; }
      for (const char* decl : {"export ", "const ", "let ", "var ", "val ", "final ", "static ", "public ", "private ", "readonly ", "def "})
        if (starts(code, i, decl)) { i += std::strlen(decl); more = true; }
    }
    return code.substr(i);
  }

  // `key:`, `key =`, `KEY=`, `'key' =>`, `key :=`, "Required scopes:", "**Scopes**:" (up to three words; one
  // word with '='); a quoted key ("scopes": [). On success v is what follows, after a type annotation.
  static bool take_key(std::string& v, const std::vector<std::string>& quoted, std::string& key, std::size_t& quoted_seen) {
    std::size_t i = 0, words = 0;
    while (i < v.size() && (v[i] == '*' || v[i] == '_' || v[i] == '$')) ++i;
    if (i < v.size() && v[i] == '\0') {
      if (quoted.empty()) return false;
      key = quoted[0];
      ++i;
      words = 1;
    } else {
      for (;;) {
        std::size_t w = i;
        while (i < v.size() && (alnum(v[i]) || v[i] == '_' || v[i] == '$' || (i > w && (v[i] == '-' || v[i] == '.')))) ++i;
        if (i == w || !(letter(v[w]) || v[w] == '_' || v[w] == '$')) return false;
        ++words;
        if (words < 3 && i + 1 < v.size() && v[i] == ' ' && letter(v[i + 1])) { ++i; continue; }
        break;
      }
      key = v.substr(0, i);
    }
    while (i < v.size() && (v[i] == '*' || v[i] == '_')) ++i;
    while (i < v.size() && space(v[i])) ++i;
    if (i >= v.size()) return false;
    std::size_t sep = i;
    bool dotted = key.find('.') != std::string::npos;  // config.scopes = ...; never `crm.objects.x.read: note`
    if (v[i] == ':' && !dotted && !starts(v, i, "://") && !starts(v, i, "::")) {
      ++i;
      if (i < v.size() && v[i] == '=') ++i;
    } else if (v[i] == '=' && words == 1 && !starts(v, i, "==") && key.back() != '.') {
      ++i;
      if (i < v.size() && v[i] == '>') ++i;
    } else {
      return false;
    }
    if (words > 1 && v.find_first_not_of(" \t", i) == std::string::npos) return false;  // "Add these:": a heading
    if (v[sep] == ':') {  // `scopes: string[] = [`: a type, then the value
      std::size_t eq = v.find('=', i);
      if (eq != std::string::npos && v.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_<>[]|. ", i) >= eq)
        i = eq + 1 + (eq + 1 < v.size() && v[eq + 1] == '>');
    }
    quoted_seen = 0;
    for (std::size_t k = 0; k < i; ++k) quoted_seen += v[k] == '\0';
    v = v.substr(i);
    return true;
  }

  // Notes in parentheses ("(standard scope)"; "(optional)" makes the line optional) and a description after
  // " - ", " — ", ": " are not names.
  static std::string notes_out(const std::string& line, Kind& kind) {
    std::string v;  // one pass: a long line of "((((", "()()" or "%w%w" stays linear
    std::size_t close = line.find(')');
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '(' && close != std::string::npos && close < i) close = line.find(')', i);
      if (line[i] == '%' && i + 1 < line.size() && in("wiWI", line[i + 1])) {  // %w[oauth tickets]
        v += ' ';
        ++i;
      } else if (line[i] == '(' && close != std::string::npos) {
        if (mentions(std::string_view(line).substr(i, close - i), "optional")) kind = Kind::Optional;
        v += ' ';
        i = close;
      } else {  // up to the next '(' or '%', whole
        std::size_t j = i + 1;
        while (j < line.size() && line[j] != '(' && line[j] != '%') ++j;
        v.append(line, i, j - i);
        i = j - 1;
      }
    }
    std::size_t first = v.find_first_not_of(" \t[{(");
    for (const char* cut : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", ": "}) {
      std::size_t at = v.find(cut, first == std::string::npos ? 0 : first);
      if (at != std::string::npos && first != std::string::npos && at > first) v = v.substr(0, at + (cut[0] == ':'));
    }
    bool table = v.find_first_not_of(" \t") != std::string::npos && v[v.find_first_not_of(" \t")] == '|';  // | name | note |
    if (table) v = v.substr(0, v.find('|', v.find('|') + 1));
    for (char& c : v)
      if (in("[]{}()*~", c) || (table && c == '|')) c = ' ';
    return v;
  }

  // The names of one group (a quoted string, or a line's text): all of them when no word is prose;
  // else only the dotted ones; a lone name is kept whatever its case unless a common word (typos are flagged).
  void group(const std::string& text, Kind kind, bool& read, bool& dropped, const char*& why, bool code) {
    std::vector<std::string_view>& tokens = tokens_;  // views into text: each name is copied once, when read
    tokens.clear();
    split_list_views(text, tokens);
    std::size_t kept = 0;
    for (auto t : tokens) {
      while (!t.empty() && in("`*_:.,!?'\"", t.back())) t.remove_suffix(1);
      while (!t.empty() && in("`*_'\"", t.front())) t.remove_prefix(1);
      if (t.size() > 1 && t[0] == ':' && t[1] != ':') t.remove_prefix(1);  // a Ruby symbol (:tickets); :::info stays
      bool any = false;
      for (char c : t) any = any || alnum(c) || static_cast<unsigned char>(c) >= 0x80;  // é: a letter, flagged
      if (any) tokens[kept++] = t;  // "---", "/", "=>" are punctuation
    }
    tokens.resize(kept);
    if (tokens.empty()) return;
    // Prose shows in common words, Capitalised words and sentence marks; other odd tokens (contacts|x) are
    // kept as names and flagged.
    bool prose = false, shaped_any = false;
    for (const auto t : tokens) {
      const bool is_shaped = shaped(t);
      bool word = is_shaped && !strong(t);
      bool capitalised = t.size() > 1 && t[0] >= 'A' && t[0] <= 'Z';  // and no other capital
      for (std::size_t i = 1; i < t.size() && capitalised; ++i) capitalised = !(t[i] >= 'A' && t[i] <= 'Z');
      shaped_any = shaped_any || is_shaped;
      prose = prose || any_in(t, "'?!") || (word && (capitalised || prose_word(t)));
    }
    if (tokens.size() == 1 && shaped(tokens[0]) && !prose_word(tokens[0]))  // "- Tickets": flagged, not dropped
      prose = false;
    for (const auto t : tokens) {
      if (reference(t, code)) {
        dropped = true;
        why = "not a scope name";
      } else if (!prose || strong(t)) {
        out.names.push_back({std::string(t), kind});
        read = true;
      } else {
        dropped = true;
      }
    }
    if (!shaped_any) why = "not a scope name";
  }
};
}  // namespace

Pasted read_pasted_list(std::string_view text) {
  Reader r;
  std::size_t number = 1;
  // Past kMaxScopes names the reading stops: the caller refuses the input (input-too-large) anyway.
  for (std::size_t start = 0; start <= text.size() && r.out.names.size() <= kMaxScopes; ++number) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    r.line(text.substr(start, end - start), number);
    start = end + 1;
  }
  return std::move(r.out);
}

}  // namespace tierscope
