// TEMPORARY stub: the real core is being written. Shape only.
#include "tierscope/api.hpp"
namespace tierscope {
namespace detail { extern const char kCatalogJson[]; }
Outcome check_text(std::string_view, std::string_view) noexcept { return {false, "", "internal-error", "not implemented"}; }
Outcome check_fields(std::string_view, std::string_view) noexcept { return {false, "", "internal-error", "not implemented"}; }
Outcome parse_text(std::string_view) noexcept { return {false, "", "internal-error", "not implemented"}; }
Outcome list_scopes(std::string_view) noexcept { return {true, "[]", "", ""}; }
Outcome render_markdown(std::string_view) noexcept { return {true, "", "", ""}; }
Outcome load_catalog(std::string_view) noexcept { return {true, "{}", "", ""}; }
std::string catalog_info() noexcept { return "{\"as_of\":\"2026-11-28\",\"scopes\":287}"; }
std::string version() noexcept { return TIERSCOPE_VERSION; }
}
