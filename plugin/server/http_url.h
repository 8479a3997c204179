// Parsing the http:// URLs an operator gives `tactful healthcheck`.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tactful::server {

// A parsed http://HOST[:PORT][/PATH]. Guarantees: host is not empty, port is decimal digits
// for 1..65535 ("80" when absent), path starts with '/'.
struct HttpUrl {
  std::string host;  // an IPv6 literal without its brackets
  std::string port;
  std::string path;
};

// nullopt for anything else: another scheme, no host, an unclosed '[', a bad port.
std::optional<HttpUrl> parse_http_url(std::string_view url);

}  // namespace tactful::server
