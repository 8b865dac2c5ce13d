// `explain`: a HubSpot error text (install page, redirect query, API 403 body, hs CLI message) or a
// token's info -> its cause, the scopes it names, what the catalog says about them and the fix; with
// an app config, the fix applied to it and the check report after the fix (docs/report.md "explain").
// The error wordings (every language) are data: data/hubspot-errors.json, compiled in.
#pragma once
#include <string_view>

#include "evaluate/evaluate.hpp"
#include "report/report.hpp"

namespace tierscope {
// config_text empty: no app config. Throws InputError when the text cannot be read.
ojson explain_json(std::string_view text, std::string_view config_text, const Options& options);
// The wording table (data/hubspot-errors.json as compiled in), for the page's preview.
const ojson& wordings_table();
}  // namespace tierscope
