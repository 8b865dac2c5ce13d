// The public API: every entry point catches everything, so no exception leaves the core.
#include "tierscope/api.hpp"

#include <algorithm>
#include <stdexcept>

#include <memory>
#include <new>

#include "calls/calls.hpp"
#include "explain/explain.hpp"
#include "input/install_url.hpp"
#include "report/markdown.hpp"
#include "evaluate/migrate.hpp"
#include "calls/operations.hpp"
#include "report/report.hpp"
#include "project/project.hpp"
#include "project/scan.hpp"
#include "text.hpp"

namespace tierscope {
namespace {

// One try/catch for every entry point (not one per lambda: the wasm module stays small).
Outcome run_guarded(std::string (*call)(const void*), const void* f) noexcept {
  try {
    return {true, call(f), "", ""};
  } catch (const InputError& e) {
    return {false, "", e.code, e.what()};
  } catch (const std::bad_alloc&) {
    return {false, "", "input-too-large", "out of memory while reading the input"};
  } catch (const std::exception& e) {
    return {false, "", "internal-error", escape_controls(std::string("internal error: ") + e.what())};
  } catch (...) {
    return {false, "", "internal-error", "internal error"};
  }
}

template <class F>
Outcome guarded(const F& f) noexcept {
  return run_guarded([](const void* p) { return (*static_cast<const F*>(p))(); }, &f);
}

// Reads one of several inputs, naming it in any error ("the install URL: invalid ...").
RawInput read_named(std::string_view text, const std::string& name) {
  try {
    return read_input(text);
  } catch (const InputError& e) {
    throw InputError(e.code, name + ": " + e.what());
  }
}

thread_local bool coded_reports = false;  // set_coded_reports

std::string check(const RawInput& in, std::string_view options_json) {
  auto catalog = current_catalog();
  Options o = read_options(options_json, *catalog->model);
  Request req = build_request(in, *catalog);
  check_url_alone(in, req);
  Evaluation ev = evaluate(req, *catalog, o);
  return report_text(in, req, ev, o, *catalog, nullptr, coded_reports);
}
}  // namespace

Outcome check_text(std::string_view text, std::string_view options_json) noexcept {
  return guarded([&] { return check(read_input(text), options_json); });
}

Outcome check_fields(std::string_view fields_json, std::string_view options_json) noexcept {
  return guarded([&] { return check(read_fields(fields_json), options_json); });
}

Outcome check_pair(std::string_view config_text, std::string_view url_text, std::string_view options_json) noexcept {
  return guarded([&] {
    RawInput config = read_named(config_text, "the app config"), url = read_named(url_text, "the install URL");
    UrlCheck uc = check_url_against_config(config, url);
    auto catalog = current_catalog();
    Options o = read_options(options_json, *catalog->model);
    Request req = build_request(uc.evaluated, *catalog);
    if (std::find(uc.rules_failed.begin(), uc.rules_failed.end(), 6) != uc.rules_failed.end())  // rule 6 says it
      req.diagnostics.erase(std::remove_if(req.diagnostics.begin(), req.diagnostics.end(),
                                           [](const Diagnostic& d) { return d.code == "missing-oauth"; }),
                            req.diagnostics.end());
    req.diagnostics.insert(req.diagnostics.begin(), uc.diagnostics.begin(), uc.diagnostics.end());
    req.url_rejection = uc.rejection;
    Evaluation ev = evaluate(req, *catalog, o);
    uc.evaluated.format = "config+url";  // the report's input: an app config checked with its install URL
    return report_text(uc.evaluated, req, ev, o, *catalog, &uc, coded_reports);
  });
}

Outcome build_urls(std::string_view config_text, std::string_view options_json) noexcept {
  return guarded([&] {
    RawInput config = read_input(config_text);
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    if (options_json.find_first_not_of(" \t\r\n") != std::string_view::npos) options = tierscope::options_json(options_json);
    if (!options.is_object()) throw InputError("bad-options", "options: must be an object");
    ojson out = {{"schema_version", kSchemaVersion}};
    out.update(tierscope::build_urls(config, options));
    return dump(out);
  });
}

Outcome migrate(std::string_view text) noexcept {
  return guarded([&] { return dump(migrate_json(read_input(text))); });
}

Outcome diff(std::string_view before_text, std::string_view after_text, std::string_view options_json) noexcept {
  return guarded([&] {
    Options o = read_options(options_json, *current_catalog()->model);
    return dump(diff_json(read_named(before_text, "before"), read_named(after_text, "after"), o));
  });
}

Outcome calls(std::string_view calls_text, std::string_view config_text, std::string_view options_json) noexcept {
  return guarded([&] { return tierscope::calls_text(calls_text, config_text, read_options(options_json, *current_catalog()->model)); });
}

Outcome explain(std::string_view text, std::string_view config_text, std::string_view options_json) noexcept {
  return guarded([&] { return dump(explain_json(text, config_text, read_options(options_json, *current_catalog()->model))); });
}

Outcome error_wordings() noexcept {
  return guarded([] { return dump(tierscope::wordings_table()); });
}

struct CallsHarReader::Impl {
  HarCalls har;
  Outcome failed;  // ok == false once a piece could not be read
  bool broken = false;
  std::unique_ptr<CallsInput> read;  // the calls, once finish() has ended the file
};

CallsHarReader::CallsHarReader() : impl_(new (std::nothrow) Impl) {}
CallsHarReader::~CallsHarReader() { delete impl_; }

unsigned long long CallsHarReader::bytes() const noexcept { return impl_ ? impl_->har.bytes() : 0; }

Outcome CallsHarReader::feed(std::string_view piece) noexcept {
  if (!impl_) return {false, "", "internal-error", "out of memory"};
  if (impl_->broken) return impl_->failed;
  if (impl_->read) return {false, "", "internal-error", "the HAR file was already read to its end (finish)"};
  Outcome o = guarded([&] {
    impl_->har.feed(piece);
    return std::string();
  });
  if (!o.ok) impl_->broken = true, impl_->failed = o;
  return o;
}

Outcome CallsHarReader::finish(std::string_view config_text, std::string_view options_json) noexcept {
  if (!impl_) return {false, "", "internal-error", "out of memory"};
  if (impl_->broken) return impl_->failed;
  if (!impl_->read) {  // the end of the file: read once; a HAR that is not one breaks the reader
    Outcome o = guarded([&] {
      impl_->read = std::make_unique<CallsInput>(impl_->har.finish());
      return std::string();
    });
    if (!o.ok) {
      impl_->broken = true, impl_->failed = o;
      return o;
    }
  }
  // Each finish() answers for the same calls: another config or options need no second read.
  return guarded([&] {
    loaded_operations();
    return calls_text_from(*impl_->read, config_text, read_options(options_json, *current_catalog()->model));
  });
}

Outcome check_project(std::string_view files_json, std::string_view options_json) noexcept {
  return guarded([&] {
    ProjectFiles files = read_project_files(files_json);
    return dump(project_json(files, read_options(options_json, *current_catalog()->model)));
  });
}

Outcome diff_projects(std::string_view before_json, std::string_view after_json, std::string_view options_json) noexcept {
  return guarded([&] {
    Options o = read_options(options_json, *current_catalog()->model);
    return dump(project_diff_json(read_project_files(before_json, ProjectPart::Configs),
                                  read_project_files(after_json, ProjectPart::Configs), o));
  });
}

Outcome scan_calls(std::string_view files_json, std::string_view config_text, std::string_view options_json) noexcept {
  return guarded([&] {
    Options o = read_options(options_json, *current_catalog()->model);
    return dump(scan_calls_json(read_project_files(files_json, ProjectPart::Sources), config_text, o));
  });
}

Outcome load_client_methods(std::string_view client_methods_json) noexcept {
  return guarded([&] {
    if (client_methods_json.size() > kMaxCatalogBytes) throw InputError("input-too-large", "the client methods are larger than 16 MiB");
    set_client_methods_json(client_methods_json);
    return dump(client_methods_info());
  });
}

Outcome load_project_rules(std::string_view rules_json) noexcept {
  return guarded([&] {
    check_text(rules_json, "the project rules");
    auto rules = read_project_rules(rules_json);
    set_project_rules(rules);
    std::string versions;
    ojson list = ojson::array();
    for (const auto& v : (*rules)["platform_versions"]) list.push_back(v["version"]);
    return dump(ojson{{"as_of", (*rules).value("as_of", "")}, {"platform_versions", list}});
  });
}

Outcome load_operations(std::string_view operations_json) noexcept {
  return guarded([&] {
    if (operations_json.size() > 16 * kMaxInputBytes)
      throw InputError("input-too-large", "the operations table is larger than 16 MiB");
    auto table = Operations::from_json(operations_json);
    set_current_operations(table);
    return dump(ojson{{"operations", table->ops.size()}, {"commit", table->commit}});
  });
}

Outcome parse_text(std::string_view text) noexcept {
  return guarded([&] {
    RawInput in = read_input(text);
    Request req = build_request(in, *current_catalog());
    ojson j;
    j["schema_version"] = kSchemaVersion;
    j["format"] = in.format;
    j["app_name"] = in.app_name.empty() ? ojson(nullptr) : ojson(in.app_name);
    j["request"] = request_json(req);
    j["diagnostics"] = diagnostics_json(req.diagnostics);
    return dump(j);
  });
}

Outcome list_scopes(std::string_view filter) noexcept {
  return guarded([&] {
    check_text(filter, "the filter");
    std::string f = ascii_lower(trim(filter));
    auto catalog = current_catalog();
    ojson arr = ojson::array();
    for (const auto& s : catalog->scopes) {
      std::string hay = ascii_lower(s.name + "\n" + s.area + "\n" + s.tier_text);
      if (f.empty() || hay.find(f) != std::string::npos) arr.push_back(scope_entry_json(s));
    }
    return dump(arr);
  });
}

Outcome render_markdown(std::string_view report_json) noexcept {
  return guarded([&] {
    check_text(report_json, "the report");
    return markdown_report(parse_json(report_json, "the report"));
  });
}

Outcome load_catalog(std::string_view catalog_json) noexcept {
  return guarded([&] {
    if (catalog_json.size() > kMaxCatalogBytes)
      throw InputError("input-too-large", "the catalog is larger than 16 MiB");
    // The reading checks of any input first (NUL, UTF-8, nesting depth, numbers), with line and column.
    if (auto nul = catalog_json.find('\0'); nul != std::string_view::npos)
      throw InputError("parse-error", "the catalog has a NUL byte at byte offset " + std::to_string(nul));
    if (auto bad = invalid_utf8_at(catalog_json))
      throw InputError("parse-error", "the catalog is not valid UTF-8 at byte offset " + std::to_string(*bad));
    parse_json(catalog_json, "the catalog");
    std::shared_ptr<const Catalog> cat;
    try {
      cat = Catalog::from_json(std::string(catalog_json));
    } catch (const nlohmann::ordered_json::exception& e) {  // a field of another type than the format says
      std::string msg = e.what();
      auto close = msg.find("] ");
      throw InputError("parse-error", "catalog: " + (close == std::string::npos ? msg : msg.substr(close + 2)));
    } catch (const std::runtime_error& e) {
      throw InputError("parse-error", e.what());
    }
    set_current_catalog(cat);
    return catalog_info();
  });
}

std::string catalog_info() noexcept {
  try {
    return dump(catalog_info_json(*current_catalog()));
  } catch (...) {
    return "{}";
  }
}

std::string version() noexcept { return TIERSCOPE_VERSION; }

void set_compact_reports(bool on) noexcept { set_compact_json(on); }
void set_coded_reports(bool on) noexcept { coded_reports = on; }
std::pair<const std::uint32_t*, std::size_t> coded_report_lists() noexcept {
  const auto& words = coded_lists();
  return {words.data(), words.size()};
}

}  // namespace tierscope
