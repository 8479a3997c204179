// Detects jemalloc through its control interface, declared weak: the symbol is null unless a
// loaded library defines it, so this file does not make the server depend on jemalloc.
#include "allocator_info.h"

#include <cstddef>

extern "C" int mallctl(const char* name, void* oldp, std::size_t* oldlenp, void* newp,
                       std::size_t newlen) __attribute__((weak));

namespace tactful::server {

std::string allocator_in_use() {
  if (mallctl == nullptr) return "system";
  const char* version = nullptr;
  std::size_t size = sizeof(version);
  if (mallctl("version", &version, &size, nullptr, 0) != 0 || version == nullptr) return "jemalloc";
  return std::string("jemalloc ") + version;
}

}  // namespace tactful::server
