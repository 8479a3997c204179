// JsonOut's text members.
#include "json_out.h"

#include <cmath>

#include "tactful/text.h"

namespace tactful::server {

JsonOut& JsonOut::key(std::string_view k) {
  const std::string clean = sanitize_utf8(k);
  w_.Key(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  return *this;
}

JsonOut& JsonOut::str(std::string_view v) {
  const std::string clean = sanitize_utf8(v);
  w_.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  return *this;
}

JsonOut& JsonOut::real(double v) {
  if (!std::isfinite(v)) return null();
  w_.Double(v);
  return *this;
}

JsonOut& JsonOut::raw(std::string_view json) {
  if (json.empty()) return null();
  w_.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return *this;
}

}  // namespace tactful::server
