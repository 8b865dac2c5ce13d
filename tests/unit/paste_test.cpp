// Scope lists as people paste them (issue 18 item 1), the URL-alone rule 6 (item 4), suggestions past a
// bad name (item 5) and static-auth fixes (issue 22 item 1). Samples marked "from" are public files,
// shortened; the others are written here in the same styles.
#include "helpers.hpp"

namespace {
using Names = std::vector<std::string>;
Names req(const json& r, const char* kind = "required") { return r["request"][kind].get<Names>(); }

// (line, reason) pairs of input.ignored.
std::vector<std::pair<int, std::string>> ignored(const json& r) {
  std::vector<std::pair<int, std::string>> out;
  for (const auto& g : r["input"]["ignored"]) out.push_back({g["line"].get<int>(), g["reason"].get<std::string>()});
  return out;
}
bool ignored_line(const json& r, int line, const std::string& reason) {
  for (const auto& [l, why] : ignored(r))
    if (l == line && why == reason) return true;
  return false;
}
int count_code(const json& r, const std::string& code) {
  int n = 0;
  for (const auto& d : r["diagnostics"]) n += d["code"] == code;
  return n;
}
}  // namespace

TEST_CASE("a README's numbered steps: only the list under the scopes heading is read") {
  // from bhataasim1/integrations_technical_assessment, Readme.md
  json r = check_ok(R"(# HubSpot Integration

## Setup

1. Create a new app in HubSpot
2. Add the following scopes:
    - crm.objects.companies.read
    - crm.objects.contacts.read
    - crm.objects.contacts.write
    - crm.schemas.contacts.read
    - crm.schemas.contacts.write
    - oauth
3. Add the following redirect URIs:
    - http://localhost:8000/integrations/hubspot/oauth2callback
4. Add the following client ID and client secret to the `.env` file:
    - HUBSPOT_CLIENT_ID=your-client-id
    - HUBSPOT_CLIENT_SECRET=your-client-secret
5. Run the server:
    - `cd backend`
    - `pip install -r requirements.txt` *Note: Python version is 3.11.9*
    - `uvicorn backend.main:app --reload`
6. Go to `http://localhost:3000` to test the integration.)");
  CHECK(r["input"]["format"] == "list");
  CHECK(req(r) == Names{"crm.objects.companies.read", "crm.objects.contacts.read", "crm.objects.contacts.write",
                        "crm.schemas.contacts.read", "crm.schemas.contacts.write", "oauth"});
  CHECK_FALSE(has_code(r, "unknown-scope"));
  CHECK(ignored_line(r, 1, "comment"));
  CHECK(ignored_line(r, 5, "prose"));
  CHECK(ignored_line(r, 6, "heading"));
  CHECK(ignored_line(r, 14, "not a scope list"));
  CHECK(ignored_line(r, 16, "other setting"));
  CHECK(ignored_line(r, 20, "not a scope list"));
}

TEST_CASE("code arrays: JS/TS, Python, Ruby, Go, PHP — comments are not requested") {
  // from nurbolalmishev-art/wix-hubspot, src/backend/hubspot/constants.ts
  json ts = check_ok(R"(export const HUBSPOT_AUTH_BASE = "https://app.hubspot.com";

// Minimum scopes for contacts + properties + forms listing (varies by account/app).
export const DEFAULT_HUBSPOT_SCOPES = [
  "crm.objects.contacts.read",
  "crm.objects.contacts.write",
  "crm.schemas.contacts.read",
  // forms (for listing forms in UI/widget panel); exact scope can vary.
  "forms",
];)");
  CHECK(req(ts) == Names{"crm.objects.contacts.read", "crm.objects.contacts.write", "crm.schemas.contacts.read", "forms", "oauth"});
  CHECK(ignored_line(ts, 1, "other setting"));
  CHECK(ignored_line(ts, 3, "comment"));
  CHECK(ignored_line(ts, 8, "comment"));

  json commented = check_ok("const SCOPES = [\n  'oauth',\n  'crm.objects.contacts.read', // contacts\n"
                            "  // 'business_units_view.read',\n  /* 'crm.objects.deals.read', */\n];\n");
  CHECK(req(commented) == Names{"crm.objects.contacts.read", "oauth"});
  CHECK(ignored_line(commented, 4, "commented out"));
  CHECK(ignored_line(commented, 5, "commented out"));

  // from noman-land/oauth-worker, src/utils/constants.ts
  json joined = check_ok("export const SCOPES = ['crm.objects.contacts.read', 'conversations.read'].join(\n  ' '\n);\n");
  CHECK(req(joined) == Names{"conversations.read", "crm.objects.contacts.read", "oauth"});

  json python = check_ok("SCOPES = (\n    \"oauth\",\n    \"tickets\",  # support inbox\n)\nCLIENT_ID = os.environ[\"HUBSPOT_CLIENT_ID\"]\n");
  CHECK(req(python) == Names{"oauth", "tickets"});
  CHECK(ignored_line(python, 5, "other setting"));

  json ruby = check_ok("config.scopes = %w[oauth crm.objects.deals.read]\n");
  CHECK(req(ruby) == Names{"crm.objects.deals.read", "oauth"});

  json go = check_ok("var Scopes = []string{\n\t\"oauth\",\n\t\"crm.objects.companies.read\",\n}\n");
  CHECK(req(go) == Names{"crm.objects.companies.read", "oauth"});

  // from u2y-it/hubspot, config/hubspot.php
  json php = check_ok(R"(<?php

return [
    'auth_middleware' => env('HUBSPOT_AUTH_MIDDLEWARE', 'auth:web'),
    'client_id' => env('HUBSPOT_CLIENT_ID'),
    'scopes' => [
        'crm.objects.contacts.read',
        'crm.objects.contacts.write'
    ]
];)");
  CHECK(req(php) == Names{"crm.objects.contacts.read", "crm.objects.contacts.write", "oauth"});
  CHECK_FALSE(has_code(php, "unknown-scope"));

  json ts_typed = check_ok("const scopes: string[] = ['oauth', 'crm.lists.read'];\nconst optionalScopes: string[] = ['automation'];\n");
  CHECK(req(ts_typed) == Names{"crm.lists.read", "oauth"});
  CHECK(req(ts_typed, "optional") == Names{"automation"});
}

TEST_CASE(".env and shell lines: the scope variable only") {
  json env = check_ok("HUBSPOT_CLIENT_ID=abc-123\nHUBSPOT_CLIENT_SECRET=shh\nHUBSPOT_SCOPES=crm.objects.contacts.read\n"
                      "export HUBSPOT_OPTIONAL_SCOPES=\"automation content\"\n# HUBSPOT_SCOPES=contacts\n");
  CHECK(req(env) == Names{"crm.objects.contacts.read", "oauth"});
  CHECK(req(env, "optional") == Names{"automation", "content"});
  CHECK(ignored_line(env, 1, "other setting"));
  CHECK(ignored_line(env, 2, "other setting"));
  CHECK(ignored_line(env, 5, "comment"));
  CHECK_FALSE(has_code(env, "retired-scope"));  // "# HUBSPOT_SCOPES=contacts" is a comment
}

TEST_CASE("YAML lists with notes in parentheses, Markdown bullets with descriptions") {
  json yaml = check_ok(
      "scopes:\n  # Read contacts\n  - crm.objects.contacts.read (standard scope)\n  - tickets   # inbox\n"
      "  - automation (optional)\nredirect_urls:\n  - https://example.com/oauth/callback\n");
  CHECK(req(yaml) == Names{"crm.objects.contacts.read", "oauth", "tickets"});
  CHECK(req(yaml, "optional") == Names{"automation"});
  CHECK_FALSE(has_code(yaml, "retired-scope"));  // "# Read contacts" is no `contacts`
  CHECK(ignored_line(yaml, 2, "comment"));
  CHECK(ignored_line(yaml, 6, "other setting"));
  CHECK(ignored_line(yaml, 7, "not a scope list"));

  // in the style of a Power Platform connector README (slash-separated pairs in backticks)
  json md = check_ok("A HubSpot public OAuth app with the following scopes:\n"
                     "  - `crm.objects.companies.read` / `crm.objects.companies.write`\n"
                     "  - `sales-email-read`\n  - `automation`\n"
                     "* **crm.objects.deals.read** — read deals\n"
                     "<!-- crm.objects.quotes.read was dropped -->\n");
  CHECK(req(md) == Names{"automation", "crm.objects.companies.read", "crm.objects.companies.write",
                         "crm.objects.deals.read", "oauth", "sales-email-read"});
  CHECK(ignored_line(md, 1, "heading"));
  CHECK(ignored_line(md, 6, "commented out"));

  json optional_heading = check_ok("Required scopes:\n- oauth\n- crm.objects.contacts.read\n\nOptional scopes:\n- automation\n");
  CHECK(req(optional_heading) == Names{"crm.objects.contacts.read", "oauth"});
  CHECK(req(optional_heading, "optional") == Names{"automation"});
}

TEST_CASE("a typo on a list line is kept and flagged — prose is not a scope") {
  json r = check_ok("Add these:\n- crm.object.contacts.read\n- Tickets\nPlease make sure the app is public.\n");
  CHECK(has_code(r, "unknown-scope", "crm.object.contacts.read"));
  CHECK(has_code(r, "unknown-scope", "Tickets"));
  CHECK(ignored_line(r, 4, "prose"));
  CHECK_FALSE(has_code(r, "unknown-scope", "Please"));
  // A plain one-line list still reads every name.
  CHECK(req(check_ok("oauth tickets content")) == Names{"content", "oauth", "tickets"});
}

TEST_CASE("a duplicated name gives one diagnostic with its count") {
  std::string text;
  for (int i = 0; i < 27; ++i) text += "- crm.objects.contacts.read\n";
  json r = check_ok(text + "- oauth\n- oauth\n");
  CHECK(count_code(r, "duplicate-scope") == 2);
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "duplicate-scope" && d["scope"] == "crm.objects.contacts.read")
      CHECK(d["message"].get<std::string>().find("listed 27 times as required") != std::string::npos);
}

TEST_CASE("JSON with one scope list: a Power Platform connector, any key named like scopes") {
  // from microsoft/PowerPlatformConnectors, independent-publisher-connectors/HubSpot CRM/apiProperties.json
  json r = check_ok(R"({
  "properties": {
    "connectionParameters": {
      "token": {
        "type": "oauthSetting",
        "oAuthSettings": {
          "identityProvider": "oauth2",
          "clientId": "[YOUR_VALUE]",
          "scopes": [
            "crm.objects.contacts.read tickets crm.objects.marketing_events.read content actions timeline oauth forms files crm.objects.marketing_events.write crm.schemas.custom.read crm.objects.custom.read crm.objects.feedback_submissions.read crm.objects.custom.write crm.objects.line_items.write"
          ],
          "redirectMode": "GlobalPerConnector",
          "redirectUrl": "https://global.consent.azure-apim.net/redirect"
        }
      }
    },
    "publisher": "Troy Taylor, Hitachi Solutions",
    "stackOwner": "HubSpot"
  }
})");
  CHECK(r["input"]["format"] == "connector");
  CHECK(r["input"]["json_path"] == "properties.connectionParameters.token.oAuthSettings.scopes");
  CHECK(req(r).size() == 15);
  json generic = check_ok(R"({"integration": {"hubspot": {"oauth_scopes": "oauth crm.lists.read"}}})");
  CHECK(generic["input"]["format"] == "json-scopes");
  CHECK(generic["input"]["json_path"] == "integration.hubspot.oauth_scopes");
  CHECK(req(generic) == Names{"crm.lists.read", "oauth"});
  auto two = tierscope::check_text(R"({"a": {"scopes": ["oauth"]}, "b": {"scope": "tickets"}})", "");
  CHECK_FALSE(two.ok);
  CHECK(two.error.find("2 scope lists (a.scopes, b.scope)") != std::string::npos);
  CHECK(check_ok("oauth")["input"]["json_path"].is_null());
}

TEST_CASE("an install URL alone without oauth in scope: url-mismatch on every profile, with the fix") {
  json r = check_ok("https://app.hubspot.com/oauth/authorize?client_id=x&redirect_uri=https%3A%2F%2Fa.example%2Fcb"
                    "&scope=crm.objects.contacts.read");
  for (const auto& p : r["profiles"]) CHECK(p["status"] == "url-mismatch");
  CHECK(has_code(r, "url-config-mismatch", "oauth"));
  CHECK_FALSE(has_code(r, "missing-oauth"));
  for (const auto& d : r["diagnostics"])
    if (d["code"] == "url-config-mismatch") {
      CHECK(d["suggestion"]["action"] == "add-to-scope");
      CHECK(d["suggestion"]["scopes"] == json::array({"oauth"}));
    }
  json ok = check_ok("https://app.hubspot.com/oauth/authorize?client_id=x&scope=oauth%20crm.objects.contacts.read");
  CHECK(status(ok, "free") == "installs");
  // A plain list still gets oauth added (no URL, no rule 6).
  CHECK(has_code(check_ok("crm.objects.contacts.read"), "missing-oauth"));
}

TEST_CASE("suggestions go past a bad name: remove or rename it first, then what unlocks the rest") {
  // The Power Platform connector's scopes with the name HubSpot lacks (crm.schemas.line_items.write).
  json r = check_ok(
      "oauth crm.objects.contacts.read tickets crm.objects.marketing_events.read content actions timeline forms files "
      "crm.objects.marketing_events.write crm.schemas.custom.read crm.objects.custom.read "
      "crm.objects.feedback_submissions.read crm.objects.custom.write crm.schemas.line_items.write");
  CHECK(status(r, "free") == "permission-error");  // a known scope surely fails there; the unknown name comes after
  const json& s = r["suggestions"];
  REQUIRE(s.size() >= 2);
  CHECK(s[0]["action"] == "remove-or-rename");
  CHECK(s[0]["scopes"] == json::array({"crm.schemas.line_items.write"}));
  CHECK(s[0]["did_you_mean"].is_object());  // HubSpot has no write scope there: nothing to rename it to
  bool everyone = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    CHECK(s[i]["action"] == "make-optional");
    if (s[i]["combinations"] == r["coverage"]["combinations"]["total"]) {
      everyone = true;
      CHECK(s[i]["scopes"].size() == 5);
      CHECK(s[i]["unlocks"].size() >= tierscope::Catalog::builtin()->model->profiles.size() - 1);
    }
  }
  CHECK(everyone);
  // A typo gets its did-you-mean; a retired name its successors.
  json typo = check_ok("oauth crm.object.contacts.read contacts");
  CHECK(typo["suggestions"][0]["action"] == "remove-or-rename");
  CHECK(typo["suggestions"][0]["did_you_mean"]["crm.object.contacts.read"] == json::array({"crm.objects.contacts.read"}));
  CHECK(typo["suggestions"][0]["did_you_mean"]["contacts"].size() >= 3);
  CHECK(typo["suggestions"][0]["unlocks"].size() == r["profiles"].size());
}

TEST_CASE("static auth: fixes remove or switch to OAuth, never make optional") {
  json r = check_ok(R"({"config": {"name": "Static", "auth": {"type": "static",
      "requiredScopes": ["oauth", "crm.objects.contacts.read", "automation"]}}})");
  REQUIRE_FALSE(r["suggestions"].empty());
  bool oauth = false;
  for (const auto& s : r["suggestions"]) {
    CHECK(s["action"] != "make-optional");
    oauth = oauth || s["action"] == "switch-to-oauth";
  }
  CHECK(oauth);
  for (const auto& d : r["diagnostics"])
    if (d["suggestion"].is_object()) CHECK(d["suggestion"]["action"] != "make-optional");
  json o = check_ok(R"({"config": {"auth": {"type": "oauth", "requiredScopes": ["oauth", "automation"]}}})");
  CHECK(o["suggestions"][0]["action"] == "make-optional");
}

TEST_CASE("the paste reader's runs and tokens: quotes, comments and prose words inside a line, any case") {
  // A line is read in runs between the characters that may open a quote or a comment; a group's names are
  // views of its text (the reader's fast path): these are the cases where a run or a token ends early.
  auto request = [](const std::string& text) {
    json r = check_ok(text);
    return std::make_pair(r["request"], ignored(r));
  };
  using Ignored = std::vector<std::pair<int, std::string>>;
  auto [the, the_ignored] = request("The");
  CHECK(req(json{{"request", the}}).empty());
  CHECK(the_ignored == Ignored{{1, "prose"}});
  CHECK(request("THE").second == Ignored{{1, "prose"}});  // prose words whatever their case
  CHECK(req(json{{"request", request("TICKETS").first}}) == Names{"TICKETS", "oauth"});  // a lone name: kept, flagged
  auto [capital, capital_ignored] = request("Tickets crm.objects.contacts.read");  // a Capitalised word: prose
  CHECK(req(json{{"request", capital}}) == Names{"crm.objects.contacts.read", "oauth"});
  CHECK(capital_ignored == Ignored{{1, "words beside a scope"}});
  CHECK(request("crm.objects.contacts.read # crm.objects.deals.read").second == Ignored{{1, "commented out"}});
  CHECK(req(json{{"request", request("<!-- crm.objects.deals.read --> crm.objects.contacts.read").first}}) ==
        Names{"crm.objects.contacts.read", "oauth"});
  CHECK(req(json{{"request", request("'crm.objects.contacts.read' `tickets` \"e-commerce\"").first}}) ==
        Names{"crm.objects.contacts.read", "e-commerce", "oauth", "tickets"});
  auto [noted, noted_ignored] = request("crm.objects.contacts.read (optional) crm.objects.deals.read");
  CHECK(req(json{{"request", noted}}, "optional") == Names{"crm.objects.contacts.read", "crm.objects.deals.read"});
  CHECK(noted_ignored.empty());
  // '/' alone opens no comment; trailing punctuation is not part of a name
  CHECK(req(json{{"request", request("crm.objects.contacts.read/crm.objects.deals.read, tickets.").first}}) ==
        Names{"crm.objects.contacts.read/crm.objects.deals.read", "oauth", "tickets"});
  CHECK(request("it's crm.objects.contacts.read").second == Ignored{{1, "words beside a scope"}});
  // a long pasted line: every name read once, in order of the request's sort
  std::string line;
  for (int i = 0; i < 300; ++i) line += "crm.objects.custom" + std::to_string(i) + ".read ";
  CHECK(req(json{{"request", request(line).first}}).size() == 301);
}
