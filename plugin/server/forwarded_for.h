// The client address of a request that came through reverse proxies the operator trusts.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>

#include "tactful/result.h"

namespace tactful::server {

// A set of proxy addresses and networks ("10.0.0.7", "10.0.0.0/8", "::1", "fd00::/8").
// Guarantees: a request's client address is its TCP peer unless that peer is in the set; only
// then is X-Forwarded-For read, from the right (the entries a trusted proxy appended), and the
// first entry that is not itself a trusted proxy is the client. A header a client forged can
// only add entries to the left of what the trusted proxies appended, so it never picks the
// address. An entry that is not an IP address stops the walk and the last trusted hop is used.
// Empty (the default): X-Forwarded-For is never read. Thread-safe for reads after parse().
class TrustedProxies {
 public:
  TrustedProxies() = default;

  // Parses the config entries; an error names the first bad one.
  static Result<TrustedProxies> parse(const std::vector<std::string>& entries);
  // The same, or an empty set when an entry is bad (validate() has refused such a config).
  static TrustedProxies parse_or_none(const std::vector<std::string>& entries);

  bool empty() const { return v4_.empty() && v6_.empty(); }
  bool contains(std::string_view address) const;
  bool contains(const boost::asio::ip::address& address) const;

  // The client address of a request whose TCP peer is `peer` and whose X-Forwarded-For header
  // values (each comma-separated, in the order received) are `forwarded`.
  std::string client_address(std::string_view peer,
                             const std::vector<std::string_view>& forwarded) const;

 private:
  struct Net4 {
    std::uint32_t addr, mask;
  };
  struct Net6 {
    std::array<unsigned char, 16> addr;
    unsigned prefix;
  };
  std::vector<Net4> v4_;
  std::vector<Net6> v6_;
};

}  // namespace tactful::server
