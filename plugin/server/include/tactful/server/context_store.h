// The conversations helpdesk webhooks report, kept in memory so that a post-send check and a
// widget on the same conversation see its history.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/conversation.h"
#include "tactful/server/config.h"

namespace tactful::server {

// One message of a stored conversation, as a webhook reported it.
struct StoredMessage {
  std::string id;  // the vendor's message id; "" = cannot be de-duplicated
  webhooks::AuthorRole author_role = webhooks::AuthorRole::unknown;
  std::string author_id;
  bool private_note = false;
  std::string text;
  std::optional<std::chrono::sys_seconds> at;

  // Core's view: bots count as agents, unknown authors as customers.
  Message to_message() const;
};

// Conversations keyed by (integration, conversation id). Guarantees, after every call:
// - at most `max_messages` messages per conversation (the oldest are dropped first), each at
//   most `max_message_bytes` of text (cut on a UTF-8 boundary);
// - at most `max_conversations` conversations (the least recently used are dropped first);
// - no conversation untouched (added to or read) for longer than `ttl`;
// - the approximate memory of the store (texts, ids, and a fixed per-message and
//   per-conversation overhead) at most `max_bytes`: least recently used conversations are
//   dropped, then the oldest messages of the one in use;
// - a message id already held in a conversation is not stored twice (vendors retry).
// Every member is safe to call from many threads at once (one mutex); each costs O(1)
// amortised in the number of conversations (bounded per-conversation work aside: history()
// copies at most `max_messages` messages).
class ContextStore {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  explicit ContextStore(ContextLimits limits, Clock clock = {});

  struct Added {
    bool stored = false;                // false: a message with this id is already held
    std::vector<StoredMessage> before;  // with want_before: the messages before it, oldest first
  };
  Added add(std::string_view integration, std::string_view conversation, StoredMessage message,
            bool want_before = false);
  // Forgets one message (a handler that failed after storing it, so the vendor's retry is
  // handled afresh). True if it was held.
  bool remove(std::string_view integration, std::string_view conversation,
              std::string_view message_id);
  // The conversation's messages, oldest first ([] if unknown); counts as a use.
  std::vector<StoredMessage> history(std::string_view integration, std::string_view conversation);

  // Post-send note throttle: true (and the time recorded) if no note was claimed for this
  // conversation within `min_interval`; release_note() undoes a claim whose note failed.
  bool claim_note(std::string_view integration, std::string_view conversation,
                  std::chrono::steady_clock::duration min_interval);
  void release_note(std::string_view integration, std::string_view conversation);

  struct Stats {
    std::size_t conversations = 0, messages = 0, bytes = 0;
    std::uint64_t evicted_lru = 0, evicted_ttl = 0, evicted_memory = 0;
    std::uint64_t dropped_messages = 0;  // oldest messages dropped by max_messages or memory
  };
  Stats stats() const;
  const ContextLimits& limits() const { return limits_; }

  // The approximate cost the memory ceiling counts for one message / one conversation.
  static std::size_t message_bytes(const StoredMessage& m);
  static std::size_t conversation_bytes(std::string_view key);

 private:
  using time_point = std::chrono::steady_clock::time_point;
  struct Conversation {
    std::string key;  // integration '/' conversation id (ids of integrations have no '/')
    std::deque<StoredMessage> messages;
    std::unordered_set<std::string> ids;
    std::size_t bytes = 0;
    time_point touched{};
    std::optional<time_point> last_note;
  };
  using Iterator = std::list<Conversation>::iterator;

  void expire(time_point now);
  Iterator find(std::string_view key, time_point now);  // touched and most recent, or end
  Iterator find_or_create(std::string key, time_point now);
  void drop_oldest_message(Conversation& c);
  void evict_back(std::uint64_t& counter);
  void enforce_memory(Iterator current);

  const ContextLimits limits_;
  const Clock clock_;
  mutable std::mutex mu_;
  std::list<Conversation> lru_;                           // most recently used first
  std::unordered_map<std::string_view, Iterator> index_;  // views into Conversation::key
  std::size_t bytes_ = 0, messages_ = 0;
  Stats counters_;
};

}  // namespace tactful::server
