// Reading what a user pastes: scope lists, install URLs and app config files, auto-detected.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "text.hpp"

namespace tierscope {

constexpr std::size_t kMaxInputBytes = 1 << 20;  // 1 MiB
constexpr std::size_t kMaxCatalogBytes = 16 * kMaxInputBytes;  // --catalog
constexpr std::size_t kMaxScopes = 2000;
constexpr std::size_t kMaxScopeName = 256;
constexpr int kMaxJsonDepth = 64;

// Input that cannot be read: code is "parse-error" or "input-too-large"; what() says what and where,
// in one line: control characters of quoted input are escaped (escape_controls, text.hpp).
struct InputError : std::runtime_error {
  InputError(std::string c, const std::string& message) : std::runtime_error(escape_controls(message)), code(std::move(c)) {}
  std::string code;
};

enum class Kind { Required = 0, Conditional = 1, Optional = 2 };
const char* kind_name(Kind k);  // required | conditional | optional

struct Entry {
  std::string name;  // as given, trimmed
  Kind kind;
};

struct Note {  // a diagnostic found while reading (code, severity, scope, message)
  std::string severity, code, scope, message;
};

struct Ignored {  // a line of a pasted list that held text but no scope read (docs/report.md, "Pasted lists")
  std::size_t line;
  std::string reason;
};

struct RawInput {
  std::string format = "list";  // list | install-url | app-hsmeta | public-app | private-app | connector | json-scopes
  std::string app_name, host, account_id, redirect_uri, client_id;
  std::vector<Entry> entries;
  std::vector<Note> notes;
  std::vector<std::string> placeholders;  // template placeholders read where scope names belong (entries too)
  bool comma_separated_url = false;  // the URL's scope values used commas (HubSpot rejects them)
  bool url_lacks_oauth = false;      // install-url: the scope parameter has no oauth (RULES.md rule 6)
  bool static_auth = false;          // app-hsmeta.json with config.auth.type "static"
  std::vector<std::string> static_ignored;  // static auth: the optional/conditional scopes left out (as given)
  std::vector<Ignored> ignored;      // list only: lines with text but no scope read, and why
  std::string json_path;             // connector | json-scopes: where the scope list was read
};

// A request given as lists of names (required, then optional), as if read from a plain input.
RawInput from_lists(const std::vector<std::string>& required, const std::vector<std::string>& optional);
// Auto-detects and reads text. Throws InputError.
RawInput read_input(std::string_view text);
// Reads {"required", "conditional", "optional", "url"} (lists as arrays or strings). Throws InputError.
RawInput read_fields(std::string_view fields_json);
// Shared checks for any text handed to the core: size, NUL bytes, UTF-8. Throws InputError.
void check_text(std::string_view text, const char* what);
// Parses JSON text with no checks of its own (throws nlohmann's parse_error): for text the core wrote.
nlohmann::ordered_json json_document(std::string_view text);
// Parses JSON with a depth bound and line/column in errors. Throws InputError.
nlohmann::ordered_json parse_json(std::string_view text, const char* what);
// Options text (check, pair, diff, build_urls) as JSON: anything unreadable is InputError bad-options.
nlohmann::ordered_json options_json(std::string_view text);

}  // namespace tierscope
