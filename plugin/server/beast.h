// The Boost.Beast/Asio names the connection code uses. Only the files that do I/O include it.
#pragma once

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange without it

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <string_view>

namespace tactful::server {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;
using tcp = boost::asio::ip::tcp;

inline std::string_view to_sv(beast::string_view s) {
  return {s.data(), s.size()};
}

}  // namespace tactful::server
