// Native counterpart of the wasm figures of bench/run.mjs: tierscope::check_text in process (no
// start-up) for each input line of stdin. Built by run.mjs against a build's libtierscope_core.a.
//   native < inputs.txt   → one line per input: "<median ms> <first-call ms> <median ms with lean>"
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "tierscope/api.hpp"

int main() {
  using clock = std::chrono::steady_clock;
  auto ms = [](clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); };
  std::string input;
  while (std::getline(std::cin, input)) {
    auto t0 = clock::now();
    auto first = tierscope::check_text(input, "");  // the first line's first call loads the catalog
    const double first_ms = ms(clock::now() - t0);
    if (!first.ok) { std::fprintf(stderr, "native: %s\n", first.error.c_str()); return 2; }
    // Median of 15 samples, each as many calls as fit in ~5 ms (at least one); NaN when the call fails
    // (a build without the option).
    auto median = [&](const char* options) {
      if (!tierscope::check_text(input, options).ok) return std::nan("");
      std::vector<double> samples;
      for (int s = 0; s < 15; ++s) {
        int reps = 0;
        const auto start = clock::now();
        auto t = start;
        do { tierscope::check_text(input, options); ++reps; t = clock::now(); } while (ms(t - start) < 5);
        samples.push_back(ms(t - start) / reps);
      }
      std::sort(samples.begin(), samples.end());
      return samples[samples.size() / 2];
    };
    const double full = median("");
    std::printf("%.4f %.4f %.4f\n", full, first_ms, median(R"({"lean": true})"));
    std::fflush(stdout);
  }
}
