// Structured logs: one JSON object per line (requests, reloads, lifecycle events).
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace tactful::server {

using LogSink = std::function<void(std::string_view line)>;  // called with no trailing newline

// Writes log lines to a sink, or by default to stderr. Request lines carry method, route, path
// (never the query: LanguageTool clients put text there), status, duration and sizes — never
// draft text; the path and every event's message pass through redact_pii() (redact.h), so an
// e-mail address, card or phone number that reaches a log line (a path, a vendor's error, a
// store error quoting a value) is replaced by "[email]", "[card]" or "[phone]". To stderr, lines
// are appended to a buffer that a background thread writes out in batches (at least every 100 ms,
// and at once for events), so a request costs no system call; whole lines only, never interleaved.
// Everything buffered is written before destruction.
class AccessLog {
 public:
  explicit AccessLog(LogSink sink = {}, bool requests = true);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  struct RequestLine {
    std::string_view method, route, path, remote;
    int status = 0;
    double seconds = 0;
    std::size_t bytes_in = 0, bytes_out = 0;
  };
  void request(const RequestLine& r) const;
  // {"level": level, "event": event, "message": message}; flushed at once.
  void event(std::string_view level, std::string_view event, std::string_view message) const;

 private:
  void emit(std::string line, bool urgent) const;
  void run();
  LogSink sink_;
  bool requests_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable std::string pending_;
  mutable bool urgent_ = false;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace tactful::server
