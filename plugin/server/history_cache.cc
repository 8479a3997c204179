// The history cache: hash, look up, compare; build outside the lock on a miss.
#include "history_cache.h"

#include <functional>
#include <string_view>

namespace tactful::server {
namespace {

std::uint64_t hash_history(std::span<const Message> history) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ history.size();
  for (const Message& m : history) {
    const std::uint64_t t = std::hash<std::string_view>{}(m.text);
    h = (h ^ (t + static_cast<std::uint64_t>(m.role) * 0x100000001b3ULL)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
  }
  return h;
}

std::size_t text_bytes(std::span<const Message> history) {
  std::size_t n = 0;
  for (const Message& m : history) n += m.text.size();
  return n;
}

}  // namespace

HistoryCache::HistoryCache(std::size_t max_entries, std::size_t max_bytes)
    : max_entries_(max_entries), max_bytes_(max_bytes) {}

bool HistoryCache::same(const Entry& e, std::span<const Message> history) {
  if (e.roles.size() != history.size()) return false;
  for (std::size_t i = 0; i < history.size(); ++i)
    if (e.roles[i] != history[i].role || e.texts[i] != history[i].text) return false;
  return true;
}

std::shared_ptr<const PreparedHistory> HistoryCache::get(std::span<const Message> history) {
  const std::uint64_t hash = hash_history(history);
  {
    const std::lock_guard lock(mu_);
    if (auto it = by_hash_.find(hash); it != by_hash_.end() && same(*it->second, history)) {
      lru_.splice(lru_.begin(), lru_, it->second);
      ++hits_;
      return it->second->prepared;
    }
    ++misses_;
  }
  auto prepared = std::make_shared<const PreparedHistory>(history);
  // What an entry keeps: its copy of the texts, and what was read from them.
  const std::size_t bytes = text_bytes(history) + prepared->memory_bytes();
  if (max_entries_ == 0 || bytes > max_bytes_ / 4) return prepared;
  Entry e{hash, {}, {}, bytes, prepared};
  e.roles.reserve(history.size());
  e.texts.reserve(history.size());
  for (const Message& m : history) {
    e.roles.push_back(m.role);
    e.texts.push_back(m.text);
  }
  const std::lock_guard lock(mu_);
  if (auto it = by_hash_.find(hash); it != by_hash_.end()) {  // another thread, or a collision
    bytes_ -= it->second->bytes;
    lru_.erase(it->second);
    by_hash_.erase(it);
  }
  while (!lru_.empty() && (lru_.size() >= max_entries_ || bytes_ + bytes > max_bytes_)) {
    bytes_ -= lru_.back().bytes;
    by_hash_.erase(lru_.back().hash);
    lru_.pop_back();
  }
  lru_.push_front(std::move(e));
  by_hash_[hash] = lru_.begin();
  bytes_ += bytes;
  return prepared;
}

std::uint64_t HistoryCache::hits() const {
  const std::lock_guard lock(mu_);
  return hits_;
}

std::uint64_t HistoryCache::misses() const {
  const std::lock_guard lock(mu_);
  return misses_;
}

std::size_t HistoryCache::size() const {
  const std::lock_guard lock(mu_);
  return lru_.size();
}

}  // namespace tactful::server
