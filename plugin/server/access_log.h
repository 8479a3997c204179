// Structured logs: one JSON object per line (requests, reloads, lifecycle events).
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace tactful::server {

using LogSink = std::function<void(std::string_view line)>;  // called with no trailing newline

// Writes log lines to a sink (stderr by default, one write() per line so lines from several
// threads never interleave). Request lines carry method, route, path (never the query: LT
// clients put text there), status, duration and sizes — never draft text.
class AccessLog {
 public:
  explicit AccessLog(LogSink sink = {}, bool requests = true);

  struct RequestLine {
    std::string_view method, route, path, remote;
    int status = 0;
    double seconds = 0;
    std::size_t bytes_in = 0, bytes_out = 0;
  };
  void request(const RequestLine& r) const;
  // {"level": level, "event": event, "message": message}
  void event(std::string_view level, std::string_view event, std::string_view message) const;

 private:
  void emit(const std::string& line) const;
  LogSink sink_;
  bool requests_;
};

}  // namespace tactful::server
