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

// Holds either a T or an error (an Error unless a boundary needs a richer error type, e.g. one
// with a kind a caller maps to a status code). Accessing the wrong alternative is a programming
// error (std::get throws std::bad_variant_access), so callers check ok() first.
template <typename T, typename E = Error>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(E error) : v_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const E& error() const { return std::get<E>(v_); }

  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, E> v_;
};

// Success with nothing to return, or an error: Result<void> r = {}; ... return E{...};
template <typename E>
class Result<void, E> {
 public:
  Result() = default;
  Result(E error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const E& error() const { return error_; }

 private:
  E error_{};
  bool ok_ = true;
};

}  // namespace tactful
