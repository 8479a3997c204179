#include "outbox_note_sink.h"

#include <map>
#include <memory>
#include <string>

namespace tactful::server {

Result<void> OutboxNoteSink::enqueue(const PendingNote& note) {
  auto queued =
      box_.enqueue({note.integration, note.conversation_id, note.source_message_id, note.text});
  if (!queued.ok()) return queued.error();
  return {};
}

outbox::TargetResolver note_targets_from(const std::vector<Integration>& integrations) {
  auto targets = std::make_shared<std::map<std::string, notes::NoteTarget, std::less<>>>();
  for (const Integration& in : integrations)
    if (in.notes.enabled)
      targets->emplace(in.id, notes::NoteTarget{in.vendor, in.api_base_url, in.api_credentials});
  return [targets](std::string_view id) -> std::optional<notes::NoteTarget> {
    const auto it = targets->find(id);
    if (it == targets->end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace tactful::server
