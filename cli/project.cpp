// HubSpot developer project folders for `check DIR` and `diff`: the folder walk (the core gets
// {path -> text}), the rules table, git revisions for `diff REV REV`, and the findings as text.
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifndef __EMSCRIPTEN__
#include <spawn.h>
#include <sys/wait.h>
#endif

#include "cli.hpp"
#include "input/input.hpp"
#include "project/project.hpp"
#include "project_rules_builtin.hpp"
#include "read_input.hpp"
#include "report/markdown.hpp"
#include "table.hpp"
#include "text.hpp"

#ifndef __EMSCRIPTEN__
extern char** environ;
#endif

namespace tierscope_cli {
namespace {
constexpr std::size_t kMaxFiles = 20000, kMaxDepth = 32, kMaxTotal = 64u << 20;

// Which folders and files are read: tierscope::project_file_read (the core's rule, the JS API's too).
struct Walk {
  std::string root;
  tierscope::ProjectPart part;
  ojson files = ojson::object();
  std::size_t total = 0, count = 0;
  void dir(const std::string& rel, std::size_t depth) {
    if (depth > kMaxDepth) throw Failure{root + ": folders nested deeper than " + std::to_string(kMaxDepth) + " levels at " + rel};
    std::string path = rel.empty() ? root : root + "/" + rel;
    DIR* d = ::opendir(path.c_str());
    if (!d) throw Failure{"cannot read " + path + ": " + std::strerror(errno)};
    std::vector<std::string> names;
    while (dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n != "." && n != "..") names.push_back(n);
    }
    ::closedir(d);
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      std::string r = rel.empty() ? n : rel + "/" + n, full = root + "/" + r;
      struct stat st {};
      if (::lstat(full.c_str(), &st) != 0) continue;  // vanished, or no rights: not part of the project
      if (S_ISDIR(st.st_mode)) {
        if (!tierscope::project_dir_skipped(n)) dir(r, depth + 1);
      } else if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) <= tierscope::kMaxInputBytes &&
                 tierscope::project_file_read(r, static_cast<std::size_t>(st.st_size), part)) {
        // symbolic links are not followed; files over 1 MiB (bundles, lock files) are no project config or app code
        if (++count > kMaxFiles)
          throw Failure{root + ": more than " + std::to_string(kMaxFiles) + " files to read (node_modules, .git, dist and build are skipped)"};
        std::string text = read_input(full, tierscope::kMaxInputBytes);
        total += text.size();
        if (total > kMaxTotal) throw Failure{root + ": the files to read are more than 64 MiB together"};
        files[r] = std::move(text);
      }
    }
  }
};

#ifndef __EMSCRIPTEN__
// Runs argv (no shell); returns its exit status, or -1 when it could not start.
int run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return -1;
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
#endif
}  // namespace

bool is_directory(const std::string& path) {
  struct stat st {};
  return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool path_exists(const std::string& path) {
  struct stat st {};
  return path == "-" || ::stat(path.c_str(), &st) == 0;
}

std::string project_files_json(const std::string& dir, bool configs, bool sources) {
  using tierscope::ProjectPart;
  Walk w{dir, configs && sources ? ProjectPart::Both : configs ? ProjectPart::Configs : ProjectPart::Sources};
  while (w.root.size() > 1 && w.root.back() == '/') w.root.pop_back();
  w.dir("", 0);
  return w.files.dump(-1, ' ', false, ojson::error_handler_t::replace);
}

void load_project_rules() {
  auto loaded = tierscope::load_project_rules(tierscope::builtin_project_rules_json());
  if (!loaded.ok) throw Failure{"the built-in project rules: " + loaded.error};
}

std::string revision_files_json(const std::string& rev) {
#ifdef __EMSCRIPTEN__
  throw Failure{rev + " is neither a file nor a folder (git revisions need the native tierscope)"};
#else
  if (rev.empty() || rev[0] == '-') throw Failure{"not a git revision: " + rev};
  if (run({"git", "rev-parse", "--verify", "--quiet", rev + "^{commit}"}) != 0)
    throw Failure{rev + " is neither a file, a folder nor a git revision of the repository here"};
  char tmpl[] = "/tmp/tierscope-rev-XXXXXX";
  if (!::mkdtemp(tmpl)) throw Failure{std::string("cannot make a temporary folder: ") + std::strerror(errno)};
  std::string tmp = tmpl, tar = tmp + "/rev.tar", out = tmp + "/tree";
  ::mkdir(out.c_str(), 0700);
  std::string files;
  bool ok = run({"git", "archive", "--format=tar", "-o", tar, rev + "^{commit}"}) == 0 && run({"tar", "-xf", tar, "-C", out}) == 0;
  try {
    if (ok) files = project_files_json(out, true, false);
  } catch (...) {
    run({"rm", "-rf", "--", tmp});
    throw;
  }
  run({"rm", "-rf", "--", tmp});
  if (!ok) throw Failure{"git archive " + rev + " failed"};
  return files;
#endif
}

std::string project_text(const json& doc) {
  std::string out;
  const json& p = doc["project"];
  out += "HubSpot project " + (p["name"].is_string() ? p["name"].get<std::string>() : std::string("(unnamed)")) + " · platform version " +
         (p["platform_version"].is_string() ? p["platform_version"].get<std::string>() : std::string("(none)")) +
         (p["platform_version_known"].get<bool>() ? "" : " (not one tierscope knows)") + "\n";
  if (p["app"].is_object()) {
    const json& a = p["app"];
    auto s = [](const json& v) { return v.is_string() ? v.get<std::string>() : std::string("-"); };
    out += "App config " + s(a["file"]) + " · distribution " + s(a["distribution"]) + " · auth " + s(a["auth_type"]) +
           (a["is_user_level"].get<bool>() ? " · user-level" : "") + "\n";
  }
  out += "\nFeatures (" + std::to_string(doc["features"].size()) + ")\n";
  for (const auto& f : doc["features"]) {
    std::string implies;
    for (const auto& i : f["implies"]) implies += (implies.empty() ? "" : ", ") + i["scope"].get<std::string>() + " (" + i["category"].get<std::string>() + ")";
    out += "  " + f["kind"].get<std::string>() + " " + (f["uid"].is_string() ? f["uid"].get<std::string>() : std::string("")) + "  " +
           f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()) + (implies.empty() ? "" : "  needs " + implies) + "\n";
  }
  if (!doc["diagnostics"].empty()) out += "\nFindings\n";
  for (const auto& d : doc["diagnostics"]) {
    std::string where = d["file"].is_string() ? d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) : "";
    out += "  " + d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + (where.empty() ? "" : " " + where) +
           (d["path"].is_string() ? " (" + d["path"].get<std::string>() + ")" : "") + ": " +
           tierscope::escape_controls(d["message"].get<std::string>()) + "\n";
  }
  if (doc.contains("calls") && doc["calls"].is_object()) {
    const json& c = doc["calls"];
    out += "\nCalls in the code (" + std::to_string(c["calls"].size()) + ")\n";
    for (const auto& k : c["calls"])
      out += "  " + (k.contains("file") ? k["file"].get<std::string>() + ":" + std::to_string(k["line"].get<int>()) : std::string("?")) + "  " +
             tierscope::escape_controls(k["method"].get<std::string>() + " " + k["path"].get<std::string>()) + "\n";
    for (const auto& u : c["unused"]) {
      std::string locks;
      for (const auto& l : u["locks_out"]) locks += (locks.empty() ? "" : ", ") + l.get<std::string>();
      out += "  over-asking: " + u["scope"].get<std::string>() + " (" + u["kind"].get<std::string>() + ") is needed by no call or feature" +
             (locks.empty() ? "" : "; it locks out " + locks) + "\n";
    }
    for (const auto& u : c["uncovered"])
      out += "  not covered (403): " + tierscope::escape_controls(u["method"].get<std::string>() + " " + u["path"].get<std::string>()) +
             (u.contains("file") ? " at " + u["file"].get<std::string>() + ":" + std::to_string(u["line"].get<int>()) : "") + "\n";
    out += "Least-privilege auth block: " + doc["least_privilege_auth"].dump() + "\n";
  }
  return out + "\n";
}

}  // namespace tierscope_cli

namespace tierscope_cli {
std::string project_markdown(const ojson& doc) {
  using tierscope::markdown_cell;
  const ojson& p = doc["project"];
  auto s = [](const ojson& v) { return v.is_string() ? v.get<std::string>() : std::string("–"); };
  std::string md = "### HubSpot project " + markdown_cell(s(p["name"])) + " · platform version " + markdown_cell(s(p["platform_version"])) + "\n\n";
  if (p["app"].is_object())
    md += "App config `" + markdown_cell(s(p["app"]["file"])) + "` · distribution " + markdown_cell(s(p["app"]["distribution"])) +
          " · auth " + markdown_cell(s(p["app"]["auth_type"])) + "\n\n";
  md += "| Feature | File | Needs |\n|---|---|---|\n";
  for (const auto& f : doc["features"]) {
    std::string needs;
    for (const auto& i : f["implies"]) needs += (needs.empty() ? "" : ", ") + i["scope"].get<std::string>() + " (" + i["category"].get<std::string>() + ")";
    md += "| " + markdown_cell(f["kind"].get<std::string>() + " " + s(f["uid"])) + " | " +
          markdown_cell(f["file"].get<std::string>() + ":" + std::to_string(f["line"].get<int>())) + " | " + markdown_cell(needs.empty() ? "–" : needs) + " |\n";
  }
  if (!doc["diagnostics"].empty()) md += "\n| Finding | Where | Message |\n|---|---|---|\n";
  for (const auto& d : doc["diagnostics"])
    md += "| " + markdown_cell(d["severity"].get<std::string>() + " " + d["code"].get<std::string>()) + " | " +
          markdown_cell(d["file"].is_string() ? d["file"].get<std::string>() + ":" + std::to_string(d["line"].get<int>()) : "–") + " | " +
          markdown_cell(d["message"].get<std::string>()) + " |\n";
  if (doc.contains("calls") && doc["calls"].is_object()) {  // the calls found in the code (as in the text form)
    const ojson& c = doc["calls"];
    auto at = [&](const ojson& k) { return k.contains("file") ? k["file"].get<std::string>() + ":" + std::to_string(k["line"].get<int>()) : std::string("–"); };
    md += "\n**Calls in the code (" + std::to_string(c["calls"].size()) + ")**\n\n";
    if (!c["calls"].empty()) md += "| Call | Where |\n|---|---|\n";
    for (const auto& k : c["calls"])
      md += "| " + markdown_cell(k["method"].get<std::string>() + " " + k["path"].get<std::string>()) + " | " + markdown_cell(at(k)) + " |\n";
    if (!c["unused"].empty() || !c["uncovered"].empty()) md += "\n";
    for (const auto& u : c["unused"]) {
      std::string locks;
      for (const auto& l : u["locks_out"]) locks += (locks.empty() ? "" : ", ") + l.get<std::string>();
      md += "- over-asking: " + markdown_cell(u["scope"].get<std::string>()) + " (" + markdown_cell(u["kind"].get<std::string>()) +
            ") is needed by no call or feature" + (locks.empty() ? "" : "; it locks out " + markdown_cell(locks)) + "\n";
    }
    for (const auto& u : c["uncovered"])
      md += "- ❌ not covered (403): " + markdown_cell(u["method"].get<std::string>() + " " + u["path"].get<std::string>()) + " at " + markdown_cell(at(u)) + "\n";
    md += "\nLeast-privilege auth block: " + markdown_cell(doc["least_privilege_auth"].dump()) + "\n";
  }
  return md + "\n";
}
}  // namespace tierscope_cli

namespace tierscope_cli {
std::string project_diff_text(const ojson& d, bool markdown) {
  auto cell = [markdown](const std::string& t) { return markdown ? tierscope::markdown_cell(t) : tierscope::escape_controls(t); };
  std::string bullet = markdown ? "- " : "  ";
  std::string out = markdown ? "### HubSpot project: before and after\n\n" : "HubSpot project: before and after\n";
  for (const auto& w : d["warnings"]) out += (markdown ? "- ❌ **" : "  ERROR ") + cell(w["message"].get<std::string>()) + (markdown ? "**\n" : "\n");
  if (d["warnings"].empty()) out += bullet + "auth type and distribution unchanged\n";
  out += markdown ? "\n**Feature changes**\n\n" : "\nFeature changes\n";
  if (d["feature_changes"].empty()) out += bullet + "none\n";
  for (const auto& c : d["feature_changes"]) {
    std::string adds;
    for (const auto& s : c["adds_scopes"]) adds += (adds.empty() ? "" : ", ") + s.get<std::string>();
    out += bullet + cell(c["change"].get<std::string>() + " " + c["kind"].get<std::string>() + " " +
                         (c["uid"].is_string() ? c["uid"].get<std::string>() : c["file"].get<std::string>())) +
           (adds.empty() ? "" : ": adds " + cell(adds)) + "\n";
  }
  if (d["scopes"].is_object()) out += "\n" + (markdown ? markdown_diff(json::parse(d["scopes"].dump())) : std::string());
  if (d["scopes"].is_object() && !markdown) out += render_diff(json::parse(d["scopes"].dump()));
  return out;
}
}  // namespace tierscope_cli

#include "calls.hpp"
#include "operations_builtin.hpp"

namespace tierscope_cli {
void load_client_methods() {
  auto loaded = tierscope::load_client_methods(tierscope::builtin_client_methods_json());
  if (!loaded.ok) throw Failure{"the built-in client methods: " + loaded.error};
}

int run_calls_scan(const std::string& dir, const std::vector<std::string>& config, const std::string& format,
                   const std::string& operations_text, bool color) {
  if (config.size() > 1) throw Failure{"calls --scan DIR takes at most one more input: the app's CONFIG"};
  if (!is_directory(dir)) throw Failure{"--scan " + dir + ": not a folder"};
  auto loaded = tierscope::load_operations(operations_text.empty() ? std::string(tierscope::builtin_operations_json()) : operations_text);
  if (!loaded.ok) throw Failure{loaded.error};
  load_client_methods();
  std::string files = project_files_json(dir, false, true);
  std::string cfg = config.empty() ? "" : read_input_file(config[0]);
  std::string out = need(tierscope::scan_calls(files, cfg, ""), dir + ": ");
  if (format != "json") {
    json r = json::parse(out);
    std::string where = "Calls found in " + dir + "\n";
    for (const auto& c : r["calls"])
      where += "  " + (c.contains("file") ? c["file"].get<std::string>() + ":" + std::to_string(c["line"].get<int>()) : std::string("?")) + "  " +
               tierscope::escape_controls(c["method"].get<std::string>() + " " + c["path"].get<std::string>()) +
               (c.contains("client_method") && c["client_method"].is_string() ? "  (" + c["client_method"].get<std::string>() + ")" : "") + "\n";
    std::cout << (format == "markdown" ? "" : where + "\n");
  }
  std::cout << render_calls(out, format, color);
  return 0;
}
}  // namespace tierscope_cli
