// Hands the pages the allocator keeps after a burst of frees back to the operating system.
#pragma once

namespace tactful::server {

// Loading the rule packs allocates and frees far more than the rule set keeps (the JSON, and
// every rule's examples run through the engine as tests); the allocator keeps those freed pages
// for reuse, so without this the server would rest with several MiB it never uses again
// (docs/server.md, "Status against the targets"). Call it after a load; it changes no data, only
// which freed pages stay mapped, and is cheap next to the load itself.
void return_freed_pages();

}  // namespace tactful::server
