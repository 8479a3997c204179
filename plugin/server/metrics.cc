// Recording and rendering the Prometheus metrics.
#include "metrics.h"

#include "allocator_info.h"

#include <memory>
#include <sstream>

namespace tactful::server {

Metrics::Metrics(std::vector<std::string> route_names) {
  for (auto& n : route_names) {
    routes_.push_back(std::make_unique<Route>());
    routes_.back()->name = std::move(n);
  }
}

void Metrics::Histogram::observe(double seconds) {
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) {
      buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  count.fetch_add(1, std::memory_order_relaxed);
  sum_ns.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), std::memory_order_relaxed);
}

void Metrics::request(std::size_t route, int status, double seconds) {
  if (route >= routes_.size()) return;
  Route& r = *routes_[route];
  std::size_t i = 0;
  while (i + 1 < kStatuses.size() && kStatuses[i] != status) ++i;
  r.by_status[i].fetch_add(1, std::memory_order_relaxed);
  r.latency.observe(seconds);
}

void Metrics::hints(const Report& report) {
  if (report.suggestions.empty()) return;
  const std::lock_guard lock(mu_);
  for (const auto& s : report.suggestions) {
    auto it = hints_.find(s.category);
    if (it == hints_.end()) it = hints_.emplace(s.category, 0).first;
    ++it->second;
  }
}

void Metrics::reload(bool ok) {
  (ok ? reloads_ok_ : reloads_failed_).fetch_add(1);
}

namespace {

void bump(std::map<std::string, std::uint64_t, std::less<>>& counts, std::string_view key) {
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
  ++it->second;
}

}  // namespace

void Metrics::error(std::string_view kind) {
  const std::lock_guard lock(mu_);
  bump(errors_, kind);
}

void Metrics::webhook(std::string_view vendor, std::string_view outcome) {
  const std::lock_guard lock(mu_);
  // One key per label pair; vendor and outcome come from fixed sets (never from the request).
  std::string key(vendor);
  key += '\n';
  key += outcome;
  bump(webhooks_, key);
}

void Metrics::note(std::string_view outcome) {
  const std::lock_guard lock(mu_);
  bump(notes_, outcome);
}

void Metrics::post_send(double seconds) {
  post_send_.observe(seconds);
}

void Metrics::ws_round_trip(double seconds) {
  ws_round_trip_.observe(seconds);
}

void Metrics::add_collector(std::function<std::string()> collector) {
  const std::lock_guard lock(mu_);
  collectors_.push_back(std::move(collector));
}

namespace {

// A Prometheus label value: backslash, double quote and newline escaped.
std::string label_value(std::string_view raw) {
  std::string out;
  for (const char c : raw) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void write_histogram(std::ostringstream& o, std::string_view name, std::string_view labels,
                     const std::array<std::atomic<std::uint64_t>, Metrics::kBuckets.size()>& b,
                     std::uint64_t count, std::uint64_t sum_ns) {
  const std::string sep = labels.empty() ? "" : ",";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < b.size(); ++i) {
    cumulative += b[i].load(std::memory_order_relaxed);
    o << name << "_bucket{" << labels << sep << "le=\"" << Metrics::kBuckets[i] << "\"} "
      << cumulative << "\n";
  }
  o << name << "_bucket{" << labels << sep << "le=\"+Inf\"} " << count << "\n";
  o << name << "_sum{" << labels << "} " << static_cast<double>(sum_ns) / 1e9 << "\n";
  o << name << "_count{" << labels << "} " << count << "\n";
}

}  // namespace

std::string Metrics::render() const {
  std::ostringstream o;
  o << "# HELP tactful_build_info The running build: its version and the allocator serving "
       "malloc.\n"
       "# TYPE tactful_build_info gauge\n"
       "tactful_build_info{version=\"" TACTFUL_VERSION "\",allocator=\""
    << label_value(allocator_in_use()) << "\"} 1\n";
  o << "# HELP tactful_http_requests_total HTTP requests by route and status code.\n"
       "# TYPE tactful_http_requests_total counter\n";
  for (const auto& r : routes_)
    for (std::size_t i = 0; i < kStatuses.size(); ++i)
      if (const auto n = r->by_status[i].load(std::memory_order_relaxed))
        o << "tactful_http_requests_total{route=\"" << r->name << "\",code=\""
          << (kStatuses[i] ? std::to_string(kStatuses[i]) : "other") << "\"} " << n << "\n";
  o << "# HELP tactful_http_request_duration_seconds Time from a complete request to its "
       "response, by route.\n"
       "# TYPE tactful_http_request_duration_seconds histogram\n";
  for (const auto& r : routes_) {
    const auto count = r->latency.count.load(std::memory_order_relaxed);
    if (count == 0) continue;
    write_histogram(o, "tactful_http_request_duration_seconds", "route=\"" + r->name + "\"",
                    r->latency.buckets, count, r->latency.sum_ns.load());
  }
  o << "# HELP tactful_ws_round_trip_seconds Time from a draft message to its report.\n"
       "# TYPE tactful_ws_round_trip_seconds histogram\n";
  write_histogram(o, "tactful_ws_round_trip_seconds", "", ws_round_trip_.buckets,
                  ws_round_trip_.count.load(), ws_round_trip_.sum_ns.load());
  {
    const std::lock_guard lock(mu_);
    o << "# HELP tactful_hints_total Hints returned, by category.\n"
         "# TYPE tactful_hints_total counter\n";
    for (const auto& [category, n] : hints_)
      o << "tactful_hints_total{category=\"" << category << "\"} " << n << "\n";
    o << "# HELP tactful_errors_total Errors by kind.\n# TYPE tactful_errors_total counter\n";
    for (const auto& [kind, n] : errors_)
      o << "tactful_errors_total{kind=\"" << kind << "\"} " << n << "\n";
    o << "# HELP tactful_webhooks_total Webhook deliveries by vendor and outcome.\n"
         "# TYPE tactful_webhooks_total counter\n";
    for (const auto& [key, n] : webhooks_) {
      const std::size_t cut = key.find('\n');
      o << "tactful_webhooks_total{vendor=\"" << key.substr(0, cut) << "\",outcome=\""
        << key.substr(cut + 1) << "\"} " << n << "\n";
    }
    o << "# HELP tactful_notes_total Post-send checks of agents' replies, by outcome.\n"
         "# TYPE tactful_notes_total counter\n";
    for (const auto& [outcome, n] : notes_)
      o << "tactful_notes_total{outcome=\"" << outcome << "\"} " << n << "\n";
  }
  o << "# HELP tactful_post_send_check_seconds Time to analyse a reply and compose its note.\n"
       "# TYPE tactful_post_send_check_seconds histogram\n";
  write_histogram(o, "tactful_post_send_check_seconds", "", post_send_.buckets,
                  post_send_.count.load(), post_send_.sum_ns.load());
  o << "# HELP tactful_rule_reloads_total Rule pack reloads by result.\n"
       "# TYPE tactful_rule_reloads_total counter\n"
    << "tactful_rule_reloads_total{result=\"ok\"} " << reloads_ok_.load() << "\n"
    << "tactful_rule_reloads_total{result=\"error\"} " << reloads_failed_.load() << "\n"
    << "# HELP tactful_connections Open connections (HTTP and WebSocket).\n"
       "# TYPE tactful_connections gauge\n"
    << "tactful_connections " << connections_.load() << "\n"
    << "# HELP tactful_ws_messages_total WebSocket messages received.\n"
       "# TYPE tactful_ws_messages_total counter\n"
    << "tactful_ws_messages_total " << ws_messages_.load() << "\n"
    << "# HELP tactful_ws_dropped_total Drafts dropped because a newer one arrived.\n"
       "# TYPE tactful_ws_dropped_total counter\n"
    << "tactful_ws_dropped_total " << ws_dropped_.load() << "\n"
    << "# HELP tactful_rate_limited_total Requests refused with 429 by a rate limit, by scope.\n"
       "# TYPE tactful_rate_limited_total counter\n";
  const char* scopes[] = {"ip", "key", "admin_token"};
  for (std::size_t i = 0; i < limited_.size(); ++i)
    o << "tactful_rate_limited_total{scope=\"" << scopes[i] << "\"} " << limited_[i].load() << "\n";
  std::vector<std::function<std::string()>> collectors;
  {
    const std::lock_guard lock(mu_);
    collectors = collectors_;
  }
  for (const auto& c : collectors) o << c();
  return o.str();
}

}  // namespace tactful::server
