// Which address a request behind trusted reverse proxies is counted and logged as: the parser of
// trusted_proxies entries and the right-to-left walk of X-Forwarded-For, including forged,
// malformed and oversized headers.
#include "forwarded_for.h"

#include <gtest/gtest.h>

#include "tactful/server/config.h"

namespace tactful::server {
namespace {

TrustedProxies proxies(const std::vector<std::string>& entries) {
  auto p = TrustedProxies::parse(entries);
  EXPECT_TRUE(p.ok()) << (p.ok() ? "" : p.error().message);
  return p.ok() ? *p : TrustedProxies{};
}

TEST(TrustedProxies, ParsesAddressesAndNetworks) {
  const auto p = proxies({"10.0.0.0/8", "192.168.1.7", " 127.0.0.1 ", "fd00::/8", "::1"});
  EXPECT_TRUE(p.contains("10.200.3.4"));
  EXPECT_FALSE(p.contains("11.0.0.1"));
  EXPECT_TRUE(p.contains("192.168.1.7"));
  EXPECT_FALSE(p.contains("192.168.1.8"));
  EXPECT_TRUE(p.contains("127.0.0.1"));
  EXPECT_TRUE(p.contains("fd12:3456::1"));
  EXPECT_FALSE(p.contains("fe80::1"));
  EXPECT_TRUE(p.contains("::1"));
  EXPECT_TRUE(p.contains("::ffff:10.1.2.3"));  // an IPv4-mapped peer of a dual-stack socket
  EXPECT_TRUE(p.contains("10.1.2.3:4567"));
  EXPECT_TRUE(p.contains("[::1]:80"));
  EXPECT_FALSE(p.contains("not-an-address"));
  EXPECT_FALSE(p.contains(""));
  EXPECT_TRUE(proxies({"0.0.0.0/0"}).contains("8.8.8.8"));
  EXPECT_TRUE(proxies({}).empty());
}

TEST(TrustedProxies, RefusesWhatIsNotAnAddressNamingTheEntry) {
  for (const std::string& bad : std::vector<std::string>{
           "", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "10.0.0.0/8/8", "fd00::/129",
           "proxy.internal", "10.0.0.300", "[::1]", "1.2.3.4:80", "10.0.0.0/-1",
           std::string(5000, '9'), "fe80::1%eth0", std::string("10.0.0.1\0/8", 11)}) {
    auto p = TrustedProxies::parse({"127.0.0.1", bad});
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_TRUE(p.error().message.starts_with("trusted_proxies[1]: '")) << p.error().message;
    EXPECT_LT(p.error().message.size(), 250u);
    EXPECT_EQ(p.error().message.find('\0'), std::string::npos);
  }
}

TEST(TrustedProxies, WithoutTrustedProxiesTheHeaderIsIgnored) {
  EXPECT_EQ(TrustedProxies{}.client_address("127.0.0.1", {"203.0.113.9"}), "127.0.0.1");
  // A peer that is not a trusted proxy cannot pick its address either.
  EXPECT_EQ(proxies({"10.0.0.1"}).client_address("198.51.100.4", {"203.0.113.9"}), "198.51.100.4");
}

TEST(TrustedProxies, TheRightmostUntrustedHopIsTheClient) {
  const auto p = proxies({"10.0.0.0/8"});
  EXPECT_EQ(p.client_address("10.0.0.1", {"203.0.113.9"}), "203.0.113.9");
  // A client forging the header only adds entries on the left of what the proxies appended.
  EXPECT_EQ(p.client_address("10.0.0.1", {"1.1.1.1, 2.2.2.2, 203.0.113.9, 10.0.0.2"}),
            "203.0.113.9");
  // Several headers are one list in the order received.
  EXPECT_EQ(p.client_address("10.0.0.1", {"1.1.1.1", "203.0.113.9,10.9.9.9"}), "203.0.113.9");
  EXPECT_EQ(p.client_address("10.0.0.1", {"203.0.113.9:51234"}), "203.0.113.9");
  EXPECT_EQ(p.client_address("10.0.0.1", {"[2001:db8::7]:443"}), "2001:db8::7");
  EXPECT_EQ(p.client_address("10.0.0.1", {" 2001:db8::7 ,, "}), "2001:db8::7");
  // No header, or only trusted hops: the leftmost trusted hop.
  EXPECT_EQ(p.client_address("10.0.0.1", {}), "10.0.0.1");
  EXPECT_EQ(p.client_address("10.0.0.1", {"10.0.0.3, 10.0.0.2"}), "10.0.0.3");
}

TEST(TrustedProxies, AnEntryThatIsNotAnAddressStopsAtTheLastTrustedHop) {
  const auto p = proxies({"10.0.0.0/8"});
  EXPECT_EQ(p.client_address("10.0.0.1", {"unknown"}), "10.0.0.1");
  EXPECT_EQ(p.client_address("10.0.0.1", {"203.0.113.9, _hidden, 10.0.0.2"}), "10.0.0.2");
  EXPECT_EQ(p.client_address("10.0.0.1", {std::string_view("1.2.3.4\0x", 9)}), "10.0.0.1");
  EXPECT_EQ(p.client_address("10.0.0.1", {"<script>"}), "10.0.0.1");
}

TEST(TrustedProxies, HugeHeadersCostOneLinearWalk) {
  const auto p = proxies({"10.0.0.0/8"});
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "10.0.0.9, ";
  EXPECT_EQ(p.client_address("10.0.0.1", {many}), "10.0.0.9");
  EXPECT_EQ(p.client_address("10.0.0.1", {std::string(100000, ',')}), "10.0.0.1");
  EXPECT_EQ(p.client_address("10.0.0.1", {"203.0.113.9, " + many}), "203.0.113.9");
}

// The config key and its environment override; a bad entry stops the server at start-up with
// the entry named, rather than silently trusting nobody (or everybody).
TEST(TrustedProxies, ConfigAndEnvironment) {
  auto env = [](const char* value) {
    return load_config("", [value](const char* name) -> const char* {
      return std::string_view(name) == "TACTFUL_TRUSTED_PROXIES" ? value : nullptr;
    });
  };
  auto good = env("10.0.0.0/8,fd00::/8");
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->trusted_proxies, (std::vector<std::string>{"10.0.0.0/8", "fd00::/8"}));
  EXPECT_FALSE(validate(*good));
  auto bad = env("10.0.0.0/8,proxy.internal");
  ASSERT_TRUE(bad.ok());
  const auto e = validate(*bad);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->message,
            "trusted_proxies[1]: 'proxy.internal' is not an IP address or network like "
            "10.0.0.0/8 or fd00::/8");
  EXPECT_TRUE(
      load_config("", [](const char*) -> const char* { return nullptr; })->trusted_proxies.empty());
}

}  // namespace
}  // namespace tactful::server
