#include "calls/calls_input.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "input/input.hpp"
#include "calls/har_stream.hpp"
#include "calls/operations.hpp"
#include "text.hpp"

namespace tierscope {
namespace {
using json = nlohmann::ordered_json;

const char* const kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"};

bool known_method(const std::string& m) {
  for (const char* k : kMethods)
    if (m == k) return true;
  return false;
}

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

class Reader {
 public:
  explicit Reader(CallsInput& in) : in_(in) {}

  // target: a URL, host/path or /path. Returns "" when taken, else why the target is not a call.
  std::string add(std::size_t line, std::string method, bool assumed, std::string target) {
    if (target.size() >= 2 && (target.front() == '"' || target.front() == '\'' || target.front() == '`') &&
        target.back() == target.front())
      target = target.substr(1, target.size() - 2);
    std::string host, rest = target;
    std::string lower = ascii_lower(target.substr(0, 8));
    auto scheme = target.find("://");
    if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) {
      rest = target.substr(scheme + 3);
    } else if (target.empty() || target[0] != '/') {
      std::string first = ascii_lower(target.substr(0, target.find('/')));
      if (first.find('.') == std::string::npos || target.find('/') == std::string::npos)
        return "expected METHOD /path or a URL, not " + quote_name(target);
    }
    if (rest.empty() || rest[0] != '/') {
      auto slash = rest.find_first_of("/?#");
      host = ascii_lower(rest.substr(0, slash));
      auto at = host.rfind('@');
      if (at != std::string::npos) host = host.substr(at + 1);
      auto colon = host.find(':');
      if (colon != std::string::npos) host = host.substr(0, colon);
      rest = slash == std::string::npos ? "" : rest.substr(slash);
    }
    if (!host.empty() && !hubspot_api_host(host)) {
      ++in_.other_hosts;
      if (other_distinct_.insert(host).second && other_.size() < 3) other_.push_back(host);
      return "";
    }
    std::string path = rest.substr(0, rest.find_first_of("?#"));
    Call c;
    c.line = line;
    c.method = method;
    c.method_assumed = assumed;
    c.host = host;
    std::size_t start = 0;
    while (start < path.size()) {
      std::size_t slash = path.find('/', start);
      std::string seg = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (!seg.empty()) c.segments.push_back(template_like(seg) ? seg : ascii_lower(seg));
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    if (c.segments.empty()) return "no API path in " + quote_name(target);
    for (const auto& s : c.segments) c.path += "/" + s;
    std::string key = c.method + " " + c.path;
    auto it = seen_.find(key);
    if (it != seen_.end()) {
      ++in_.calls[it->second].count;
      return "";
    }
    if (in_.calls.size() >= kMaxCalls) {
      if (!capped_)
        in_.diagnostics.push_back({"warning", "too-many-calls", "",
                                   "More than " + std::to_string(kMaxCalls) +
                                       " distinct calls: the rest were left out (line or entry " + std::to_string(line) + " on).",
                                   "", {}});
      capped_ = true;
      return "";
    }
    seen_[key] = in_.calls.size();
    in_.calls.push_back(std::move(c));
    return "";
  }

  void bad_line(std::size_t line, const std::string& why) {
    if (++bad_ > 20) return;  // the first 20 are enough to see the pattern
    in_.diagnostics.push_back({"warning", "bad-line", "", "Line " + std::to_string(line) + ": " + escape_controls(why) + " (left out).", "", {}});
  }

  void finish() {
    if (bad_ > 20)
      in_.diagnostics.push_back({"warning", "bad-line", "", std::to_string(bad_ - 20) + " more lines could not be read.", "", {}});
    if (in_.other_hosts)
      in_.diagnostics.push_back({"info", "other-hosts", "",
                                 std::to_string(in_.other_hosts) + " request" + (in_.other_hosts == 1 ? "" : "s") +
                                     " to hosts other than HubSpot's API " + (in_.other_hosts == 1 ? "was" : "were") + " left out (" + escape_controls(join(other_, ", ")) +
                                     (other_distinct_.size() > other_.size() ? ", ..." : "") + ").",
                                 "", {}});
    if (in_.calls.empty())
      in_.diagnostics.push_back({"warning", "no-calls", "",
                                 "No HubSpot API call was found: give lines such as GET /crm/v3/objects/contacts, "
                                 "URLs on api.hubapi.com, or a HAR file.",
                                 "", {}});
  }

 private:
  static bool template_like(const std::string& s) { return template_segment(s); }
  CallsInput& in_;
  std::map<std::string, std::size_t> seen_;
  std::vector<std::string> other_;
  std::set<std::string> other_distinct_;
  std::size_t bad_ = 0;
  bool capped_ = false;
};

// A shell word without its quotes (a quoted URL with spaces in it is split: each part loses its quote).
std::string unquote(std::string t) {
  if (!t.empty() && (t.front() == '"' || t.front() == '\'')) t.erase(0, 1);
  if (!t.empty() && (t.back() == '"' || t.back() == '\'')) t.pop_back();
  return t;
}

// A curl command line (as in API docs and shell scripts): -X/--request gives the method, a data
// option without one means POST, the URL is the first http(s) argument.
void read_curl(Reader& r, const std::vector<std::string>& tokens, std::size_t n) {
  std::string method, url;
  bool data = false;
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    std::string t = unquote(tokens[i]);
    if ((t == "-X" || t == "--request") && i + 1 < tokens.size()) method = upper(unquote(tokens[++i]));
    else if (t.rfind("-X", 0) == 0 && t.size() > 2 && t[2] != '-') method = upper(t.substr(2));
    else if (t == "-d" || t.rfind("--data", 0) == 0 || t == "--json" || t == "-F" || t == "--form") data = true;
    else if (t == "-I" || t == "--head") method = "GET";
    else if (url.empty() && (ascii_lower(t).rfind("http://", 0) == 0 || ascii_lower(t).rfind("https://", 0) == 0)) url = t;
  }
  if (url.empty()) return r.bad_line(n, "a curl command without an http(s) URL");
  if (method.empty()) method = data ? "POST" : "GET";
  if (!known_method(method)) return r.bad_line(n, "unknown HTTP method " + quote_name(method));
  if (method == "OPTIONS") return;
  std::string why = r.add(n, method == "HEAD" ? "GET" : method, false, url);
  if (!why.empty()) r.bad_line(n, why);
}

void read_line(Reader& r, std::string_view raw, std::size_t n) {
  std::string line = trim(raw);
  if (line.empty() || line[0] == '#' || line.rfind("//", 0) == 0) return;
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t j = line.find_first_of(" \t", i);
    if (j != i) tokens.push_back(line.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + 1;
  }
  std::string first = upper(tokens[0]);
  std::string method = "GET", target = tokens[0];
  bool assumed = true;
  if (first == "CURL") return read_curl(r, tokens, n);
  if (known_method(first)) {
    if (tokens.size() < 2) return r.bad_line(n, tokens[0] + " without a path");
    method = first == "HEAD" ? "GET" : first;
    target = tokens[1];
    assumed = false;
    if (first == "OPTIONS") return;  // a CORS preflight, not an API call
  } else if (first.size() >= 3 && first.size() <= 7 && first.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos &&
             tokens.size() >= 2) {
    return r.bad_line(n, "unknown HTTP method " + quote_name(tokens[0]));
  }
  std::string why = r.add(n, method, assumed, target);
  if (!why.empty()) r.bad_line(n, why);
}

// A HAR file read event by event: only log.entries[].request.{method,url} are kept, so a large
// file costs little memory, and a file cut off mid-way still gives the entries before the cut.
class HarSax : public nlohmann::json_sax<json> {
 public:
  enum Role { Other, Root, Log, Entries, Entry, RequestObj };
  struct Frame {
    Role role;
    bool object;
    std::string key;
  };
  std::vector<Frame> stack;
  bool saw_log = false, saw_entries = false;
  std::size_t entries = 0;
  std::string method, url;
  struct Found {
    std::size_t entry;
    std::string method, url;
  };
  std::vector<Found> found;
  std::string error;
  std::size_t error_at = 0;
  bool too_deep = false;

  bool push(bool object) {
    if (stack.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      too_deep = true;
      return false;
    }
    Role role = Other;
    if (stack.empty()) role = object ? Root : Other;
    else {
      const Frame& p = stack.back();
      if (p.role == Root && p.key == "log" && object) role = Log, saw_log = true;
      else if (p.role == Log && p.key == "entries" && !object) role = Entries, saw_entries = true;
      else if (p.role == Entries && object) role = Entry, method.clear(), url.clear(), ++entries;
      else if (p.role == Entry && p.key == "request" && object) role = RequestObj;
    }
    stack.push_back({role, object, ""});
    return true;
  }
  bool pop() {
    if (stack.back().role == Entry && !url.empty()) found.push_back({entries, method, url});
    stack.pop_back();
    return true;
  }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t& v) override {
    if (!stack.empty() && stack.back().role == RequestObj) {
      if (stack.back().key == "method") method = v;
      else if (stack.back().key == "url") url = v;
    }
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return push(true); }
  bool key(string_t& k) override {
    stack.back().key = k;
    return true;
  }
  bool end_object() override { return pop(); }
  bool start_array(std::size_t) override { return push(false); }
  bool end_array() override { return pop(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    error_at = position;
    std::string msg = ex.what();
    auto pos = msg.find(" - ");
    error = pos == std::string::npos ? msg : msg.substr(pos + 3);
    return false;
  }
};

// One HAR entry's request: its method and URL (the query string is dropped by Reader::add).
void add_entry(Reader& r, std::size_t entry, const std::string& raw_method, const std::string& url) {
  std::string method = upper(raw_method);
  if (method == "OPTIONS") return;
  if (method == "HEAD") method = "GET";
  if (!known_method(method)) return r.bad_line(entry, "entry " + std::to_string(entry) + " has no known HTTP method");
  if (invalid_utf8_at(url)) return r.bad_line(entry, "entry " + std::to_string(entry) + " has a URL that is not valid UTF-8");
  std::string why = r.add(entry, method, false, url);
  if (!why.empty()) r.bad_line(entry, "entry " + std::to_string(entry) + ": " + why);
}

void read_har(CallsInput& in, Reader& r, std::string_view text) {
  in.format = "har";
  HarSax sax;
  bool ok = json::sax_parse(text.begin(), text.end(), &sax);
  auto [line, col] = line_column(text, std::min(sax.error_at > 0 ? sax.error_at - 1 : 0, text.size()));
  std::string where = "line " + std::to_string(line) + ", column " + std::to_string(col);
  if (sax.too_deep)
    throw InputError("parse-error", "the HAR file: JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
  bool truncated = !ok && sax.error_at >= text.size();
  if (!ok && !truncated) throw InputError("parse-error", "the HAR file: invalid JSON at " + where + ": " + sax.error);
  if (!sax.saw_log || (!truncated && !sax.saw_entries))
    throw InputError("parse-error", truncated && !sax.saw_log
                                        ? "the input ends before its JSON is complete (" + where + ") and has no HAR log"
                                        : "JSON input for calls must be a HAR file: an object with log.entries "
                                          "(export it from the browser's network panel)");
  for (const auto& f : sax.found) add_entry(r, f.entry, f.method, f.url);
  if (truncated)
    in.diagnostics.insert(in.diagnostics.begin(),
                          {"warning", "truncated-har", "",
                           "The HAR file is cut off (its JSON ends at " + where + " before it is complete): the " +
                               std::to_string(sax.found.size()) + " complete request" + (sax.found.size() == 1 ? "" : "s") +
                               " before the cut were read, any after it are missing. Export the HAR again.",
                           "", {}});
}
}  // namespace

struct HarCalls::Impl {
  CallsInput in;
  Reader r{in};
  HarStream stream;
};

HarCalls::HarCalls() : impl_(new Impl) { impl_->in.format = "har"; }
HarCalls::~HarCalls() = default;

void HarCalls::feed(std::string_view chunk) {
  impl_->stream.feed(chunk);
  for (const auto& f : impl_->stream.take()) add_entry(impl_->r, f.entry, f.method, f.url);
}

std::uint64_t HarCalls::bytes() const { return impl_->stream.bytes(); }

CallsInput HarCalls::finish() {
  HarStream::End end = impl_->stream.end();
  for (const auto& f : impl_->stream.take()) add_entry(impl_->r, f.entry, f.method, f.url);
  impl_->r.finish();
  CallsInput& in = impl_->in;
  if (end.truncated)
    in.diagnostics.insert(in.diagnostics.begin(),
                          {"warning", "truncated-har", "",
                           "The HAR file is cut off (its JSON ends at byte " + std::to_string(end.bytes) +
                               " before it is complete): the complete requests before the cut were read, any after it are "
                               "missing. Export the HAR again.",
                           "", {}});
  return std::move(in);
}

bool hubspot_api_host(std::string_view h) {
  std::string host = ascii_lower(h);
  if (host == "api.hubapi.com" || host == "api.hubspot.com") return true;
  for (const char* domain : {".hubapi.com", ".hubspot.com"}) {
    std::string d = domain;
    if (host.size() > d.size() + 4 && host.compare(host.size() - d.size(), d.size(), d) == 0 && host.rfind("api-", 0) == 0) {
      std::string region = host.substr(4, host.size() - d.size() - 4);
      if (!region.empty() && region.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos) return true;
    }
  }
  return false;
}

CallsInput read_calls(std::string_view text) {
  if (text.size() > kMaxCallsInputBytes)
    throw InputError("input-too-large", "the calls are " + std::to_string(text.size()) + " bytes; the limit is " +
                                            std::to_string(kMaxCallsInputBytes) + " bytes (16 MiB)");
  // The shared checks (NUL, UTF-8) on at most 1 MiB at a time: a HAR may be larger than other inputs.
  for (std::size_t off = 0; off < text.size(); off += kMaxInputBytes) {
    std::string_view part = text.substr(off, kMaxInputBytes + 3);  // +3: a sequence across the boundary
    if (auto nul = part.substr(0, kMaxInputBytes).find('\0'); nul != std::string_view::npos) {
      auto [l, c] = line_column(text, off + nul);
      throw InputError("parse-error", "the calls have a NUL byte at line " + std::to_string(l) + ", column " + std::to_string(c));
    }
    if (auto bad = invalid_utf8_at(part); bad && *bad < kMaxInputBytes) {
      auto [l, c] = line_column(text, off + *bad);
      throw InputError("parse-error", "the calls are not valid UTF-8 at line " + std::to_string(l) + ", column " + std::to_string(c));
    }
  }
  CallsInput in;
  Reader r(in);
  std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first != std::string_view::npos && text[first] == '{') {
    read_har(in, r, text);
  } else if (first != std::string_view::npos && text[first] == '[') {
    in.format = "list";
    if (text.size() > kMaxInputBytes) throw InputError("input-too-large", "a JSON list of calls is limited to 1 MiB");
    json doc = parse_json(text, "the calls");
    for (std::size_t i = 0; i < doc.size(); ++i) {
      if (!doc[i].is_string()) r.bad_line(i + 1, "item " + std::to_string(i + 1) + " is not a string");
      else read_line(r, doc[i].get<std::string>(), i + 1);
    }
  } else {
    in.format = "list";
    // A line ending in a backslash goes on (a shell command over several lines): one call, numbered
    // by its first line.
    std::size_t start = 0, n = 0, first = 0;
    std::string joined;
    while (start <= text.size()) {
      std::size_t end = text.find('\n', start);
      std::string line = trim(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
      ++n;
      if (joined.empty()) first = n;
      bool more = !line.empty() && line.back() == '\\' && end != std::string_view::npos;
      joined += more ? line.substr(0, line.size() - 1) + " " : line;
      // A curl command whose quoted -d body spans lines goes on until the quote closes.
      if (!more && end != std::string_view::npos && ascii_lower(joined.substr(0, 5)) == "curl " &&
          std::count(joined.begin(), joined.end(), '\'') % 2 == 1 && joined.size() < 65536) {
        more = true;
        joined += " ";
      }
      if (!more) {
        read_line(r, joined, first);
        joined.clear();
      }
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  }
  r.finish();
  return in;
}

}  // namespace tierscope
