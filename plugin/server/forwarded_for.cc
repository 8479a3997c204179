#include "forwarded_for.h"

#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>

namespace tactful::server {

namespace {

namespace ip = boost::asio::ip;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Only what an IP address is written with: asio reads its input as a C string, so a NUL would
// cut "1.2.3.4\0junk" short and pass. No zone ids ("fe80::1%eth0"): no proxy forwards them.
bool address_chars(std::string_view s) {
  if (s.empty() || s.size() > 45) return false;  // the longest IPv6 text form
  for (const char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' ||
          c == ':'))
      return false;
  return true;
}

// A bare address ("10.0.0.1", "::1"); an IPv4-mapped IPv6 address counts as the IPv4 one.
std::optional<ip::address> bare_address(std::string_view text) {
  if (!address_chars(text)) return std::nullopt;
  boost::system::error_code ec;
  auto a = ip::make_address(std::string(text), ec);
  if (ec) return std::nullopt;
  if (a.is_v6() && a.to_v6().is_v4_mapped()) return ip::make_address_v4(ip::v4_mapped, a.to_v6());
  return a;
}

// An address as a peer or a forwarded entry shows it: "1.2.3.4", "1.2.3.4:80", "::1",
// "[::1]:80".
std::optional<ip::address> read_address(std::string_view text) {
  text = trim(text);
  if (text.starts_with('[')) {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    text = text.substr(1, close - 1);
  } else if (text.find(':') == text.rfind(':') && text.find('.') != std::string_view::npos) {
    text = text.substr(0, text.find(':'));  // IPv4 with a port
  }
  return bare_address(text);
}

std::uint32_t v4_mask(unsigned prefix) {
  return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
}

}  // namespace

Result<TrustedProxies> TrustedProxies::parse(const std::vector<std::string>& entries) {
  TrustedProxies out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string_view entry = trim(entries[i]);
    const auto fail = [&] {
      std::string shown(entry.substr(0, 100));
      for (char& c : shown)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';  // one printable line
      return Error{"trusted_proxies[" + std::to_string(i) + "]: '" + shown +
                   "' is not an IP address or network like 10.0.0.0/8 or fd00::/8"};
    };
    const auto slash = entry.find('/');
    const auto parsed = bare_address(entry.substr(0, slash));
    if (!parsed) return fail();
    const ip::address& a = *parsed;
    const unsigned bits = a.is_v4() ? 32 : 128;
    unsigned prefix = bits;
    if (slash != std::string_view::npos) {
      const std::string_view p = entry.substr(slash + 1);
      const auto [end, err] = std::from_chars(p.data(), p.data() + p.size(), prefix);
      if (err != std::errc() || end != p.data() + p.size() || p.empty() || prefix > bits)
        return fail();
    }
    if (a.is_v4()) {
      const std::uint32_t mask = v4_mask(prefix);
      out.v4_.push_back({a.to_v4().to_uint() & mask, mask});
    } else {
      out.v6_.push_back({a.to_v6().to_bytes(), prefix});
    }
  }
  return out;
}

TrustedProxies TrustedProxies::parse_or_none(const std::vector<std::string>& entries) {
  auto parsed = parse(entries);
  return parsed.ok() ? std::move(parsed.value()) : TrustedProxies{};
}

bool TrustedProxies::contains(std::string_view address) const {
  const auto a = read_address(address);
  return a && contains(*a);
}

bool TrustedProxies::contains(const boost::asio::ip::address& a) const {
  if (a.is_v4()) {
    const std::uint32_t x = a.to_v4().to_uint();
    for (const Net4& n : v4_)
      if ((x & n.mask) == n.addr) return true;
    return false;
  }
  const auto bytes = a.to_v6().to_bytes();
  for (const Net6& n : v6_) {
    bool match = true;
    for (unsigned bit = 0; bit < n.prefix && match; bit += 8) {
      const unsigned take = std::min(8u, n.prefix - bit);
      const unsigned char mask = static_cast<unsigned char>(0xFF << (8 - take));
      match = (bytes[bit / 8] & mask) == (n.addr[bit / 8] & mask);
    }
    if (match) return true;
  }
  return false;
}

std::string TrustedProxies::client_address(std::string_view peer,
                                           const std::vector<std::string_view>& forwarded) const {
  if (empty() || !contains(peer)) return std::string(peer);
  std::string client(peer);
  // Right to left over every entry of every header (the last header holds the newest hops).
  for (auto h = forwarded.rbegin(); h != forwarded.rend(); ++h) {
    std::string_view rest = *h;
    while (true) {
      const auto comma = rest.rfind(',');
      const std::string_view entry =
          trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
      if (!entry.empty()) {
        const auto a = read_address(entry);
        if (!a) return client;  // not an address: keep the last hop we trust
        client = a->to_string();
        if (!contains(*a)) return client;
      }
      if (comma == std::string_view::npos) break;
      rest = rest.substr(0, comma);
    }
  }
  return client;  // every hop is a trusted proxy: the leftmost one
}

}  // namespace tactful::server
