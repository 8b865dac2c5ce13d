#include "operations_builtin.hpp"

#include <cstddef>

namespace tierscope {
namespace detail {
extern const char kOperationsJson[];
extern const std::size_t kOperationsJsonSize;
}  // namespace detail

std::string_view builtin_operations_json() { return {detail::kOperationsJson, detail::kOperationsJsonSize}; }
}  // namespace tierscope
