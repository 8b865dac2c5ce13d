// The calls module (tierscope-calls.mjs + .wasm): `calls` of the public API with the operations
// table compiled in. A module of its own so that the main module's size budget never carries the
// table or the matching code: the JS API (tierscope.js, ts.calls) imports it the first time it is used.
#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "operations_builtin.hpp"
#include "project_rules_builtin.hpp"
#include "tierscope/api.hpp"

namespace {

struct Result {
  bool ok = false;
  std::string json, code, error;
};

// The operations table, loaded on first use (calls and the HAR reader share it).
const tierscope::Outcome& operations() {
  static const tierscope::Outcome loaded = tierscope::load_operations(tierscope::builtin_operations_json());
  return loaded;
}

Result calls(const std::string& text, const std::string& config, const std::string& options) {
  try {
    const tierscope::Outcome& loaded = operations();
    if (!loaded.ok) return {false, "", "internal-error", "the built-in operations table: " + loaded.error};
    tierscope::Outcome o = tierscope::calls(text, config, options);
    return {o.ok, std::move(o.json), std::move(o.error_code), std::move(o.error)};
  } catch (const std::bad_alloc&) {
    return {false, "", "internal-error", "out of memory in the wasm module"};
  } catch (...) {
    return {false, "", "internal-error", "internal error"};
  }
}

// A HAR file read in pieces (the page's File.stream()): each piece is written by JS straight into the
// reader's buffer in wasm memory (window(n): a Uint8Array over it; no embind string copy) and read
// from there (feedWindow(n); the JS API gives every piece as bytes, a string UTF-8 encoded). finish(config, options)
// for the report, again for another config. Only each request's method and URL are kept
// (tierscope::CallsHarReader). Bound as HarReaderCore: calls_project.js wraps it as HarReader (feed,
// finish, bytes, delete), which the JS API wraps and deletes.
class HarReader {
 public:
  // A view of n bytes of the buffer; valid until the next call into the module (memory may grow).
  emscripten::val window(unsigned n) {
    if (buffer_.size() != n) buffer_.resize(n);
    return emscripten::val(emscripten::typed_memory_view(buffer_.size(), reinterpret_cast<unsigned char*>(buffer_.data())));
  }
  Result feedWindow(unsigned n) {
    Result r = feed(std::string_view(buffer_.data(), n < buffer_.size() ? n : buffer_.size()));
    if (buffer_.size() > (8u << 20)) std::vector<char>().swap(buffer_);  // a huge piece is not kept for the next
    return r;
  }
  Result finish(const std::string& config, const std::string& options) {
    try {
      const tierscope::Outcome& loaded = operations();
      if (!loaded.ok) return {false, "", "internal-error", "the built-in operations table: " + loaded.error};
      return out(reader_.finish(config, options));
    } catch (...) {
      return {false, "", "internal-error", "internal error"};
    }
  }
  double bytes() const { return static_cast<double>(reader_.bytes()); }

 private:
  Result feed(std::string_view piece) {
    try {
      return out(reader_.feed(piece));
    } catch (...) {
      return {false, "", "internal-error", "internal error"};
    }
  }
  static Result out(tierscope::Outcome o) { return {o.ok, std::move(o.json), std::move(o.error_code), std::move(o.error)}; }
  tierscope::CallsHarReader reader_;
  std::vector<char> buffer_;
};

// explain (and its wordings) live here, not in the main module: ~16 KB gzip of code and data.
Result explain(const std::string& text, const std::string& config, const std::string& options) {
  try {
    tierscope::Outcome o = tierscope::explain(text, config, options);
    return {o.ok, std::move(o.json), std::move(o.error_code), std::move(o.error)};
  } catch (...) {
    return {false, "", "internal-error", "internal error"};
  }
}

Result error_wordings() {
  try {
    tierscope::Outcome o = tierscope::error_wordings();
    return {o.ok, std::move(o.json), std::move(o.error_code), std::move(o.error)};
  } catch (...) {
    return {false, "", "internal-error", "internal error"};
  }
}

// HubSpot developer projects (ts.checkProject, ts.diffProjects, ts.scanCalls): the project rules and
// the client-method table are compiled in here too, loaded with the operations table on first use.
tierscope::Outcome project_tables() {
  static const tierscope::Outcome loaded = [] {
    tierscope::Outcome o = tierscope::load_operations(tierscope::builtin_operations_json());
    if (o.ok) o = tierscope::load_project_rules(tierscope::builtin_project_rules_json());
    if (o.ok) o = tierscope::load_client_methods(tierscope::builtin_client_methods_json());
    return o;
  }();
  return loaded;
}

template <class F>
Result project(F&& f) {
  try {
    tierscope::Outcome loaded = project_tables();
    if (!loaded.ok) return {false, "", "internal-error", "the built-in project tables: " + loaded.error};
    tierscope::Outcome o = f();
    return {o.ok, std::move(o.json), std::move(o.error_code), std::move(o.error)};
  } catch (const std::bad_alloc&) {
    return {false, "", "internal-error", "out of memory in the wasm module"};
  } catch (...) {
    return {false, "", "internal-error", "internal error"};
  }
}

Result check_project(const std::string& files, const std::string& options) {
  return project([&] { return tierscope::check_project(files, options); });
}
Result diff_projects(const std::string& before, const std::string& after, const std::string& options) {
  return project([&] { return tierscope::diff_projects(before, after, options); });
}
Result scan_calls(const std::string& files, const std::string& config, const std::string& options) {
  return project([&] { return tierscope::scan_calls(files, config, options); });
}

std::string version() { return tierscope::version(); }

}  // namespace

EMSCRIPTEN_BINDINGS(tierscope_calls) {
  emscripten::value_object<Result>("Result")
      .field("ok", &Result::ok)
      .field("json", &Result::json)
      .field("code", &Result::code)
      .field("error", &Result::error);
  emscripten::function("calls", &calls);
  emscripten::class_<HarReader>("HarReaderCore")
      .constructor<>()
      .function("window", &HarReader::window)
      .function("feedWindow", &HarReader::feedWindow)
      .function("finish", &HarReader::finish)
      .function("bytes", &HarReader::bytes);
  emscripten::function("explain", &explain);
  emscripten::function("errorWordings", &error_wordings);
  // The files as one JSON text; web/calls_project.js (--post-js) adds checkProject, diffProjects and
  // scanCalls, which take them as {path: text} or [{path, text}].
  emscripten::function("checkProjectText", &check_project);
  emscripten::function("diffProjectsText", &diff_projects);
  emscripten::function("scanCallsText", &scan_calls);
  emscripten::function("version", &version);
}
