// The project rules compiled in (data/sources/project-rules.json): linked by the native CLI and the
// unit tests, never by the main wasm module (the page loads the file itself).
#pragma once
#include <string_view>

namespace tierscope {
std::string_view builtin_project_rules_json();
std::string_view builtin_client_methods_json();  // data/client-methods.json
}
