// Prepared histories by conversation, so the drafts of one conversation read its history once.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "tactful/conversation.h"
#include "tactful/prepared_history.h"

namespace tactful::server {

// A bounded, thread-safe LRU cache of PreparedHistory keyed by a history's roles and texts.
// While an agent types, the widget sends the same history with every draft (POST /v1/suggest,
// or the WebSocket's kept conversation); reading it is most of the work for a short draft.
//
// Guarantees: get() returns a PreparedHistory built from exactly these roles and texts (a hash
// picks the entry, a full comparison confirms it, so a collision costs a rebuild, never a
// wrong report); at most `max_entries` entries and `max_bytes` of memory kept (message texts
// plus what was read from them); a history whose entry would take more than max_bytes / 4 is
// prepared but not kept. Building happens outside the lock. The
// cache holds no rule-set state, so it stays valid across rule reloads.
class HistoryCache {
 public:
  HistoryCache(std::size_t max_entries, std::size_t max_bytes);

  std::shared_ptr<const PreparedHistory> get(std::span<const Message> history);

  std::uint64_t hits() const;
  std::uint64_t misses() const;
  std::size_t size() const;

 private:
  struct Entry {
    std::uint64_t hash;
    std::vector<Role> roles;
    std::vector<std::string> texts;
    std::size_t bytes;
    std::shared_ptr<const PreparedHistory> prepared;
  };
  static bool same(const Entry& e, std::span<const Message> history);

  const std::size_t max_entries_, max_bytes_;
  mutable std::mutex mu_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::uint64_t, std::list<Entry>::iterator> by_hash_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace tactful::server
