// Prometheus metrics of the service: requests and latency per route, hints per category, rule
// reloads, errors, connections and WebSocket traffic.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/report.h"

namespace tactful::server {

// Thread-safe counters and histograms; render() writes the Prometheus text format (0.0.4).
// Routes are fixed at construction (their names label the series), so recording a request is
// a few relaxed atomic increments.
class Metrics {
 public:
  explicit Metrics(std::vector<std::string> route_names);

  void request(std::size_t route, int status, double seconds);
  void hints(const Report& report);
  void reload(bool ok);
  void error(std::string_view kind);
  void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
  void ws_message() { ws_messages_.fetch_add(1, std::memory_order_relaxed); }
  void ws_dropped() { ws_dropped_.fetch_add(1, std::memory_order_relaxed); }
  void ws_round_trip(double seconds);
  // Webhook deliveries by vendor and outcome; post-send notes by outcome and check time.
  void webhook(std::string_view vendor, std::string_view outcome);
  void note(std::string_view outcome);
  void post_send(double seconds);
  // Series owned elsewhere (the note outbox), appended to render() as the collector returns
  // them (complete Prometheus text lines). Register before serving.
  void add_collector(std::function<std::string()> collector);
  std::string render() const;

  static constexpr std::array<double, 13> kBuckets = {
      0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5};
  static constexpr std::array<int, 17> kStatuses = {101, 200, 201, 204, 400, 401, 403, 404, 405,
                                                    409, 413, 426, 429, 431, 500, 503, 0};
  // Requests refused by a rate limit, by what was over it.
  enum class Limited { ip, key, admin_token };
  void rate_limited(Limited scope) {
    limited_[static_cast<std::size_t>(scope)].fetch_add(1, std::memory_order_relaxed);
  }

 private:
  struct Histogram {
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sum_ns{0};
    void observe(double seconds);
  };
  struct Route {
    std::string name;
    std::array<std::atomic<std::uint64_t>, kStatuses.size()> by_status{};
    Histogram latency;
  };
  std::vector<std::unique_ptr<Route>> routes_;
  Histogram ws_round_trip_, post_send_;
  mutable std::mutex mu_;
  std::map<std::string, std::uint64_t, std::less<>> hints_, errors_, webhooks_, notes_;
  std::vector<std::function<std::string()>> collectors_;
  std::atomic<std::uint64_t> reloads_ok_{0}, reloads_failed_{0};
  std::atomic<std::int64_t> connections_{0};
  std::atomic<std::uint64_t> ws_messages_{0}, ws_dropped_{0};
  std::array<std::atomic<std::uint64_t>, 3> limited_{};
};

}  // namespace tactful::server
