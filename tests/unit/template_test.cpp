// Install URL templates (READMEs, Postman collections, connector specs): placeholders outside the scope
// parameters are read as placeholders; one inside scope/optional_scope is the placeholder-in-scope error.
#include "helpers.hpp"

#include "input/placeholder.hpp"

namespace {
std::vector<std::string> req(const json& r, const char* kind) { return r["request"][kind].get<std::vector<std::string>>(); }
const std::string kHost = "https://app.hubspot.com/oauth/authorize?";
}  // namespace

TEST_CASE("every placeholder style outside the scope parameters: read, the scopes decide, an info says so") {
  struct Case { std::string client_id, shown; };  // shown: the value once decoded
  for (const Case& c : std::vector<Case>{
           {"{{{ client_id }}}", "{{{ client_id }}}"},  // Airbyte / Estuary connector specs
           {"{{client_id}}", "{{client_id}}"},          // Postman
           {"{{ client_id | urlencode }}", "{{ client_id | urlencode }}"},
           {"${CLIENT_ID}", "${CLIENT_ID}"},            // JS template literal / shell
           {"${process.env.HUBSPOT_CLIENT_ID}", "${process.env.HUBSPOT_CLIENT_ID}"},
           {"<CLIENT_ID>", "<CLIENT_ID>"},
           {"<your-client-id>", "<your-client-id>"},
           {"{client_id}", "{client_id}"},
           {"%7Bclient_id%7D", "{client_id}"},
           {"%7B%7B%20client_id%20%7D%7D", "{{ client_id }}"},
           {"YOUR_CLIENT_ID", "YOUR_CLIENT_ID"},
           {"your-client-id", "your-client-id"},
           {"HUBSPOT_CLIENT_ID", "HUBSPOT_CLIENT_ID"},
       }) {
    std::string url = kHost + "client_id=" + c.client_id + "&redirect_uri=https%3A%2F%2Fx.example%2Fcb" +
                      "&scope=oauth%20crm.objects.contacts.read&optional_scope=automation&state={{ state }}";
    CAPTURE(url);
    json r = check_ok(url);
    CHECK(r["input"]["format"] == "install-url");
    CHECK(req(r, "required") == std::vector<std::string>{"crm.objects.contacts.read", "oauth"});
    CHECK(req(r, "optional") == std::vector<std::string>{"automation"});
    CHECK(status(r, "free") == "installs");
    const json& d = diag(r, "url-placeholder");
    CHECK(d["severity"] == "info");
    CHECK(d["suggestion"].is_null());
    CHECK(d["message"].get<std::string>().find("template") != std::string::npos);
    CHECK_FALSE(has_code(r, "placeholder-in-scope"));
    CHECK(tierscope::has_placeholder(c.shown));
  }
}

TEST_CASE("templates seen in public READMEs and code read as their scopes say") {
  // Shapes of install URLs found in public repositories' READMEs and code (placeholders as written there).
  json a = check_ok(kHost + "client_id=${CLIENT_ID}&redirect_uri=http://localhost:3000/oauth-callback"
                            "&scope=oauth%20tickets%20crm.objects.owners.read%20conversations.read%20conversations.write");
  CHECK(req(a, "required") == std::vector<std::string>{"conversations.read", "conversations.write", "crm.objects.owners.read",
                                                       "oauth", "tickets"});
  json b = check_ok(kHost + "client_id=<YOUR_CLIENT_ID>&redirect_uri=<YOUR_REDIRECT_URI>"
                            "&scope=crm.objects.contacts.read%20crm.objects.contacts.write%20timeline");
  CHECK(req(b, "required") == std::vector<std::string>{"crm.objects.contacts.read", "crm.objects.contacts.write", "oauth", "timeline"});
  CHECK(has_code(b, "url-placeholder"));
  json c = check_ok(kHost + "client_id=${process.env.HUBSPOT_CLIENT_ID}&redirect_uri=${encodeURIComponent(redirectUri)}"
                            "&scope=crm.objects.contacts.read+crm.objects.deals.read+sales-email-read&state=${state}");
  CHECK(req(c, "required") == std::vector<std::string>{"crm.objects.contacts.read", "crm.objects.deals.read", "oauth", "sales-email-read"});
  // A placeholder in the path: not HubSpot's path as written (a warning), the scopes still read.
  json d = check_ok("https://app-eu1.hubspot.com/oauth/{{portal_id}}/authorize?client_id=x&scope=oauth%20tickets");
  CHECK(has_code(d, "unrecognized-url"));
  CHECK(d["input"]["account_id"].is_null());
  CHECK(req(d, "required") == std::vector<std::string>{"oauth", "tickets"});
}

TEST_CASE("a placeholder in scope or optional_scope is an error that names it") {
  // Postman's collection: every value a placeholder.
  json r = check_ok(kHost + "client_id={{client_id}}&redirect_uri={{redirect_uri}}&scope={{scope}}");
  const json& d = diag(r, "placeholder-in-scope");
  CHECK(d["severity"] == "error");
  CHECK(d["scope"] == "{{scope}}");
  CHECK(d["suggestion"].is_null());
  CHECK(d["message"].get<std::string>().find("\"{{scope}}\"") != std::string::npos);
  CHECK(status(r, "free") == "invalid-scope");  // HubSpot rejects the URL as written
  CHECK(status(r, "marketing-enterprise") == "invalid-scope");
  CHECK_FALSE(has_code(r, "unknown-scope"));  // said once, as what it is

  for (std::string scope : {"<YOUR_SCOPES>", "oauth%20YOUR_SCOPES", "${scopes}", "oauth+%7Bscopes%7D", "{{{ scope }}}",
                            "oauth%20{{ extra_scopes | join(' ') }}"}) {
    CAPTURE(scope);
    json s = check_ok(kHost + "client_id=1&scope=" + scope);
    CHECK(has_code(s, "placeholder-in-scope"));
    CHECK_FALSE(has_code(s, "unknown-scope"));
    CHECK(status(s, "free") == "invalid-scope");
  }
  json opt = check_ok(kHost + "client_id=1&scope=oauth&optional_scope=automation%20<OPTIONAL_SCOPES>");
  CHECK(diag(opt, "placeholder-in-scope")["scope"] == "<OPTIONAL_SCOPES>");
  CHECK(diag(opt, "placeholder-in-scope")["message"].get<std::string>().find("optional_scope") != std::string::npos);
  CHECK(req(opt, "optional") == std::vector<std::string>{"<OPTIONAL_SCOPES>", "automation"});

  // Airbyte's consent URL templates the parameter names too: no scope parameter is there to read.
  auto ab = tierscope::check_text(kHost + "{{ client_id_key }}={{ client_id_value }}&{{ scope_key }}={{ scope_value | urlencode }}", "");
  CHECK_FALSE(ab.ok);
  CHECK(ab.error.find("no scope parameter") != std::string::npos);
  // No placeholder outside scope: no url-placeholder note.
  CHECK_FALSE(has_code(check_ok(kHost + "client_id=abc&scope=oauth"), "url-placeholder"));
}

TEST_CASE("spaces outside placeholders are still refused — placeholder detection is bounded") {
  auto bad = tierscope::check_text(kHost + "client_id={{ id }}&scope=oauth crm.objects.contacts.read", "");
  CHECK_FALSE(bad.ok);
  CHECK(bad.error.find("cannot contain spaces") != std::string::npos);
  // Bytes that decode to bad UTF-8 next to a placeholder: read, never an internal error.
  json odd = check_ok(kHost + "client_id=%FF{{id}}&redirect_uri=<%C3>&scope=oauth");
  CHECK(odd["request"]["required"] == json::array({"oauth"}));
  auto bad_scope = tierscope::check_text(kHost + "client_id=1&scope=oauth%20{{x%FF}}", "");
  CHECK_FALSE(bad_scope.ok);
  CHECK(bad_scope.error_code == "parse-error");
  // Not placeholders: empty or letterless braces, an unclosed opener, a lower-case value.
  CHECK(tierscope::placeholder_spans("{}").empty());
  CHECK(tierscope::placeholder_spans("{{ 123 }}").empty());
  CHECK(tierscope::placeholder_spans("{{client_id").empty());
  CHECK_FALSE(tierscope::placeholder_word("tickets"));
  CHECK_FALSE(tierscope::placeholder_word("E-COMMERCE"));
  CHECK_FALSE(tierscope::placeholder_word("CRM.OBJECTS.CONTACTS.READ"));
  CHECK(tierscope::placeholder_word("YOUR_SCOPES"));
  // A line of openers is read quickly and found to hold no placeholder.
  CHECK(tierscope::placeholder_spans(std::string(100000, '{')).empty());
  CHECK(tierscope::placeholder_spans(std::string(30000, '<') + "a").empty());
  auto spans = tierscope::placeholder_spans("a={{{ x }}}&b=<Y>&c={z}");
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].begin == 2);
  CHECK(spans[0].end == 11);
}
