// Formatting and writing the JSON log lines.
#include "access_log.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "redact.h"
#include "tactful/text.h"
#include "tactful/timestamp.h"

namespace tactful::server {
namespace {

// True for a byte a JSON string holds as it is: not '"', '\\' or a control character.
bool plain(char c) {
  return static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\';
}

void append_json_string(std::string& out, std::string_view s) {
  // Only text with non-ASCII bytes can need sanitizing; most log fields are ASCII and are
  // escaped in place rather than copied first.
  std::string clean;
  if (std::any_of(s.begin(), s.end(), [](char c) { return c < 0; })) s = clean = sanitize_utf8(s);
  out.push_back('"');
  while (true) {
    // Runs of plain bytes are appended at once, not a byte at a time.
    const auto run =
        static_cast<std::size_t>(std::find_if_not(s.begin(), s.end(), plain) - s.begin());
    out.append(s.data(), run);
    if (run == s.size()) break;
    const char c = s[run];
    s.remove_prefix(run + 1);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      }
    }
  }
  out.push_back('"');
}

void field(std::string& out, std::string_view key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":";
  append_json_string(out, value);
}

void number(std::string& out, std::string_view key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":";
  out += value;
}

// std::to_chars rather than std::to_string and snprintf: no allocation, no format parsing.
template <typename Number, typename... Format>
void number(std::string& out, std::string_view key, Number value, Format... format) {
  char text[64];
  const auto end = std::to_chars(text, text + sizeof text, value, format...).ptr;
  number(out, key, std::string_view(text, static_cast<std::size_t>(end - text)));
}

// {"ts":"…" — the formatted second is cached per thread.
void start(std::string& out) {
  thread_local std::chrono::sys_seconds last{};
  thread_local std::string formatted;
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (now != last || formatted.empty()) {
    last = now;
    formatted = format_rfc3339(now);
  }
  out += "{\"ts\":\"";
  out += formatted;
  out += '"';
}

void write_all(std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(2, text.data(), text.size());
    if (n <= 0) return;
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace

AccessLog::AccessLog(LogSink sink, bool requests) : sink_(std::move(sink)), requests_(requests) {
  if (!sink_) writer_ = std::thread([this] { run(); });
}

AccessLog::~AccessLog() {
  if (!writer_.joinable()) return;
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  writer_.join();
}

void AccessLog::run() {
  std::unique_lock lock(mu_);
  for (;;) {
    cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return stopping_ || urgent_; });
    std::string batch;
    batch.swap(pending_);
    urgent_ = false;
    const bool stop = stopping_;
    lock.unlock();
    write_all(batch);
    lock.lock();
    if (stop && pending_.empty()) return;
  }
}

void AccessLog::emit(std::string line, bool urgent) const {
  if (sink_) {
    sink_(line);
    return;
  }
  bool wake = false;
  {
    const std::lock_guard lock(mu_);
    if (pending_.size() > (8u << 20)) return;  // the writer is stuck: drop rather than grow
    pending_ += line;
    pending_.push_back('\n');
    urgent_ = urgent_ || urgent || pending_.size() > (64u << 10);
    wake = urgent_;
  }
  if (wake) cv_.notify_one();
}

void AccessLog::request(const RequestLine& r) const {
  if (!requests_) return;
  std::string out;
  out.reserve(256);
  start(out);
  out += ",\"event\":\"request\"";
  field(out, "method", r.method);
  field(out, "route", r.route);
  field(out, "path", redact_pii(r.path.substr(0, 200)));
  number(out, "status", r.status);
  number(out, "ms", r.seconds * 1e3, std::chars_format::fixed, 3);  // as printf's "%.3f"
  number(out, "bytes_in", r.bytes_in);
  number(out, "bytes_out", r.bytes_out);
  if (!r.remote.empty()) field(out, "remote", r.remote);
  out += '}';
  emit(std::move(out), false);
}

void AccessLog::event(std::string_view level, std::string_view event,
                      std::string_view message) const {
  std::string out;
  start(out);
  field(out, "level", level);
  field(out, "event", event);
  field(out, "message", redact_pii(message));
  out += '}';
  emit(std::move(out), true);
}

}  // namespace tactful::server
