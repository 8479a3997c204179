// Which memory allocator the running process uses, for /metrics' tactful_build_info.
#pragma once

#include <string>

namespace tactful::server {

// "jemalloc <version>" when jemalloc serves malloc (linked in, the default build, or preloaded),
// "system" otherwise. Asked of the process at run time, not of the build, so an operator sees
// what actually runs. Never throws; cheap enough to call per scrape.
std::string allocator_in_use();

}  // namespace tactful::server
