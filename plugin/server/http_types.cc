// Error responses in the native (JSON) and LanguageTool (plain text) shapes.
#include "http_types.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tactful/adapters/json_writer.h"
#include "tactful/text.h"

namespace tactful::server {

HttpResponse json_error(int status, std::string_view message) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  const std::string clean = sanitize_utf8(message);
  w.StartObject();
  w.Key("error");
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  w.Key("status");
  w.Int(status);
  w.EndObject();
  return {status, "application/json", std::string(buffer.GetString(), buffer.GetSize()), {}};
}

HttpResponse lt_error(int status, std::string_view message) {
  return {status, "text/plain; charset=utf-8", "Error: " + sanitize_utf8(message), {}};
}

HttpResponse error_for_path(std::string_view path, int status, std::string_view message) {
  return path.starts_with("/v2/") ? lt_error(status, message) : json_error(status, message);
}

}  // namespace tactful::server
