// embind bindings over the public API (tierscope/api.hpp) only. Every function takes and returns
// plain strings (JS strings or Uint8Array bytes in, a small {ok, json, code, error} object out), so no
// embind handle ever reaches JS. The JS API (web/tierscope.js) turns ok == false into an Error.
#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <string>
#include <utility>

#include "tierscope/api.hpp"

namespace {

struct Result {
  bool ok = false;
  std::string json;
  std::string code;
  std::string error;
};

Result from(tierscope::Outcome&& o) {
  Result r;
  r.ok = o.ok;
  r.json = std::move(o.json);
  r.code = std::move(o.error_code);
  r.error = std::move(o.error);
  return r;
}

// The API is noexcept, but copying strings across the boundary can still fail (out of memory):
// never let a C++ exception reach JS (with -fwasm-exceptions it would be an opaque WebAssembly.Exception).
// One try/catch for all bindings (one per lambda would cost module size).
Result run_guarded(tierscope::Outcome (*call)(const void*), const void* f) {
  try {
    return from(call(f));
  } catch (const std::bad_alloc&) {
    return Result{false, "", "internal-error", "out of memory in the wasm module"};
  } catch (const std::exception& e) {
    return Result{false, "", "internal-error", std::string("internal error: ") + e.what()};
  } catch (...) {
    return Result{false, "", "internal-error", "internal error"};
  }
}

template <typename F>
Result guarded(const F& f) {
  return run_guarded([](const void* p) { return (*static_cast<const F*>(p))(); }, &f);
}

Result check_text(const std::string& text, const std::string& options) {
  return guarded([&] { return tierscope::check_text(text, options); });
}
Result check_fields(const std::string& fields, const std::string& options) {
  return guarded([&] { return tierscope::check_fields(fields, options); });
}
Result parse_text(const std::string& text) {
  return guarded([&] { return tierscope::parse_text(text); });
}
Result list_scopes(const std::string& filter) {
  return guarded([&] { return tierscope::list_scopes(filter); });
}
Result render_markdown(const std::string& report) {
  return guarded([&] { return tierscope::render_markdown(report); });
}
Result check_pair(const std::string& config, const std::string& url, const std::string& options) {
  return guarded([&] { return tierscope::check_pair(config, url, options); });
}
Result build_urls(const std::string& config, const std::string& options) {
  return guarded([&] { return tierscope::build_urls(config, options); });
}
Result migrate(const std::string& text) {
  return guarded([&] { return tierscope::migrate(text); });
}
Result diff(const std::string& before, const std::string& after, const std::string& options) {
  return guarded([&] { return tierscope::diff(before, after, options); });
}
std::string catalog_info() { return tierscope::catalog_info(); }
std::string version() { return tierscope::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(tierscope) {
  emscripten::value_object<Result>("Result")
      .field("ok", &Result::ok)
      .field("json", &Result::json)
      .field("code", &Result::code)
      .field("error", &Result::error);
  emscripten::function("checkText", &check_text);
  emscripten::function("checkFields", &check_fields);
  emscripten::function("parseText", &parse_text);
  emscripten::function("listScopes", &list_scopes);
  emscripten::function("renderMarkdown", &render_markdown);
  emscripten::function("checkPair", &check_pair);
  emscripten::function("buildUrls", &build_urls);
  emscripten::function("migrate", &migrate);
  emscripten::function("diff", &diff);
  emscripten::function("catalogInfo", &catalog_info);
  emscripten::function("version", &version);
}
