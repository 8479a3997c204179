// What the soak load client records: per route and per interval, the latencies (from the
// moment each request was due, so a stalled server shows as latency, not as fewer requests),
// the errors, and the server's RSS.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace tactful::soak {

// One route's figures for the interval in progress. Thread-safe; take() empties it.
class RouteStats {
 public:
  struct Interval {
    std::vector<double> latency_ms;
    std::uint64_t errors = 0;
    std::string last_error;
  };
  void ok(double ms) {
    const std::lock_guard lock(mu_);
    now_.latency_ms.push_back(ms);
  }
  void error(const std::string& what) {
    const std::lock_guard lock(mu_);
    ++now_.errors;
    now_.last_error = what;
  }
  Interval take() {
    const std::lock_guard lock(mu_);
    Interval out = std::move(now_);
    now_ = {};
    return out;
  }

 private:
  std::mutex mu_;
  Interval now_;
};

inline double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  const auto at = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
  return v[at];
}

// VmRSS of `pid` in KiB; 0 if it cannot be read (the process is gone).
inline long rss_kib(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = 0;
  while (f >> key) {
    if (key == "VmRSS:") {
      f >> value;
      return value;
    }
    f.ignore(1 << 12, '\n');
  }
  return 0;
}

// The samples of the whole run, printed as a summary at the end.
struct Summary {
  std::vector<long> rss_kib;                              // one per interval
  std::map<std::string, std::vector<double>> p99_ms;      // route -> one per interval
  std::map<std::string, std::uint64_t> requests, errors;  // route -> over the run

  // Prints the summary; true when RSS stayed within 10% of the first sample and nothing failed.
  bool print() const {
    if (rss_kib.empty()) return false;
    const long first = rss_kib.front(), last = rss_kib.back();
    const long max = *std::max_element(rss_kib.begin(), rss_kib.end());
    const double growth = 100.0 * static_cast<double>(max - first) / static_cast<double>(first);
    const bool flat = max <= first + first / 10 && last >= first - first / 10;
    std::uint64_t total_errors = 0, total = 0;
    for (const auto& [route, n] : errors) total_errors += n;
    for (const auto& [route, n] : requests) total += n;
    std::printf("\nsummary: %llu requests, %llu errors\n", static_cast<unsigned long long>(total),
                static_cast<unsigned long long>(total_errors));
    std::printf("RSS: first %.1f MiB, last %.1f MiB, max %.1f MiB (max %+.1f%% of first): %s\n",
                static_cast<double>(first) / 1024, static_cast<double>(last) / 1024,
                static_cast<double>(max) / 1024, growth,
                flat ? "flat within 10%" : "NOT flat within 10%");
    std::printf("p99 per interval (ms):\n");
    for (const auto& [route, series] : p99_ms) {
      std::printf("  %-8s", route.c_str());
      for (double v : series) std::printf(" %7.2f", v);
      std::printf("   (%llu requests, %llu errors)\n",
                  static_cast<unsigned long long>(requests.at(route)),
                  static_cast<unsigned long long>(errors.at(route)));
    }
    return flat && total_errors == 0;
  }
};

}  // namespace tactful::soak
