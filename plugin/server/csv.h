// CSV output (RFC 4180) that spreadsheets open safely.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tactful::server {

// One CSV field: quoted when it holds a comma, quote or line break (quotes doubled); a field
// that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed
// with ' (OWASP's advice on CSV injection). Invalid UTF-8 becomes U+FFFD.
std::string csv_field(std::string_view text);

// One line: the fields joined with commas, ended by CRLF.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace tactful::server
