// The bounded, thread-safe conversation context store.
#include "tactful/server/context_store.h"

namespace tactful::server {
namespace {

using webhooks::AuthorRole;

// Fixed costs the ceiling counts besides the strings: the deque slot and the id's hash-set node
// per message; the list node, map entry and bookkeeping per conversation. Approximate by design.
constexpr std::size_t kMessageOverhead = sizeof(StoredMessage) + 64;
constexpr std::size_t kConversationOverhead = 256;

std::string key_of(std::string_view integration, std::string_view conversation) {
  std::string key;
  key.reserve(integration.size() + 1 + conversation.size());
  key.append(integration).push_back('/');
  key.append(conversation);
  return key;
}

// Cuts `text` to at most `max` bytes without splitting a UTF-8 sequence.
void cut(std::string& text, std::size_t max) {
  if (text.size() <= max) return;
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  text.resize(n);
}

}  // namespace

Message StoredMessage::to_message() const {
  Message m;
  m.role = author_role == AuthorRole::agent || author_role == AuthorRole::bot ? Role::agent
           : author_role == AuthorRole::system                                ? Role::system
                                                                              : Role::customer;
  m.text = text;
  m.at = at;
  return m;
}

std::size_t ContextStore::message_bytes(const StoredMessage& m) {
  return kMessageOverhead + 2 * m.id.size() + m.author_id.size() + m.text.size();
}

std::size_t ContextStore::conversation_bytes(std::string_view key) {
  return kConversationOverhead + 2 * key.size();
}

ContextStore::ContextStore(ContextLimits limits, Clock clock)
    : limits_(limits),
      clock_(clock ? std::move(clock) : Clock([] { return std::chrono::steady_clock::now(); })) {}

void ContextStore::evict_back(std::uint64_t& counter) {
  Conversation& c = lru_.back();
  bytes_ -= c.bytes;
  messages_ -= c.messages.size();
  index_.erase(c.key);
  lru_.pop_back();
  ++counter;
}

void ContextStore::expire(time_point now) {
  while (!lru_.empty() && now - lru_.back().touched >= limits_.ttl)
    evict_back(counters_.evicted_ttl);
}

ContextStore::Iterator ContextStore::find(std::string_view key, time_point now) {
  const auto found = index_.find(key);
  if (found == index_.end()) return lru_.end();
  const Iterator it = found->second;
  lru_.splice(lru_.begin(), lru_, it);  // iterators stay valid: the node moves, not the data
  it->touched = now;
  return it;
}

ContextStore::Iterator ContextStore::find_or_create(std::string key, time_point now) {
  if (const Iterator it = find(key, now); it != lru_.end()) return it;
  while (lru_.size() >= limits_.max_conversations) evict_back(counters_.evicted_lru);
  lru_.emplace_front();
  const Iterator it = lru_.begin();
  it->key = std::move(key);
  it->touched = now;
  it->bytes = conversation_bytes(it->key);
  bytes_ += it->bytes;
  index_.emplace(it->key, it);
  return it;
}

void ContextStore::drop_oldest_message(Conversation& c) {
  const StoredMessage& oldest = c.messages.front();
  const std::size_t cost = message_bytes(oldest);
  if (!oldest.id.empty()) c.ids.erase(oldest.id);
  c.messages.pop_front();
  c.bytes -= cost;
  bytes_ -= cost;
  --messages_;
  ++counters_.dropped_messages;
}

// Over the ceiling: drop whole conversations, least recently used first, never the one in use;
// if that one alone is over, its oldest messages (it keeps at least its newest).
void ContextStore::enforce_memory(Iterator current) {
  while (bytes_ > limits_.max_bytes && lru_.size() > 1 && std::prev(lru_.end()) != current)
    evict_back(counters_.evicted_memory);
  while (bytes_ > limits_.max_bytes && current->messages.size() > 1) drop_oldest_message(*current);
}

ContextStore::Added ContextStore::add(std::string_view integration, std::string_view conversation,
                                      StoredMessage message, bool want_before) {
  cut(message.text, limits_.max_message_bytes);
  cut(message.id, 512);
  cut(message.author_id, 512);
  const std::lock_guard lock(mu_);
  const time_point now = clock_();
  expire(now);
  const Iterator it = find_or_create(key_of(integration, conversation), now);
  Conversation& c = *it;
  Added added;
  if (!message.id.empty() && c.ids.count(message.id)) return added;
  if (want_before) added.before.assign(c.messages.begin(), c.messages.end());
  const std::size_t cost = message_bytes(message);
  if (!message.id.empty()) c.ids.insert(message.id);
  c.messages.push_back(std::move(message));
  c.bytes += cost;
  bytes_ += cost;
  ++messages_;
  while (c.messages.size() > limits_.max_messages) drop_oldest_message(c);
  enforce_memory(it);
  added.stored = true;
  return added;
}

bool ContextStore::remove(std::string_view integration, std::string_view conversation,
                          std::string_view message_id) {
  const std::lock_guard lock(mu_);
  const time_point now = clock_();
  expire(now);
  const Iterator it = find(key_of(integration, conversation), now);
  if (it == lru_.end() || message_id.empty()) return false;
  Conversation& c = *it;
  for (auto m = c.messages.begin(); m != c.messages.end(); ++m) {
    if (m->id != message_id) continue;
    const std::size_t cost = message_bytes(*m);
    c.ids.erase(m->id);
    c.messages.erase(m);
    c.bytes -= cost;
    bytes_ -= cost;
    --messages_;
    return true;
  }
  return false;
}

std::vector<StoredMessage> ContextStore::history(std::string_view integration,
                                                 std::string_view conversation) {
  const std::lock_guard lock(mu_);
  const time_point now = clock_();
  expire(now);
  const Iterator it = find(key_of(integration, conversation), now);
  if (it == lru_.end()) return {};
  return {it->messages.begin(), it->messages.end()};
}

bool ContextStore::claim_note(std::string_view integration, std::string_view conversation,
                              std::chrono::steady_clock::duration min_interval) {
  const std::lock_guard lock(mu_);
  const time_point now = clock_();
  expire(now);
  const Iterator it = find(key_of(integration, conversation), now);
  if (it == lru_.end()) return true;  // nothing stored: nothing to throttle against
  if (it->last_note && now - *it->last_note < min_interval) return false;
  it->last_note = now;
  return true;
}

void ContextStore::release_note(std::string_view integration, std::string_view conversation) {
  const std::lock_guard lock(mu_);
  const auto found = index_.find(key_of(integration, conversation));
  if (found != index_.end()) found->second->last_note.reset();
}

ContextStore::Stats ContextStore::stats() const {
  const std::lock_guard lock(mu_);
  Stats s = counters_;
  s.conversations = lru_.size();
  s.messages = messages_;
  s.bytes = bytes_;
  return s;
}

}  // namespace tactful::server
