// Fuzzes the trusted-proxy parsing: the first line of the input as trusted_proxies entries
// (comma-separated), the rest as X-Forwarded-For header values (one per line), walked from a
// peer that is and one that is not trusted. No input may crash or hang; a refused entry is
// named; the client address is the peer, a trusted hop, or an entry of the header.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "forwarded_for.h"

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    const auto at = s.find(sep);
    out.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return out;
    s.remove_prefix(at + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto newline = input.find('\n');
  std::vector<std::string> entries;
  for (auto e : split(input.substr(0, newline), ',')) entries.emplace_back(e);
  auto parsed = tactful::server::TrustedProxies::parse(entries);
  if (!parsed.ok()) {
    if (!parsed.error().message.starts_with("trusted_proxies[")) std::abort();
    parsed = tactful::server::TrustedProxies::parse({"10.0.0.0/8", "::1"});
  }
  std::vector<std::string_view> headers;
  if (newline != std::string_view::npos) headers = split(input.substr(newline + 1), '\n');
  for (const std::string_view peer : {"10.1.2.3", "::1", "203.0.113.9"}) {
    const std::string client = parsed->client_address(peer, headers);
    if (client.empty() || client.size() > 64) std::abort();  // an address, not header text
    if (!parsed->contains(peer) && client != peer) std::abort();
  }
  return 0;
}
