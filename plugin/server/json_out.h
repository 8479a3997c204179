// Building JSON responses: a thin fluent layer over RapidJSON's Writer that sanitizes text to
// valid UTF-8, so a response is always valid JSON whatever was stored.
#pragma once

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <string>
#include <string_view>
#include "tactful/adapters/json_writer.h"

namespace tactful::server {

// A RapidJSON value as compact JSON text.
template <typename Value>
std::string to_json_text(const Value& v) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  v.Accept(w);
  return std::string(buffer.GetString(), buffer.GetSize());
}

class JsonOut {
 public:
  JsonOut& begin_object() { return ok(w_.StartObject()); }
  JsonOut& end_object() { return ok(w_.EndObject()); }
  JsonOut& begin_array() { return ok(w_.StartArray()); }
  JsonOut& end_array() { return ok(w_.EndArray()); }
  JsonOut& key(std::string_view k);
  JsonOut& str(std::string_view v);
  JsonOut& num(std::int64_t v) { return ok(w_.Int64(v)); }
  JsonOut& real(double v);  // non-finite numbers become null
  JsonOut& boolean(bool v) { return ok(w_.Bool(v)); }
  JsonOut& null() { return ok(w_.Null()); }
  // Inserts already-serialized JSON (stored rule bodies); "" becomes null.
  JsonOut& raw(std::string_view json);
  // Shorthands for a member.
  JsonOut& field(std::string_view k, std::string_view v) { return key(k).str(v); }
  JsonOut& field(std::string_view k, const char* v) { return key(k).str(v); }
  JsonOut& field(std::string_view k, std::int64_t v) { return key(k).num(v); }
  JsonOut& field(std::string_view k, int v) { return key(k).num(v); }
  JsonOut& field(std::string_view k, bool v) { return key(k).boolean(v); }

  std::string take() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  JsonOut& ok(bool) { return *this; }
  rapidjson::StringBuffer buffer_;
  JsonWriter w_{buffer_};
};

}  // namespace tactful::server
