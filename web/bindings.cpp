// The wasm module's boundary: three C functions over the public API (tierscope/api.hpp) only, no
// embind (its JS runtime alone was ~4 KB gzip of the 120 KB budget). JS (web/tierscope.js) writes
// each argument's UTF-8 bytes into memory from ts_malloc, calls ts_call with the function's number,
// reads the answer and frees the arguments. The answer is 9 uint32 {ok, json, json length, code,
// code length, error, error length, lists, lists length (in words; a coded report's name lists)}, valid
// until the next call. No C++ exception leaves ts_call.
#include <emscripten/emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "tierscope/api.hpp"

namespace {

// The functions JS calls by number (tierscope.js, TIERSCOPE_FUNCTIONS: same order).
enum Function {
  kCheckText, kCheckFields, kParseText, kListScopes, kRenderMarkdown, kCheckPair, kBuildUrls, kMigrate, kDiff,
  kCatalogInfo, kVersion
};

tierscope::Outcome dispatch(int fn, std::string_view a, std::string_view b, std::string_view c) {
  switch (fn) {
    case kCheckText: return tierscope::check_text(a, b);
    case kCheckFields: return tierscope::check_fields(a, b);
    case kParseText: return tierscope::parse_text(a);
    case kListScopes: return tierscope::list_scopes(a);
    case kRenderMarkdown: return tierscope::render_markdown(a);
    case kCheckPair: return tierscope::check_pair(a, b, c);
    case kBuildUrls: return tierscope::build_urls(a, b);
    case kMigrate: return tierscope::migrate(a);
    case kDiff: return tierscope::diff(a, b, c);
    case kCatalogInfo: return {true, tierscope::catalog_info(), "", ""};
    case kVersion: return {true, tierscope::version(), "", ""};
    default: return {false, "", "internal-error", "unknown function " + std::to_string(fn)};
  }
}

tierscope::Outcome last;       // the last answer: its strings stay alive until the next call
std::uint32_t answer[9] = {};  // {ok, json, length, code, length, error, length, lists, length}

std::uint32_t address(const std::string& s) { return std::uint32_t(reinterpret_cast<std::uintptr_t>(s.data())); }

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void* ts_malloc(std::size_t n) { return std::malloc(n ? n : 1); }
EMSCRIPTEN_KEEPALIVE void ts_free(void* p) { std::free(p); }

EMSCRIPTEN_KEEPALIVE const std::uint32_t* ts_call(int fn, const char* a, std::size_t an, const char* b, std::size_t bn,
                                                  const char* c, std::size_t cn) {
  // The API is noexcept, but building the answer can still fail (out of memory): never let a C++
  // exception reach JS (with -fwasm-exceptions it would be an opaque WebAssembly.Exception).
  // fn + 256: the check report as compact JSON text (check() parses it at once; checkJson() keeps the
  // indented text): fewer bytes to write, decode and parse. fn + 512: in the coded form (the report's name
  // lists as numbers, their words in answer[7..8]; check() puts the names back): 115 KB of text -> 30 KB
  // for 100 scopes.
  tierscope::set_compact_reports((fn & 256) != 0);
  tierscope::set_coded_reports((fn & 512) != 0);
  try {
    last = dispatch(fn & 255, {a ? a : "", an}, {b ? b : "", bn}, {c ? c : "", cn});
  } catch (const std::bad_alloc&) {
    last = {false, "", "internal-error", "out of memory in the wasm module"};
  } catch (...) {
    last = {false, "", "internal-error", "internal error"};
  }
  answer[0] = last.ok ? 1 : 0;
  answer[1] = address(last.json);
  answer[2] = std::uint32_t(last.json.size());
  answer[3] = address(last.error_code);
  answer[4] = std::uint32_t(last.error_code.size());
  answer[5] = address(last.error);
  answer[6] = std::uint32_t(last.error.size());
  const auto lists = (fn & 512) != 0 && last.ok ? tierscope::coded_report_lists() : std::pair<const std::uint32_t*, std::size_t>{};
  answer[7] = std::uint32_t(reinterpret_cast<std::uintptr_t>(lists.first));
  answer[8] = std::uint32_t(lists.second);
  return answer;
}

}  // extern "C"
