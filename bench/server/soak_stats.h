// What the soak load client records: per route and per interval, the latencies (from the
// moment each request was due, so a stalled server shows as latency, not as fewer requests),
// the errors, and the server's RSS.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

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

// User plus system CPU time `pid` has used, in seconds (from /proc/PID/stat).
inline double cpu_seconds(int pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  std::getline(f, line);
  const auto close = line.rfind(')');  // the command name may hold spaces
  if (close == std::string::npos) return 0;
  std::istringstream rest(line.substr(close + 2));
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i) {  // fields 14 and 15: utime, stime
    if (i == 14) utime = std::stod(field);
    if (i == 15) stime = std::stod(field);
  }
  return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Seconds the threads of `pid` spent runnable but waiting for a core (the second field of
// /proc/PID/task/TID/schedstat): on a shared machine, how long others held the cores.
inline double runqueue_wait_seconds(int pid) {
  double ns = 0;
  std::error_code ec;
  for (const auto& t :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
    std::ifstream f(t.path() / "schedstat");
    double run = 0, wait = 0;
    if (f >> run >> wait) ns += wait;
  }
  return ns / 1e9;
}

// The machine's 1-minute load average: the soak shares the machine with whatever else runs.
inline std::string load_average() {
  std::ifstream f("/proc/loadavg");
  std::string one;
  f >> one;
  return one;
}

// The samples of the whole run, printed as a summary at the end.
struct Summary {
  std::vector<long> rss_kib;                              // one per interval
  std::map<std::string, std::vector<double>> p99_ms;      // route -> one per interval
  std::map<std::string, std::uint64_t> requests, errors;  // route -> over the run
  // RSS is judged from this sample on: the server's bounded caches (webhook delivery ledger,
  // context store, history cache) fill during the first minutes, and a leak shows after.
  std::size_t warmup_samples = 0;
  int interval_seconds = 30;

  static void print_rss(const char* what, const std::vector<long>& v, bool& flat) {
    const long first = v.front(), last = v.back();
    const long max = *std::max_element(v.begin(), v.end());
    flat = max <= first + first / 10 && last >= first - first / 10;
    std::printf("RSS %s: first %.1f MiB, last %.1f MiB, max %.1f MiB (max %+.1f%% of first): %s\n",
                what, static_cast<double>(first) / 1024, static_cast<double>(last) / 1024,
                static_cast<double>(max) / 1024,
                100.0 * static_cast<double>(max - first) / static_cast<double>(first),
                flat ? "flat within 10%" : "NOT flat within 10%");
  }

  // Prints the summary; true when RSS after the warm-up stayed within 10% of its first sample
  // and nothing failed.
  bool print() const {
    if (rss_kib.empty()) return false;
    std::uint64_t total_errors = 0, total = 0;
    for (const auto& [route, n] : errors) total_errors += n;
    for (const auto& [route, n] : requests) total += n;
    std::printf("\nsummary: %llu requests, %llu errors\n", static_cast<unsigned long long>(total),
                static_cast<unsigned long long>(total_errors));
    bool flat = false;
    print_rss("over the run", rss_kib, flat);
    if (warmup_samples > 0 && warmup_samples < rss_kib.size()) {
      const std::string what = "after the warm-up (from " +
                               std::to_string((warmup_samples + 1) * interval_seconds) + " s)";
      print_rss(what.c_str(),
                std::vector<long>(rss_kib.begin() + static_cast<std::ptrdiff_t>(warmup_samples),
                                  rss_kib.end()),
                flat);
    }
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
