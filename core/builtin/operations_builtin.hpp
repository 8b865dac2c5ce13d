// The operations table compiled in (data/api-operations.json): linked only by the native CLI, the
// unit tests and the calls wasm module, never by the main wasm module (its size budget).
#pragma once
#include <string_view>

namespace tierscope {
std::string_view builtin_operations_json();
}
