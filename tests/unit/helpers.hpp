// Test helpers: run the public API and get JSON back.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "tierscope/api.hpp"

using nlohmann::json;

inline std::string read_text(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline json check_ok(const std::string& text, const std::string& options = "") {
  auto out = tierscope::check_text(text, options);
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}

inline json fields_ok(const json& fields, const std::string& options = "") {
  auto out = tierscope::check_fields(fields.dump(), options);
  INFO("error: " << out.error);
  REQUIRE(out.ok);
  return json::parse(out.json);
}

inline const json& profile(const json& report, const std::string& id) {
  for (const auto& p : report["profiles"])
    if (p["id"] == id) return p;
  FAIL("no profile " << id);
  static json none;
  return none;
}

inline std::string status(const json& report, const std::string& id) { return profile(report, id)["status"]; }

inline bool has_code(const json& report, const std::string& code, const std::string& scope = "") {
  for (const auto& d : report["diagnostics"])
    if (d["code"] == code && (scope.empty() || (d["scope"].is_string() && d["scope"] == scope))) return true;
  return false;
}

inline const json& diag(const json& report, const std::string& code) {
  for (const auto& d : report["diagnostics"])
    if (d["code"] == code) return d;
  FAIL("no diagnostic " << code);
  static json none;
  return none;
}

inline std::uint32_t combos(const json& report) { return report["coverage"]["combinations"]["installs"]; }

#include "catalog/catalog.hpp"

// A small catalog in format 2: the given tiers (lowest first), hubs and features, the standard
// profiles (free, then every hub at every tier above the lowest), and the given scopes.
inline json small_catalog(const std::vector<std::string>& tiers, const std::vector<std::string>& hubs,
                          const std::vector<std::string>& features, const json& scopes) {
  json doc = {{"catalog", "test"}, {"format", 2}, {"as_of", "2030-01-01"}};
  auto named = [](const std::vector<std::string>& ids, const std::string& suffix) {
    json arr = json::array();
    for (const auto& id : ids) arr.push_back({{"id", id}, {"name", id + suffix}});
    return arr;
  };
  doc["tiers"] = named(tiers, "");
  doc["hubs"] = named(hubs, " Hub");
  doc["features"] = named(features, " add-on");
  json profiles = json::array({{{"id", tiers[0]}, {"name", tiers[0]}, {"hubs", json::object()}, {"features", json::array()}}});
  for (const auto& h : hubs)
    for (std::size_t t = 1; t < tiers.size(); ++t)
      profiles.push_back({{"id", h + "-" + tiers[t]}, {"name", h + " Hub " + tiers[t]}, {"hubs", {{h, tiers[t]}}}, {"features", json::array()}});
  doc["profiles"] = profiles;
  doc["scopes"] = scopes;
  return doc;
}

// Uses a catalog for the lifetime of the guard, then the built-in one again.
struct UseCatalog {
  explicit UseCatalog(const json& doc) {
    auto out = tierscope::load_catalog(doc.dump());
    INFO("error: " << out.error);
    REQUIRE(out.ok);
  }
  ~UseCatalog() { tierscope::set_current_catalog(tierscope::Catalog::builtin()); }
};
