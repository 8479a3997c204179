#include "json_reader.h"

#include <rapidjson/error/en.h>

#include <cmath>

#include "tactful/timestamp.h"

namespace tactful::webhooks::detail {

std::string join(std::string_view base, std::string_view rel) {
  if (base.empty()) return std::string(rel);
  if (rel.empty()) return std::string(base);
  return std::string(base) + "." + std::string(rel);
}

std::string_view type_name(const Value& v) {
  if (v.IsNull()) return "null";
  if (v.IsBool()) return "a boolean";
  if (v.IsNumber()) return "a number";
  if (v.IsString()) return "a string";
  if (v.IsArray()) return "an array";
  return "an object";
}

std::string_view view(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

void Reader::fail(std::string message) {
  if (!error_) error_ = Error{std::move(message)};
}

Node Reader::find(const Node& from, std::string_view rel) {
  if (failed() || !from) return {};
  const Value* v = from.value;
  std::string path = from.path;
  std::size_t pos = 0;
  while (pos <= rel.size()) {
    std::size_t dot = rel.find('.', pos);
    if (dot == std::string_view::npos) dot = rel.size();
    const std::string_view key = rel.substr(pos, dot - pos);
    if (!v->IsObject()) {
      fail(path + ": expected an object, got " + std::string(type_name(*v)));
      return {};
    }
    // A Value name, not StringRef: that converts to const char* and is read up to a NUL.
    const Value name(rapidjson::StringRef(key.data(), key.size()));
    const auto it = v->FindMember(name);
    path = join(path, key);
    if (it == v->MemberEnd() || it->value.IsNull()) return {nullptr, path};
    v = &it->value;
    pos = dot + 1;
  }
  return {v, path};
}

namespace {
std::string missing(const Node& from, std::string_view rel) {
  return join(from.path, rel) + ": missing";
}
}  // namespace

Node Reader::object(const Node& from, std::string_view rel, bool required) {
  Node n = find(from, rel);
  if (failed()) return {};
  if (!n) {
    if (required) fail(missing(from, rel));
    return {};
  }
  if (!n.value->IsObject()) {
    fail(n.path + ": expected an object, got " + std::string(type_name(*n.value)));
    return {};
  }
  return n;
}

Node Reader::array(const Node& from, std::string_view rel, bool required) {
  Node n = find(from, rel);
  if (failed()) return {};
  if (!n) {
    if (required) fail(missing(from, rel));
    return {};
  }
  if (!n.value->IsArray()) {
    fail(n.path + ": expected an array, got " + std::string(type_name(*n.value)));
    return {};
  }
  return n;
}

std::optional<std::string> Reader::opt_string(const Node& from, std::string_view rel) {
  Node n = find(from, rel);
  if (failed() || !n) return std::nullopt;
  if (!n.value->IsString()) {
    fail(n.path + ": expected a string, got " + std::string(type_name(*n.value)));
    return std::nullopt;
  }
  return std::string(view(*n.value));
}

std::string Reader::string(const Node& from, std::string_view rel) {
  auto s = opt_string(from, rel);
  if (!s && !failed()) fail(missing(from, rel));
  return s.value_or("");
}

std::optional<std::string> Reader::opt_id(const Node& from, std::string_view rel) {
  Node n = find(from, rel);
  if (failed() || !n) return std::nullopt;
  const Value& v = *n.value;
  std::string out;
  if (v.IsString()) {
    out.assign(view(v));
  } else if (v.IsUint64()) {
    out = std::to_string(v.GetUint64());
  } else if (v.IsInt64()) {
    out = std::to_string(v.GetInt64());
  } else {
    fail(n.path + ": expected a string or an integer id, got " + std::string(type_name(v)));
    return std::nullopt;
  }
  if (out.empty()) {
    fail(n.path + ": empty id");
    return std::nullopt;
  }
  if (out.size() > 256) {
    fail(n.path + ": id longer than 256 bytes");
    return std::nullopt;
  }
  return out;
}

std::string Reader::id(const Node& from, std::string_view rel) {
  auto s = opt_id(from, rel);
  if (!s && !failed()) fail(missing(from, rel));
  return s.value_or("");
}

std::optional<bool> Reader::opt_bool(const Node& from, std::string_view rel) {
  Node n = find(from, rel);
  if (failed() || !n) return std::nullopt;
  if (!n.value->IsBool()) {
    fail(n.path + ": expected true or false, got " + std::string(type_name(*n.value)));
    return std::nullopt;
  }
  return n.value->GetBool();
}

bool Reader::boolean(const Node& from, std::string_view rel) {
  auto b = opt_bool(from, rel);
  if (!b && !failed()) fail(missing(from, rel));
  return b.value_or(false);
}

std::optional<std::chrono::sys_seconds> Reader::time(const Node& from, std::string_view rel,
                                                     bool required) {
  Node n = find(from, rel);
  if (failed()) return std::nullopt;
  if (!n) {
    if (required) fail(missing(from, rel));
    return std::nullopt;
  }
  const Value& v = *n.value;
  constexpr double kMaxSeconds = 253402300799.0;  // 9999-12-31T23:59:59Z
  if (v.IsNumber()) {
    const double s = v.GetDouble();
    if (std::isfinite(s) && s >= 0 && s <= kMaxSeconds)
      return std::chrono::sys_seconds{std::chrono::seconds{static_cast<std::int64_t>(s)}};
  } else if (v.IsString()) {
    if (auto t = parse_rfc3339(view(v))) return t;
  }
  fail(n.path + ": expected an RFC 3339 time or unix seconds");
  return std::nullopt;
}

Result<rapidjson::Document> parse_body(std::string_view body, std::size_t max_bytes) {
  if (body.size() > max_bytes)
    return Error{"body is " + std::to_string(body.size()) + " bytes, over the limit of " +
                 std::to_string(max_bytes)};
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(body.data(),
                                                                                    body.size());
  if (doc.HasParseError())
    return Error{std::string("malformed JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                 ": " + rapidjson::GetParseError_En(doc.GetParseError())};
  if (!doc.IsObject())
    return Error{"expected a JSON object at the top level, got " + std::string(type_name(doc))};
  return doc;
}

NormalizedEvent ignored(Vendor vendor, std::string_view event_type, std::string reason) {
  NormalizedEvent e;
  e.vendor = vendor;
  e.kind = EventKind::ignored;
  e.event_type = event_type;
  e.ignored_reason = std::move(reason);
  return e;
}

}  // namespace tactful::webhooks::detail
