// The direct JSON writer against nlohmann's dump(2, ' ', false, replace), which it must equal byte for byte.
#include <doctest/doctest.h>

#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "report/json_writer.hpp"
#include "tierscope/api.hpp"

using namespace tierscope;
using ojson = nlohmann::ordered_json;

namespace {
std::string nlohmann_text(const ojson& j) { return j.dump(2, ' ', false, ojson::error_handler_t::replace); }

void write(JsonWriter& w, const ojson& j) {  // any tree of strings, numbers, booleans and nulls
  if (j.is_object()) {
    w.begin_object();
    for (const auto& [k, v] : j.items()) write(w.key(k), v);
    w.end_object();
  } else if (j.is_array()) {
    w.begin_array();
    for (const auto& v : j) write(w, v);
    w.end_array();
  } else if (j.is_string()) {
    w.value(j.get<std::string>());
  } else if (j.is_boolean()) {
    w.value(j.get<bool>());
  } else if (j.is_number_unsigned()) {
    w.value(j.get<std::uint64_t>());
  } else if (j.is_number_integer()) {
    w.value(j.get<int>());
  } else {
    w.null();
  }
}

std::string written(const ojson& j) {
  JsonWriter w;
  write(w, j);
  return w.take();
}
}  // namespace

TEST_CASE("json writer: every byte value in a string, alone and inside text") {
  for (int b = 0; b < 256; ++b) {
    std::string one(1, char(b)), inside = "a" + one + "z\xC3\xA9";
    for (const auto& s : {one, inside}) {
      INFO("byte " << b);
      std::string mine;
      append_json_string(mine, s);
      CHECK(mine == ojson(s).dump(-1, ' ', false, ojson::error_handler_t::replace));
    }
  }
}

TEST_CASE("json writer: random byte strings, valid and invalid UTF-8") {
  std::mt19937 rng(20261129);
  const char* pieces[] = {"a", "\"", "\\", "\n", "\x01", "\x7F", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xC3", "\xFF", "\xED\xA0\x80"};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int k = int(rng() % 12); k > 0; --k) s += pieces[rng() % 12];
    std::string mine;
    append_json_string(mine, s);
    CHECK(mine == ojson(s).dump(-1, ' ', false, ojson::error_handler_t::replace));
  }
}

TEST_CASE("json writer: every byte value at every place of a longer string, and long mixed strings") {
  // The plain runs are scanned eight bytes at a time: a byte to escape or to check must be found wherever it is.
  const auto expect = [](const std::string& s) { return ojson(s).dump(-1, ' ', false, ojson::error_handler_t::replace); };
  for (int b = 0; b < 256; ++b)
    for (std::size_t at = 0; at < 20; ++at) {
      std::string s(20, 'x');
      s[at] = char(b);
      INFO("byte " << b << " at " << at);
      std::string mine = "prefix";
      append_json_string(mine, s);
      CHECK(mine == "prefix" + expect(s));
    }
  std::mt19937 rng(20261205);
  const char* pieces[] = {"crm.objects.contacts.read ", "\"", "\\", "\t", "\x1b", "\xC3\xA9", "\xE2\x80\xAE", "\xC3", "\x7F", "~ "};
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    for (int k = int(rng() % 30); k > 0; --k) s += pieces[rng() % 10];
    std::string mine;
    append_json_string(mine, s);
    CHECK(mine == expect(s));
  }
}

TEST_CASE("json writer: nesting, empty containers, numbers, keys as nlohmann formats them") {
  ojson doc = ojson::parse(R"({"a": [], "b": {}, "c": [1, [2, []], {"d": null, "e": true, "f": false}],
    "g": -7, "h": 18446744073709551615, "i": "x\ty", "k\"ey": [{"z": {}}], "empty": ""})");
  CHECK(written(doc) == nlohmann_text(doc));
  CHECK(written(ojson::array()) == "[]");
  CHECK(written(ojson::object()) == "{}");
  CHECK(written(ojson(0)) == "0");
  JsonWriter w;
  w.begin_object().field("n", -2147483647 - 1).key("s").string_or_null("").key("l").strings({"a", "b"}).end_object();
  CHECK(w.take() == nlohmann_text(ojson::parse(R"({"n": -2147483648, "s": null, "l": ["a", "b"]})")));
}

TEST_CASE("set_compact_reports: the same documents without new lines, for the calling thread only") {
  const char* inputs[] = {"crm.objects.contacts.read crm.objects.deals.write nonsense.scope", "oauth\ncontent\n",
                          R"({"auth": {"requiredScopes": ["crm.objects.contacts.read"], "optionalScopes": ["automation"]}})",
                          "https://app.hubspot.com/oauth/authorize?client_id=x&scope=crm.objects.contacts.read%20tickets&redirect_uri=https://x.example"};
  for (const char* in : inputs) {
    for (const char* options : {"", R"({"lean": true})"}) {
      tierscope::Outcome indented = tierscope::check_text(in, options);
      REQUIRE(indented.ok);
      tierscope::set_compact_reports(true);
      tierscope::Outcome compact = tierscope::check_text(in, options);
      // Another thread's reports keep the indented text meanwhile.
      tierscope::Outcome other;
      std::thread([&] { other = tierscope::check_text(in, options); }).join();
      tierscope::set_compact_reports(false);
      REQUIRE(compact.ok);
      CHECK(compact.json.find('\n') == std::string::npos);
      CHECK(compact.json.size() < indented.json.size());
      CHECK(compact.json == ojson::parse(indented.json).dump(-1, ' ', false, ojson::error_handler_t::replace));
      CHECK(other.json == indented.json);
      CHECK(tierscope::check_text(in, options).json == indented.json);
    }
  }
}

namespace {
// The coded report (set_coded_reports) with its names put back, as web/tierscope.js does.
ojson decoded(const std::string& text) {
  const ojson wire = ojson::parse(text);
  REQUIRE(wire.is_array());
  REQUIRE(wire.size() == 2);
  const ojson& names = wire[0];
  ojson report = wire[1];
  const auto lists = tierscope::coded_report_lists();  // (no structured binding: clang's C++17 lambdas cannot capture one)
  const std::uint32_t* words = lists.first;
  const std::size_t count = lists.second;
  auto put = [&](ojson& list) {
    REQUIRE(list.is_number_unsigned());
    const std::size_t at = list.get<std::size_t>();
    REQUIRE(at < count);
    REQUIRE(at + words[at] < count);
    ojson out = ojson::array();
    for (std::uint32_t i = 1; i <= words[at]; ++i) out.push_back(names.at(words[at + i]));
    list = std::move(out);
  };
  auto profile = [&](ojson& p) {
    for (const char* k : {"missing", "granted", "dropped", "unverified", "disputed"})
      if (p.contains(k)) put(p[k]);
  };
  for (auto& p : report["profiles"]) profile(p);
  if (report["account"].is_object()) profile(report["account"]);
  for (auto& s : report["suggestions"]) put(s["scopes"]);
  return report;
}
}  // namespace

TEST_CASE("set_coded_reports: the name lists as numbers into one names table, the same report once put back") {
  const char* inputs[] = {"crm.objects.contacts.read crm.objects.deals.write nonsense.scope crm.objects.contacts.read", "oauth\ncontent\n",
                          R"({"auth": {"requiredScopes": ["crm.objects.contacts.read"], "optionalScopes": ["automation"]}})",
                          "https://app.hubspot.com/oauth/authorize?client_id=x&scope=crm.objects.contacts.read%20tickets&redirect_uri=https://x.example",
                          "automation content forms tickets e-commerce business-intelligence crm.objects.quotes.read"};
  const char* options[] = {"", R"({"lean": true})", R"({"account": {"hubs": {"marketing": "professional"}, "features": []}})"};
  for (const char* in : inputs) {
    for (const char* o : options) {
      tierscope::Outcome plain = tierscope::check_text(in, o);
      REQUIRE(plain.ok);
      tierscope::set_compact_reports(true);
      tierscope::set_coded_reports(true);
      tierscope::Outcome coded = tierscope::check_text(in, o);
      tierscope::set_coded_reports(false);
      tierscope::set_compact_reports(false);
      REQUIRE(coded.ok);
      CHECK(coded.json.size() < plain.json.size());
      CHECK(decoded(coded.json) == ojson::parse(plain.json));
      CHECK(tierscope::check_text(in, o).json == plain.json);  // off again: the plain text
    }
  }
}
