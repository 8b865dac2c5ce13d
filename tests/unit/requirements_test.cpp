// The evaluator's shortcuts against the plain computation: distinct requirements numbered once, their
// kept sets, and the configuration counts now and after each suggestion (one running AND in an
// order) against where_all over the scopes that remain, for random requests on the built-in catalog.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "catalog/catalog.hpp"
#include "evaluate/evaluate.hpp"
#include "input/input.hpp"
#include "input/request.hpp"
#include "text.hpp"

using namespace tierscope;

namespace {
// Configurations where every blocking scope of `names` is granted by its strict and lenient grants.
std::uint32_t brute_force(const std::vector<std::string>& names, const Catalog& c) {
  std::vector<const Grant*> grants;
  for (const auto& n : names)
    if (const Scope* s = c.find(n)) grants.insert(grants.end(), {&s->strict, &s->lenient});
  return c.model->where_all(grants).count();
}
}  // namespace

TEST_CASE("requirements: one id per distinct grant, profile bits and kept sets as the model computes them") {
  auto c = Catalog::builtin();
  const Model& m = *c->model;
  CHECK(c->requirements.size() < c->scopes.size());  // scopes share requirements
  for (const auto& s : c->scopes) {
    CHECK(c->requirements.grant(s.strict_id).kind == s.strict.kind);
    CHECK(c->requirements.grant(s.lenient_id).alternatives.size() == s.lenient.alternatives.size());
  }
  for (std::size_t id = 0; id < c->requirements.size(); ++id) {
    const Grant& g = c->requirements.grant(int(id));
    for (std::size_t p = 0; p < m.profiles.size(); ++p) CHECK(c->requirements.on_profile(int(id), p) == m.grants(g, m.profiles[p].config));
    auto met = c->requirements.met(int(id), m);
    const AccountSet plain = m.where_all({&g});
    CHECK(met.count == plain.count());
    for (std::size_t w = 0; w < plain.words(); ++w) REQUIRE(met.set->word(w) == plain.word(w));
    CHECK(c->requirements.met(int(id), m).set == met.set);  // kept: the same set the next time
  }
}

TEST_CASE("reach now and after each suggestion equals where_all over the scopes that remain") {
  auto c = Catalog::builtin();
  std::vector<std::string> names;
  for (const auto& s : c->scopes)
    if (!s.retired() && !s.deprecated) names.push_back(s.name);
  std::mt19937 rng(20261129);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> pick;
    const int n = 1 + int(rng() % (round < 20 ? 12 : 120));
    for (int i = 0; i < n; ++i) pick.push_back(names[rng() % names.size()]);
    RawInput in = read_input(join(pick, " "));
    Request req = build_request(in, *c);
    Evaluation ev = evaluate(req, *c, Options{});
    CAPTURE(n);
    std::vector<std::string> blocking = req.required;
    blocking.insert(blocking.end(), req.conditional.begin(), req.conditional.end());
    CHECK(ev.combinations_install == brute_force(blocking, *c));
    for (const auto& sug : ev.suggestions) {
      const std::vector<std::string> scopes = ev.names_of(sug.scopes);
      struct { const std::vector<std::string>& scopes; std::uint32_t combinations; } s{scopes, sug.combinations};
      std::vector<std::string> rest;
      for (const auto& b : blocking)
        if (std::find(s.scopes.begin(), s.scopes.end(), b) == s.scopes.end()) rest.push_back(b);
      CHECK(s.combinations == brute_force(rest, *c));
    }
  }
}
