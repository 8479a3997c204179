// Writing a response's head as Beast's serializer does (boost/beast/http/impl/fields.hpp).
#include "response_head.h"

namespace tactful::server {

void write_response_head(const http::response_header<>& head, std::string& out) {
  const unsigned version = head.version();
  const unsigned code = head.result_int();
  const char start[] = {'H',
                        'T',
                        'T',
                        'P',
                        '/',
                        static_cast<char>('0' + version / 10),
                        '.',
                        static_cast<char>('0' + version % 10),
                        ' ',
                        static_cast<char>('0' + code / 100),
                        static_cast<char>('0' + code / 10 % 10),
                        static_cast<char>('0' + code % 10),
                        ' '};
  out.assign(start, sizeof start);
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
