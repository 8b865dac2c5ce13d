#include "project_rules_builtin.hpp"

#include <cstddef>

namespace tierscope {
namespace detail {
extern const char kProjectRulesJson[];
extern const std::size_t kProjectRulesJsonSize;
extern const char kClientMethodsJson[];
extern const std::size_t kClientMethodsJsonSize;
}  // namespace detail

std::string_view builtin_project_rules_json() { return {detail::kProjectRulesJson, detail::kProjectRulesJsonSize}; }
std::string_view builtin_client_methods_json() { return {detail::kClientMethodsJson, detail::kClientMethodsJsonSize}; }
}  // namespace tierscope
