// The post-send check of an agent's reply.
#include "post_send.h"

#include "note_composer.h"

namespace tactful::server {

std::string_view note_outcome_name(NoteOutcome outcome) {
  switch (outcome) {
    case NoteOutcome::queued:
      return "queued";
    case NoteOutcome::no_hints:
      return "no_hints";
    case NoteOutcome::throttled:
      return "throttled";
    case NoteOutcome::failed:
      return "failed";
  }
  return "failed";
}

PostSendResult post_send_check(const Integration& integration, std::string_view conversation_id,
                               const std::vector<StoredMessage>& before, const StoredMessage& reply,
                               std::chrono::sys_seconds now, const Engine& engine,
                               ContextStore& store, NoteSink& sink) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<Message> history;
  history.reserve(before.size());
  for (const StoredMessage& m : before)
    if (!m.private_note) history.push_back(m.to_message());
  Context context;
  context.history = history;
  context.team = integration.team;
  context.now = reply.at.value_or(now);
  const Report report = engine.analyze(context, Draft{reply.text, {}});
  const std::string text = compose_note(report, reply.text, integration.notes.min_severity);
  PostSendResult result;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (text.empty()) return result;
  if (!store.claim_note(integration.id, conversation_id, integration.notes.min_interval)) {
    result.outcome = NoteOutcome::throttled;
    return result;
  }
  const auto queued =
      sink.enqueue(PendingNote{integration.id, std::string(conversation_id), reply.id, text});
  if (!queued.ok()) {
    store.release_note(integration.id, conversation_id);
    result.outcome = NoteOutcome::failed;
    result.error = queued.error().message;
    return result;
  }
  result.outcome = NoteOutcome::queued;
  return result;
}

}  // namespace tactful::server
