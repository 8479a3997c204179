// Result<T>: a value or an error message, used at every boundary instead of exceptions.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tactful {

// An error that a caller can show to a person as is: one line, naming what was wrong and where.
struct Error {
  std::string message;
};

// Holds either a T or an Error. Accessing the wrong alternative is a programming error
// (std::get throws std::bad_variant_access), so callers check ok() first.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace tactful
