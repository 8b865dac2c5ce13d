// The bitset floor: the least work a check of N scopes can do on this account model, as plain
// bitsets. One set per scope of C bits (C = the model's configuration indexes, one bit each); a check ANDs the N
// sets and counts the result under 28 masks (19 standard profiles, 6 hubs' tiers and features of
// the reach heatmaps, the custom account: popcounts of masked words). Built twice by bench/run.mjs:
// natively (g++ -O3 -march=native) and as wasm (emcc -O3 -msimd128, no imports, no libc), so the
// figures say what a check could cost at best on each side, measured in the same run.
//   native: floor C N... → one line per N: "N <median µs>"
//   wasm exports: floor_init(words, sets, seed), floor_pass(words, sets) → checksum
#include <cstdint>

namespace {
constexpr int kMaxWords = 262144 / 64;  // up to 2^18 configuration indexes (7 hubs x 2 bits + 4 features)
constexpr int kMaxSets = 300;
constexpr int kMasks = 28;
uint64_t g_sets[kMaxSets][kMaxWords];
uint64_t g_masks[kMasks][kMaxWords];
uint64_t g_acc[kMaxWords];

uint64_t next(uint64_t& s) {  // splitmix64
  uint64_t z = (s += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
}  // namespace

extern "C" {

/** Fills the sets (mostly ones: real scopes are available on most configurations) and the masks. */
void floor_init(int words, int sets, uint64_t seed) {
  for (int i = 0; i < sets; ++i)
    for (int w = 0; w < words; ++w) g_sets[i][w] = next(seed) | next(seed) | next(seed);
  for (int m = 0; m < kMasks; ++m)
    for (int w = 0; w < words; ++w) g_masks[m][w] = next(seed);
}

/** One check: AND of `sets` sets, then 28 masked popcounts. Returns a checksum (keeps the work). */
uint64_t floor_pass(int words, int sets) {
  for (int w = 0; w < words; ++w) g_acc[w] = g_sets[0][w];
  for (int i = 1; i < sets; ++i)
    for (int w = 0; w < words; ++w) g_acc[w] &= g_sets[i][w];
  uint64_t sum = 0;
  for (int m = 0; m < kMasks; ++m) {
    uint64_t n = 0;
    for (int w = 0; w < words; ++w) n += static_cast<uint64_t>(__builtin_popcountll(g_acc[w] & g_masks[m][w]));
    sum += n * static_cast<uint64_t>(m + 1);
  }
  return sum;
}
}

#ifndef __EMSCRIPTEN__
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: floor CONFIGURATIONS N...\n"); return 2; }
  const int words = std::max(1, std::min(kMaxWords, std::atoi(argv[1]) / 64));
  floor_init(words, kMaxSets, 42);
  using clock = std::chrono::steady_clock;
  volatile uint64_t keep = 0;
  for (int a = 2; a < argc; ++a) {
    const int sets = std::max(1, std::min(kMaxSets, std::atoi(argv[a])));
    std::vector<double> samples;
    for (int s = 0; s < 15; ++s) {  // each sample: as many passes as fit in ~2 ms
      int reps = 0;
      const auto t0 = clock::now();
      auto t = t0;
      do { keep = keep + floor_pass(words, sets); ++reps; t = clock::now(); } while (t - t0 < std::chrono::milliseconds(2));
      samples.push_back(std::chrono::duration<double, std::micro>(t - t0).count() / reps);
    }
    std::sort(samples.begin(), samples.end());
    std::printf("%d %.3f\n", sets, samples[samples.size() / 2]);
  }
  return keep == 1 ? 1 : 0;
}
#endif
