// WebSocket round trip of /v1/stream: sends N drafts one at a time (each waits for its report)
// on one connection and prints p50/p99/max in microseconds.
//   tactful_ws_rtt PORT [N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include <utility>  // before Asio: Boost 1.74 uses std::exchange undeclared

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: tactful_ws_rtt PORT [N]\n");
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::stoi(argv[1]));
  const int n = argc > 2 ? std::stoi(argv[2]) : 5000;
  net::io_context ioc;
  websocket::stream<net::ip::tcp::socket> ws(ioc);
  ws.next_layer().connect({net::ip::make_address("127.0.0.1"), port});
  ws.next_layer().set_option(net::ip::tcp::no_delay(true));
  ws.handshake("127.0.0.1", "/v1/stream");
  ws.text(true);
  const std::string history =
      R"("history": [{"role": "customer", "text": "I was charged TWICE for my subscription this month!! I want my money back today or I'm cancelling."}], "customer_name": "Dana", )";
  std::string base =
      "Hi Dana, thanks for reaching out. Per our policy, refunds take 5-10 business days. "
      "Unfortunately there is nothing I can do to speed it up. We will look into it ASAP";
  std::vector<double> us;
  beast::flat_buffer buffer;
  for (int i = 1; i <= n + 100; ++i) {
    const std::string msg = "{\"seq\": " + std::to_string(i) + ", " + (i == 1 ? history : "") +
                            "\"draft\": \"" + base +
                            std::string(static_cast<std::size_t>(i % 7), '!') + "\"}";
    const auto t0 = std::chrono::steady_clock::now();
    ws.write(net::buffer(msg));
    buffer.consume(buffer.size());
    ws.read(buffer);
    const double d =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    if (i > 100) us.push_back(d);  // after a warm-up
  }
  std::sort(us.begin(), us.end());
  auto pct = [&](double p) {
    return us[static_cast<std::size_t>(p * static_cast<double>(us.size() - 1))];
  };
  std::printf("ws_rtt n=%d p50=%.0fus p99=%.0fus max=%.0fus\n", n, pct(0.5), pct(0.99), us.back());
  ws.close(websocket::close_code::normal);
  return 0;
}
