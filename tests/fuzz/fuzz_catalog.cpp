// Surface: loading another scope catalog (CLI --catalog); a catalog that loads is then used for a
// check, and the built-in catalog is put back for the next input.
#include "catalog/catalog.hpp"
#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto loaded = tierscope::load_catalog(fuzz::text(data, size));
  fuzz::outcome(loaded);
  if (loaded.ok) {
    fuzz::outcome(tierscope::check_text("oauth crm.objects.contacts.read tickets automation", ""), "report");
    fuzz::outcome(tierscope::list_scopes(""));
    tierscope::set_current_catalog(tierscope::Catalog::builtin());
  }
  return 0;
}
