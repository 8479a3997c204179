// Writing a response's head as Beast's serializer does (boost/beast/http/impl/fields.hpp).
#include "response_head.h"

#include <algorithm>
#include <charconv>

namespace tactful::server {
namespace {

char digit(unsigned n) {
  return static_cast<char>('0' + n % 10);
}

void start_line(unsigned version, unsigned code, std::string_view reason, std::string& out) {
  out.assign("HTTP/X.Y ### ");  // as Beast writes it, the digits filled in below
  out[5] = digit(version / 10);
  out[7] = digit(version);
  out[9] = digit(code / 100);
  out[10] = digit(code / 10);
  out[11] = digit(code);
  out += reason;
  out += "\r\n";
}

void field(std::string_view name, std::string_view value, std::string& out) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

// Fields whose value Beast's keep_alive() or prepare_payload() would read or replace.
bool rewritten_by_beast(std::string_view name) {
  return same_name(name, "Connection") || same_name(name, "Content-Length") ||
         same_name(name, "Transfer-Encoding");
}

// True if Beast would hold `headers` in their order after Server and Content-Type, untouched
// by keep_alive() and prepare_payload(). Beast inserts a field after the last one of the same
// name, so a name given twice, or Server or Content-Type again, may move.
bool appended_in_order(const std::vector<std::pair<std::string, std::string>>& headers,
                       bool typed) {
  for (std::size_t i = 0; i < headers.size(); ++i) {
    const std::string_view name = headers[i].first;
    if (rewritten_by_beast(name) || same_name(name, "Server") ||
        (typed && same_name(name, "Content-Type")))
      return false;
    for (std::size_t j = 0; j < i; ++j)
      if (same_name(name, headers[j].first)) return false;
  }
  return true;
}

void write_with_beast(const ResponseHead& h, std::string& out) {
  http::response<http::string_body> res;
  res.version(h.version);
  res.result(static_cast<unsigned>(h.status));
  res.set(http::field::server, "tactful");
  if (h.content_type) res.set(http::field::content_type, *h.content_type);
  if (h.headers)
    for (const auto& [name, value] : *h.headers) res.insert(name, value);
  res.body().resize(h.body_size);  // a body of that length is all prepare_payload() reads
  res.keep_alive(h.keep_alive);
  res.prepare_payload();  // throws for a body with 204 or 304, as it did
  write_response_head(res.base(), out);
}

}  // namespace

void write_response_head(const http::response_header<>& head, std::string& out) {
  start_line(head.version(), head.result_int(), to_sv(head.reason()), out);
  for (const auto& f : head) field(to_sv(f.name_string()), to_sv(f.value()), out);
  out += "\r\n";
}

void write_response_head(const ResponseHead& h, std::string& out) {
  const auto code = static_cast<unsigned>(h.status);
  bool plain = code >= 200 && code != 204 && code != 304 && code <= 999;
  if (plain && h.headers) plain = appended_in_order(*h.headers, h.content_type != nullptr);
  if (!plain) return write_with_beast(h, out);
  start_line(h.version, code, to_sv(http::obsolete_reason(static_cast<http::status>(code))), out);
  field("Server", "tactful", out);
  if (h.content_type) field("Content-Type", *h.content_type, out);
  if (h.headers)
    for (const auto& [name, value] : *h.headers) field(name, value, out);
  // keep_alive(): HTTP/1.1 keeps a connection alive unless told, HTTP/1.0 closes it unless told.
  if (h.version >= 11 && !h.keep_alive) field("Connection", "close", out);
  if (h.version < 11 && h.keep_alive) field("Connection", "keep-alive", out);
  char length[24];
  const auto end = std::to_chars(length, length + sizeof length, h.body_size).ptr;
  field("Content-Length", std::string_view(length, static_cast<std::size_t>(end - length)), out);
  out += "\r\n";
}

}  // namespace tactful::server
