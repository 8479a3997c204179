// URL, id and HTML helpers for the note requests.
#include "url.h"

#include "tactful/adapters/notes/request.h"

namespace tactful::notes::detail {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

bool is_control(unsigned char c) {
  return c < 0x20 || c == 0x7F;
}

// Characters allowed in a base URL's host, port and path (no query, fragment or userinfo).
bool base_char_ok(unsigned char c) {
  return is_unreserved(c) || c == '/' || c == ':' || c == '%' || c == '[' || c == ']' || c == '+' ||
         c == ',' || c == ';' || c == '=' || c == '!' || c == '$' || c == '&' || c == '\'' ||
         c == '(' || c == ')' || c == '*';
}

}  // namespace

std::string_view default_base_url(webhooks::Vendor vendor) {
  switch (vendor) {
    case webhooks::Vendor::intercom:
      return "https://api.intercom.io";
    case webhooks::Vendor::front:
      return "https://api2.frontapp.com";
    case webhooks::Vendor::helpscout:
      return "https://api.helpscout.net";
    case webhooks::Vendor::livechat:
      return "https://api.livechatinc.com";
    default:
      return "";
  }
}

Result<std::string> normalize_base_url(webhooks::Vendor vendor, std::string_view base) {
  const std::string_view name = webhooks::vendor_name(vendor);
  if (base.empty()) base = default_base_url(vendor);
  if (base.empty())
    return Error{"base_url is required for " + std::string(name) +
                 " (the helpdesk's own address, e.g. https://support.example.com)"};
  if (base.size() > 2048) return Error{"base_url is longer than 2048 bytes"};
  std::size_t scheme_end = 0;
  if (base.starts_with("https://"))
    scheme_end = 8;
  else if (base.starts_with("http://"))
    scheme_end = 7;
  else
    return Error{"base_url must start with https:// or http://"};
  for (unsigned char c : base) {
    if (c == '?' || c == '#') return Error{"base_url must not have a query or fragment"};
    if (c == '@') return Error{"base_url must not carry credentials (user@host)"};
    if (is_control(c) || c == ' ' || !base_char_ok(c) || c >= 0x80)
      return Error{"base_url holds a character that is not allowed in a URL"};
  }
  std::string out(base);
  while (out.size() > scheme_end && out.back() == '/') out.pop_back();
  const std::size_t host_end = out.find('/', scheme_end);
  const std::string_view authority = std::string_view(out).substr(
      scheme_end, host_end == std::string::npos ? std::string::npos : host_end - scheme_end);
  if (authority.empty() || authority.front() == ':') return Error{"base_url has no host"};
  return out;
}

std::string encode_segment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(segment.size());
  for (unsigned char c : segment) {
    if (is_unreserved(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

Result<void> check_id(std::string_view id, std::string_view what, bool numeric) {
  const std::string w(what);
  if (id.empty()) return Error{w + " is empty"};
  if (id.size() > kMaxIdBytes)
    return Error{w + " is " + std::to_string(id.size()) + " bytes; at most " +
                 std::to_string(kMaxIdBytes)};
  if (id == "." || id == "..") return Error{w + " '" + std::string(id) + "' is not an id"};
  for (unsigned char c : id)
    if (is_control(c)) return Error{w + " holds a control character"};
  if (numeric) {
    if (id.size() > 18) return Error{w + " must be a number of at most 18 digits"};
    for (unsigned char c : id)
      if (c < '0' || c > '9') return Error{w + " must be a number (digits only)"};
  }
  return {};
}

bool under_base(std::string_view base, std::string_view url) {
  if (!url.starts_with(base)) return false;
  if (url.size() == base.size()) return true;
  const char next = url[base.size()];
  return next == '/' || next == '?';
}

std::string html_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "<br>";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace tactful::notes::detail
