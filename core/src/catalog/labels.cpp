#include "catalog/labels.hpp"

#include <vector>

namespace tierscope {
namespace {

// Whole names with a label of their own: {name, group, text}. A plain table (no map built at start-up).
struct WholeName {
  const char *name, *group, *text;
};
const WholeName kWholeNames[] = {
    {"oauth", "Basic access", "Identify the account and user that install the app"},
    {"contacts", "CRM records", "Contacts, companies and deals (legacy combined scope)"},
    {"content", "Website and content", "Website pages, blogs, templates and marketing email content"},
    {"automation", "Automation", "Workflows"},
    {"social", "Marketing", "Social media accounts and posts"},
    {"tickets", "Service", "Tickets"},
    {"e-commerce", "Commerce", "Products, line items and e-commerce data"},
    {"timeline", "CRM records", "Events on record timelines"},
    {"forms", "Marketing", "Forms and their submissions"},
    {"forms-uploaded-files", "Files", "Files uploaded through forms"},
    {"files", "Files", "Files in the file manager"},
    {"hubdb", "Website and content", "HubDB tables"},
    {"actions", "Automation", "Custom actions on CRM records"},
    {"accounting", "Commerce", "Accounting extension data"},
    {"reports", "Marketing", "Reports (legacy scope)"},
    {"integration-sync", "Other", "Two-way data sync with other systems"},
    {"business-intelligence", "Marketing", "Analytics and business data"},
    {"transactional-email", "Marketing", "Send transactional email"},
    {"marketing-email", "Marketing", "Send marketing email"},
    {"crm.export", "CRM records", "Export CRM records"},
    {"crm.import", "CRM records", "Import CRM records"},
};

std::vector<std::string> split_any(const std::string& s, const std::string& seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string::npos) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

std::string group_for(const std::string& first, const std::vector<std::string>& parts) {
  if (first == "crm" && parts.size() > 1 && parts[1] == "schemas") return "CRM settings";
  if (first == "crm" || first == "tasks" || first == "meetings" || first == "deal" || first == "pipeline" ||
      first == "forecast" || first == "forecasting" || first == "record_images" || first == "mh")
    return "CRM records";
  if (first == "cms" || first == "content" || first == "hubdb" || first == "ctas") return "Website and content";
  if (first == "automation" || first == "actions" || first == "sales") return "Automation";
  if (first == "conversations") return "Conversations";
  if (first == "e-commerce" || first == "cpq" || first == "tax_rates" || first == "payment" || first == "price" ||
      first == "contracts" || first == "revenue" || first == "inbounddb")
    return "Commerce";
  if (first == "files") return "Files";
  if (first == "marketing" || first == "social" || first == "communication_preferences" ||
      first == "behavioral_events" || first == "analytics" || first == "aeo" || first == "forms")
    return "Marketing";
  if (first == "settings" || first == "account-info" || first == "business_units_view" || first == "developers" ||
      first == "private" || first == "portal" || first == "mcp")
    return "Account settings";
  if (first == "tickets") return "Service";
  if (first == "webhooks" || first == "origins" || first == "timeline" || first == "media_bridge" ||
      first == "collector" || first == "data_integration" || first == "data" || first == "integrations" ||
      first == "external_integrations" || first == "scheduler")
    return "Integrations";
  return "Other";
}

std::string verb_for(const std::string& w) {
  static const char* const verbs[][2] = {
    {"read", "View"},        {"view", "View"},         {"write", "Change"},   {"edit", "Change"},
    {"read_write", "View and change"}, {"delete", "Delete"}, {"publish", "Publish"}, {"send", "Send"},
    {"create", "Create"},    {"execute", "Run"},       {"access", "Use"},     {"full", "View"},
  };
  for (const auto& v : verbs)
    if (w == v[0]) return v[1];
  return "";
}

std::string words(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts)
    for (const auto& w : split_any(p, "_-")) {
      if (w == "v2" || w == "crm" || w == "objects" || w == "cms" || w == "mh" || w == "public" || w == "api") continue;
      out += (out.empty() ? "" : " ") + w;
    }
  return out;
}
}  // namespace

ScopeLabel label_for(const std::string& name) {
  for (const auto& w : kWholeNames)
    if (name == w.name) return {w.group, w.text};
  auto parts = split_any(name, ".");
  if (parts.size() == 1) parts = split_any(name, "-");  // names like payment-links-read
  if (parts.empty()) return {"Other", name};
  std::string group = group_for(split_any(parts[0], "-")[0], parts);
  std::vector<std::string> rest = parts;
  std::string verb;
  while (!rest.empty()) {  // trailing v2, then a verb
    if (rest.back() == "v2") { rest.pop_back(); continue; }
    verb = verb_for(rest.back());
    if (!verb.empty()) rest.pop_back();
    break;
  }
  std::string qualifier;
  std::vector<std::string> subject;
  bool schema = parts.size() > 1 && parts[0] == "crm" && parts[1] == "schemas";
  for (const auto& p : rest) {
    if (p == "sensitive") qualifier = "sensitive data of";
    else if (p == "highly_sensitive") qualifier = "highly sensitive data of";
    else if (p == "schemas") continue;
    else subject.push_back(p);
  }
  std::string what = words(subject);
  if (schema) what += " property settings";
  if (!qualifier.empty()) what = qualifier + " " + what;
  if (what.empty()) what = name;
  std::string text = verb.empty() ? "Use " + what : verb + " " + what;
  return {group, text};
}

}  // namespace tierscope
