#include "freed_pages.h"

#include <malloc.h>

#include <cstddef>

// jemalloc's control entry point, present only when the binary links jemalloc (the shipped
// `tactful`, CMakeLists.txt's TACTFUL_ALLOCATOR); weak, so builds on glibc's malloc (tests,
// sanitizers) link without it and take the glibc path.
extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp,
                       std::size_t newlen) __attribute__((weak));

namespace tactful::server {

void return_freed_pages() {
  if (mallctl != nullptr) {
    // This thread's cache of freed blocks goes back to the arenas first; then
    // "arena.<MALLCTL_ARENAS_ALL>.purge" (4096 in jemalloc 5) returns every arena's unused
    // dirty pages now rather than after the decay time.
    mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
    mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
    return;
  }
  malloc_trim(0);
}

}  // namespace tactful::server
