// HTTP request headers as the webhook verifier and parsers read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tactful::webhooks {

// A list of header fields with case-insensitive lookup (HTTP field names are case-insensitive:
// Front sends `x-front-signature`, the docs say `X-Front-Signature`). Guarantees: get() returns
// the first field with that name, its value with surrounding spaces and tabs removed.
class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);

  void add(std::string_view name, std::string_view value);
  std::optional<std::string_view> get(std::string_view name) const;
  std::size_t size() const { return fields_.size(); }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b);

}  // namespace tactful::webhooks
