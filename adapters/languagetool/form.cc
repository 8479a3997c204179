// Form-encoded parameters (application/x-www-form-urlencoded), parsed leniently.
#include "tactful/adapters/lt_form.h"

namespace tactful::lt {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void FormParams::add(std::string name, std::string value) {
  params_.emplace_back(std::move(name), std::move(value));
}

const std::string* FormParams::get(std::string_view name) const {
  for (auto it = params_.rbegin(); it != params_.rend(); ++it)
    if (it->first == name) return &it->second;
  return nullptr;
}

std::string percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) {
        out.push_back(c);
        continue;
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<Error> parse_form(std::string_view encoded, FormParams& out, std::size_t max_params) {
  std::size_t pos = 0;
  while (pos <= encoded.size()) {
    std::size_t amp = encoded.find('&', pos);
    if (amp == std::string_view::npos) amp = encoded.size();
    const std::string_view pair = encoded.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) continue;
    if (out.size() >= max_params)
      return Error{"more than " + std::to_string(max_params) + " parameters"};
    const std::size_t eq = pair.find('=');
    std::string name = sanitize_utf8(percent_decode(pair.substr(0, eq)));
    std::string value = eq == std::string_view::npos
                            ? std::string()
                            : sanitize_utf8(percent_decode(pair.substr(eq + 1)));
    if (name.empty()) continue;
    out.add(std::move(name), std::move(value));
  }
  return std::nullopt;
}

}  // namespace tactful::lt
