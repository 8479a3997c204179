// Writing a response's head as Beast's serializer does (boost/beast/http/impl/fields.hpp).
#include "response_head.h"

namespace tactful::server {

namespace {

char digit(unsigned n) {
  return static_cast<char>('0' + n % 10);
}

}  // namespace

void write_response_head(const http::response_header<>& head, std::string& out) {
  const unsigned version = head.version(), code = head.result_int();
  out.assign("HTTP/X.Y ### ");  // as Beast writes it, the digits filled in below
  out[5] = digit(version / 10);
  out[7] = digit(version);
  out[9] = digit(code / 100);
  out[10] = digit(code / 10);
  out[11] = digit(code);
  out += to_sv(head.reason());
  out += "\r\n";
  for (const auto& field : head) {
    out += to_sv(field.name_string());
    out += ": ";
    out += to_sv(field.value());
    out += "\r\n";
  }
  out += "\r\n";
}

}  // namespace tactful::server
