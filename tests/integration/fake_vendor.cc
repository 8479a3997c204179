// The fake vendor's HTTP side: Boost.Beast, synchronous, one thread per connection.
#include "fake_vendor.h"

#include <sys/socket.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>  // before Asio: Boost 1.74 needs std::exchange declared

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "fake_vendor_formats.h"

namespace tactful::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string Recorded::header(const std::string& lower_name) const {
  const auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

struct FakeVendor::Impl {
  webhooks::Vendor vendor;
  net::io_context ioc;
  tcp::acceptor acceptor{ioc};
  std::uint16_t port = 0;
  std::thread accept_thread;

  mutable std::mutex mu;
  mutable std::condition_variable cv;
  bool stopping = false;
  std::uint64_t release_generation = 0;
  std::vector<Recorded> log;
  std::map<std::string, std::vector<std::string>> notes;
  std::deque<Step> steps;
  std::optional<Step> always;
  int list_failure = 0;
  std::size_t page_size = 100;
  std::chrono::milliseconds delay{0};
  int next_id = 1;
  std::size_t hanging = 0;
  std::vector<std::shared_ptr<tcp::socket>> sockets;
  std::vector<std::thread> connections;

  void accept_loop();
  void serve(tcp::socket& socket);
  // Records the request and decides the answer; false = hang without answering.
  bool answer(const http::request<http::string_body>& req, fake::Answer& out);
};

void FakeVendor::Impl::accept_loop() {
  for (;;) {
    auto socket = std::make_shared<tcp::socket>(ioc);
    beast::error_code ec;
    acceptor.accept(*socket, ec);
    const std::lock_guard lock(mu);
    if (stopping) return;
    if (ec) continue;
    sockets.push_back(socket);
    connections.emplace_back([this, socket] { serve(*socket); });
  }
}

bool FakeVendor::Impl::answer(const http::request<http::string_body>& req, fake::Answer& out) {
  Recorded r;
  r.method = std::string(req.method_string());
  r.target = std::string(req.target());
  for (const auto& f : req) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  r.body = req.body();
  r.create = fake::is_create(vendor, r.method, r.target);
  r.at = std::chrono::steady_clock::now();
  const std::string conversation = fake::conversation_of(vendor, r.target, r.body);

  std::unique_lock lock(mu);
  log.push_back(r);
  cv.notify_all();
  if (!r.create) {
    if (list_failure) {
      out = {list_failure, {}, "{\"error\":\"list failed\"}"};
    } else {
      out = fake::listed(vendor, conversation, notes[conversation], r.target, page_size,
                         "http://127.0.0.1:" + std::to_string(port));
    }
    return true;
  }
  Step step;
  if (!steps.empty()) {
    step = std::move(steps.front());
    steps.pop_front();
  } else if (always) {
    step = *always;
  }
  const auto wait = std::max(step.delay, delay);
  if (wait.count() > 0) {
    lock.unlock();
    std::this_thread::sleep_for(wait);
    lock.lock();
  }
  const bool store = (step.status == 0 && !step.hang) || step.store;
  int id = 0;
  if (store) {
    notes[conversation].push_back(fake::note_text(vendor, r.body));
    id = next_id++;
    cv.notify_all();
  }
  if (step.hang) {
    ++hanging;
    cv.notify_all();
    const std::uint64_t generation = release_generation;
    cv.wait(lock, [&] { return stopping || release_generation != generation; });
    --hanging;
    return false;
  }
  out = step.status == 0 ? fake::created(vendor, conversation, id)
                         : fake::Answer{step.status, step.headers, step.body};
  return true;
}

void FakeVendor::Impl::serve(tcp::socket& socket) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> req;
    beast::error_code ec;
    http::read(socket, buffer, req, ec);
    if (ec) break;
    fake::Answer a;
    if (!answer(req, a)) break;  // hung: close without answering
    http::response<http::string_body> res{static_cast<http::status>(a.status), 11};
    res.set(http::field::content_type, "application/json");
    for (const auto& [k, v] : a.headers) res.set(k, v);
    res.body() = a.body;
    res.keep_alive(req.keep_alive());
    res.prepare_payload();
    http::write(socket, res, ec);
    if (ec || !req.keep_alive()) break;
  }
  beast::error_code ignored;
  socket.shutdown(tcp::socket::shutdown_both, ignored);
}

FakeVendor::FakeVendor(webhooks::Vendor vendor) : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.vendor = vendor;
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), 0);
  im.acceptor.open(endpoint.protocol());
  im.acceptor.set_option(net::socket_base::reuse_address(true));
  im.acceptor.bind(endpoint);
  im.acceptor.listen();
  im.port = im.acceptor.local_endpoint().port();
  im.accept_thread = std::thread([&im] { im.accept_loop(); });
}

FakeVendor::~FakeVendor() {
  Impl& im = *impl_;
  {
    const std::lock_guard lock(im.mu);
    im.stopping = true;
  }
  im.cv.notify_all();
  {  // wake the blocking accept()
    net::io_context ioc;
    tcp::socket poke(ioc);
    beast::error_code ec;
    poke.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), im.port), ec);
  }
  im.accept_thread.join();
  {
    const std::lock_guard lock(im.mu);
    for (const auto& s : im.sockets) ::shutdown(s->native_handle(), SHUT_RDWR);
  }
  for (auto& t : im.connections) t.join();
}

std::uint16_t FakeVendor::port() const {
  return impl_->port;
}

std::string FakeVendor::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port);
}

void FakeVendor::script(std::vector<Step> steps) {
  const std::lock_guard lock(impl_->mu);
  for (auto& s : steps) impl_->steps.push_back(std::move(s));
}

void FakeVendor::always(Step step) {
  const std::lock_guard lock(impl_->mu);
  impl_->always = std::move(step);
}

void FakeVendor::fail_lists(int status) {
  const std::lock_guard lock(impl_->mu);
  impl_->list_failure = status;
}

void FakeVendor::page_size(std::size_t n) {
  const std::lock_guard lock(impl_->mu);
  impl_->page_size = n;
}

void FakeVendor::answer_delay(std::chrono::milliseconds delay) {
  const std::lock_guard lock(impl_->mu);
  impl_->delay = delay;
}

std::vector<Recorded> FakeVendor::requests() const {
  const std::lock_guard lock(impl_->mu);
  return impl_->log;
}

std::vector<Recorded> FakeVendor::creates() const {
  std::vector<Recorded> out;
  for (auto& r : requests())
    if (r.create) out.push_back(r);
  return out;
}

std::vector<Recorded> FakeVendor::lists() const {
  std::vector<Recorded> out;
  for (auto& r : requests())
    if (!r.create) out.push_back(r);
  return out;
}

std::vector<std::string> FakeVendor::notes(const std::string& conversation) const {
  const std::lock_guard lock(impl_->mu);
  const auto it = impl_->notes.find(conversation);
  return it == impl_->notes.end() ? std::vector<std::string>{} : it->second;
}

std::vector<std::string> FakeVendor::all_notes() const {
  const std::lock_guard lock(impl_->mu);
  std::vector<std::string> out;
  for (const auto& [conversation, texts] : impl_->notes)
    out.insert(out.end(), texts.begin(), texts.end());
  return out;
}

std::size_t FakeVendor::hanging() const {
  const std::lock_guard lock(impl_->mu);
  return impl_->hanging;
}

bool FakeVendor::wait_for(const std::function<bool()>& done,
                          std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (done()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::unique_lock lock(impl_->mu);  // woken by every request; re-checked at least every 20 ms
    impl_->cv.wait_for(lock, std::chrono::milliseconds(20));
  }
}

void FakeVendor::release_hangs() {
  {
    const std::lock_guard lock(impl_->mu);
    ++impl_->release_generation;
  }
  impl_->cv.notify_all();
}

}  // namespace tactful::testing
