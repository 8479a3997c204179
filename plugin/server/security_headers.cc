// Filling in the security headers a response lacks.
#include "security_headers.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace tactful::server {
namespace {

const std::string* find(const HttpResponse& res, std::string_view name) {
  for (const auto& [n, value] : res.headers)
    if (n.size() == name.size() &&
        std::equal(name.begin(), name.end(), n.begin(),
                   [](char a, char b) { return (a | 0x20) == (b | 0x20); }))
      return &value;
  return nullptr;
}

bool has(const HttpResponse& res, std::string_view name) {
  return find(res, name) != nullptr;
}

void add_missing(HttpResponse& res, std::string_view name, std::string_view value) {
  if (!has(res, name)) res.headers.emplace_back(std::string(name), std::string(value));
}

constexpr std::string_view kPagePolicy =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

}  // namespace

void add_security_headers(HttpResponse& res) {
  add_missing(res, "X-Content-Type-Options", "nosniff");
  add_missing(res, "Referrer-Policy", "no-referrer");
  if (res.content_type.starts_with("text/html")) {
    add_missing(res, "Content-Security-Policy", kPagePolicy);
    if (find(res, "Content-Security-Policy")->find("frame-ancestors 'none'") != std::string::npos)
      add_missing(res, "X-Frame-Options", "DENY");
    return;
  }
  add_missing(res, "Cache-Control", "no-store");
}

}  // namespace tactful::server
