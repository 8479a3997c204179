// Parsing http://HOST[:PORT][/PATH].
#include "http_url.h"

namespace tactful::server {

std::optional<HttpUrl> parse_http_url(std::string_view url) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) return std::nullopt;
  url.remove_prefix(scheme.size());
  const std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  HttpUrl t;
  t.path = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  t.port = "80";
  if (authority.starts_with('[')) {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    t.host = std::string(authority.substr(1, close - 1));
    authority.remove_prefix(close + 1);
    if (!authority.empty()) {
      if (authority.front() != ':') return std::nullopt;
      t.port = std::string(authority.substr(1));
    }
  } else {
    const std::size_t colon = authority.find(':');
    t.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) t.port = std::string(authority.substr(colon + 1));
  }
  if (t.host.empty() || t.port.empty() || t.port.size() > 5 ||
      t.port.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const int port = std::stoi(t.port);  // 1-5 digits: cannot overflow
  if (port < 1 || port > 65535) return std::nullopt;
  return t;
}

}  // namespace tactful::server
