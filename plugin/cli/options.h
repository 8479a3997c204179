// A small argument reader shared by the sub-commands: --flag, --key value, positionals.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.h"

namespace tactful::cli {

class Options {
 public:
  // `valued` lists options that take a value, `flags` those that don't.
  Options(Args args, std::vector<std::string_view> valued, std::vector<std::string_view> flags);
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool has(std::string_view flag) const;
  std::optional<std::string> value(std::string_view key) const;  // the last one given
  std::vector<std::string> values(std::string_view key) const;   // every one given
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> flags_;
  std::vector<std::string> positional_;
  std::string error_;
};

// Parses a decimal number in [lo, hi], or nullopt.
std::optional<double> parse_number(const std::string& s, double lo, double hi);

}  // namespace tactful::cli
