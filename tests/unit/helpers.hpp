// Test helpers: run the public API and get JSON back.
#pragma once
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "tierscope/api.hpp"

using nlohmann::json;

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
