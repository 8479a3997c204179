// Fuzzes what an operator hands the service: the config file (JSON with comments, through
// load_config) and the URL of `tactful healthcheck`. No input may crash or hang; a refused
// config says which file and why; a parsed URL keeps HttpUrl's guarantees.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "http_url.h"
#include "tactful/server/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (auto url = tactful::server::parse_http_url(input)) {
    if (url->host.empty() || url->path.empty() || url->path.front() != '/') std::abort();
    if (url->port.empty() || url->port.size() > 5) std::abort();
    const int port = std::stoi(url->port);
    if (port < 1 || port > 65535) std::abort();
  }
  // The same bytes as a config file (load_config reads files, as the service does).
  static const std::string path = "/tmp/tactful-fuzz-config-" + std::to_string(getpid()) + ".json";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(input.data(), static_cast<std::streamsize>(input.size()));
  }
  auto config =
      tactful::server::load_config(path, [](const char*) -> const char* { return nullptr; });
  std::remove(path.c_str());
  if (!config.ok()) {
    if (config.error().message.rfind(path, 0) != 0) std::abort();  // must name the file
  } else {
    (void)tactful::server::validate(*config);
  }
  return 0;
}
