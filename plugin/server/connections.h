// Open connections: counted for the connection cap, listed for a graceful shutdown.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace tactful::server {

// A connection the server can ask to wind down: finish what is in flight, then close.
class Closable {
 public:
  virtual ~Closable() = default;
  virtual void close_when_idle() = 0;
};

class ConnectionRegistry;

// Registration of one connection; unregisters when destroyed (move-only).
class ConnectionTicket {
 public:
  ConnectionTicket() = default;
  ConnectionTicket(ConnectionRegistry* r, std::uint64_t id) : registry_(r), id_(id) {}
  ConnectionTicket(ConnectionTicket&& o) noexcept : registry_(o.registry_), id_(o.id_) {
    o.registry_ = nullptr;
  }
  ConnectionTicket& operator=(ConnectionTicket&& o) noexcept;
  ~ConnectionTicket();

 private:
  ConnectionRegistry* registry_ = nullptr;
  std::uint64_t id_ = 0;
};

// Thread-safe. Holds weak references only: a connection's lifetime is its own.
class ConnectionRegistry {
 public:
  ConnectionTicket add(std::weak_ptr<Closable> c);
  std::size_t size() const;
  void close_all_when_idle();  // asks every open connection to wind down

 private:
  friend class ConnectionTicket;
  void remove(std::uint64_t id);
  mutable std::mutex mu_;
  std::uint64_t next_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<Closable>> open_;
};

}  // namespace tactful::server
