// The main wasm module's operator new / delete (issue 21): a check makes thousands of small,
// short-lived C++ allocations (names as std::string over 10 bytes, map and set nodes, small vectors).
// emmalloc serves each with its bucket search, header and coalescing; here a request of <= 512 bytes
// is one of 13 size classes and comes from a free list (or the class's current 64 KB page), and its
// delete pushes it back: a few instructions each. Pages come from emmalloc (aligned_alloc) and are
// never given back; kPageClass records which class owns each 64 KB of the address space, so delete
// knows a pool object from a malloc'd one with one table read. Larger requests go to malloc / free.
// Only the main module links this file (web/CMakeLists.txt); native builds keep the system's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kPageBits = 16;                          // 64 KB pages
constexpr std::size_t kPage = std::size_t(1) << kPageBits;
// Up to 512 bytes: a check of 100 scopes asks for ~3,500 blocks of <= 128 bytes and ~300 of 129-512
// (longer names and messages, small vectors), which emmalloc served before; ~80 are larger.
constexpr std::uint32_t kClassSize[] = {8, 16, 24, 32, 48, 64, 96, 128, 160, 192, 256, 384, 512};
constexpr std::size_t kClasses = sizeof(kClassSize) / sizeof(kClassSize[0]);
constexpr std::size_t kMaxSmall = kClassSize[kClasses - 1];
// Class of a request of n bytes (1..kMaxSmall) by (n + 7) / 8: the smallest class that holds it.
struct ClassOf { std::uint8_t of[kMaxSmall / 8 + 1]; };
constexpr ClassOf class_table() {
  ClassOf t{};
  std::uint8_t c = 0;
  for (std::size_t i = 0; i <= kMaxSmall / 8; ++i) {
    while (kClassSize[c] < i * 8) ++c;
    t.of[i] = c;
  }
  return t;
}
constexpr ClassOf kClassOf = class_table();

struct Free { Free* next; };

std::uint8_t page_class[std::size_t(1) << (32 - kPageBits)];  // class + 1; 0: not a pool page
Free* free_list[kClasses];
char* bump[kClasses];      // the next unused byte of the class's current page
char* bump_end[kClasses];

void* small_new(std::size_t n) noexcept {
  const unsigned c = kClassOf.of[(n + 7) >> 3];
  if (Free* f = free_list[c]) {
    free_list[c] = f->next;
    return f;
  }
  const std::uint32_t size = kClassSize[c];
  if (bump_end[c] - bump[c] < std::ptrdiff_t(size)) {
    char* page = static_cast<char*>(std::aligned_alloc(kPage, kPage));
    if (!page) return nullptr;
    page_class[std::uintptr_t(page) >> kPageBits] = std::uint8_t(c + 1);
    bump[c] = page;
    bump_end[c] = page + kPage;
  }
  void* p = bump[c];
  bump[c] += size;
  return p;
}

void* try_new(std::size_t n) noexcept { return n - 1 < kMaxSmall ? small_new(n) : std::malloc(n ? n : 1); }

// Not inlined into every caller: one copy (the -O2 files would otherwise inline it everywhere, +14 KB).
[[gnu::noinline]] void* any_new(std::size_t n) {
  void* p = try_new(n);
  if (!p) throw std::bad_alloc();
  return p;
}

[[gnu::noinline]] void any_delete(void* p) noexcept {
  if (!p) return;
  if (const unsigned c = page_class[std::uintptr_t(p) >> kPageBits]) {
    Free* f = static_cast<Free*>(p);
    f->next = free_list[c - 1];
    free_list[c - 1] = f;
  } else {
    std::free(p);
  }
}

}  // namespace

void* operator new(std::size_t n) { return any_new(n); }
void* operator new[](std::size_t n) { return any_new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return try_new(n); }
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { any_delete(p); }
void operator delete[](void* p) noexcept { any_delete(p); }
void operator delete(void* p, std::size_t) noexcept { any_delete(p); }
void operator delete[](void* p, std::size_t) noexcept { any_delete(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { any_delete(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { any_delete(p); }
