// Plain-words labels for scopes, in tierscope's own words, for consent previews and listings.
#pragma once
#include <string>

namespace tierscope {
struct ScopeLabel {
  std::string group;  // e.g. "CRM records"
  std::string text;   // e.g. "View contacts"
};
ScopeLabel label_for(const std::string& scope_name);
}  // namespace tierscope
