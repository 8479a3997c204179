#include "options.h"

#include <algorithm>
#include <charconv>

namespace tactful::cli {

Options::Options(Args args, std::vector<std::string_view> valued,
                 std::vector<std::string_view> flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::string_view key = a, inline_value;
      bool has_inline = false;
      if (auto eq = a.find('='); eq != std::string_view::npos) {
        key = a.substr(0, eq);
        inline_value = a.substr(eq + 1);
        has_inline = true;
      }
      if (std::find(valued.begin(), valued.end(), key) != valued.end()) {
        if (has_inline) {
          values_.emplace_back(key, inline_value);
        } else if (i + 1 < args.size()) {
          values_.emplace_back(key, args[++i]);
        } else {
          error_ = "option " + std::string(key) + " needs a value";
          return;
        }
      } else if (!has_inline && std::find(flags.begin(), flags.end(), key) != flags.end()) {
        flags_.emplace_back(key);
      } else {
        error_ = "unknown option " + std::string(key);
        return;
      }
    } else {
      positional_.emplace_back(a);
    }
  }
}

bool Options::has(std::string_view flag) const {
  return std::find(flags_.begin(), flags_.end(), flag) != flags_.end();
}

std::optional<std::string> Options::value(std::string_view key) const {
  std::optional<std::string> out;
  for (const auto& [k, v] : values_)
    if (k == key) out = v;
  return out;
}

std::vector<std::string> Options::values(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_)
    if (k == key) out.push_back(v);
  return out;
}

std::optional<double> parse_number(const std::string& s, double lo, double hi) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
  return v;
}

}  // namespace tactful::cli
