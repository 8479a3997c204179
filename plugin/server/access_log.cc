// Formatting and writing the JSON log lines.
#include "access_log.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

#include <chrono>
#include <cmath>

#include "tactful/text.h"
#include "tactful/timestamp.h"

namespace tactful::server {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, std::string_view key, std::string_view value) {
  w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
  const std::string clean = sanitize_utf8(value);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
}

void start(Writer& w) {
  w.StartObject();
  const auto now = std::chrono::system_clock::now();
  put(w, "ts", format_rfc3339(std::chrono::floor<std::chrono::seconds>(now)));
}

}  // namespace

AccessLog::AccessLog(LogSink sink, bool requests) : sink_(std::move(sink)), requests_(requests) {}

void AccessLog::emit(const std::string& line) const {
  if (sink_) {
    sink_(line);
    return;
  }
  std::string out = line + "\n";
  const char* p = out.data();
  std::size_t left = out.size();
  while (left > 0) {
    const ssize_t n = ::write(2, p, left);
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

void AccessLog::request(const RequestLine& r) const {
  if (!requests_) return;
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  start(w);
  put(w, "event", "request");
  put(w, "method", r.method);
  put(w, "route", r.route);
  put(w, "path", r.path.substr(0, 200));
  w.Key("status");
  w.Int(r.status);
  w.Key("ms");
  w.Double(std::round(r.seconds * 1e6) / 1e3);
  w.Key("bytes_in");
  w.Uint64(r.bytes_in);
  w.Key("bytes_out");
  w.Uint64(r.bytes_out);
  if (!r.remote.empty()) put(w, "remote", r.remote);
  w.EndObject();
  emit(std::string(buffer.GetString(), buffer.GetSize()));
}

void AccessLog::event(std::string_view level, std::string_view event,
                      std::string_view message) const {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  start(w);
  put(w, "level", level);
  put(w, "event", event);
  put(w, "message", message);
  w.EndObject();
  emit(std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace tactful::server
