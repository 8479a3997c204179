// The reference tactful embeds in every note it posts, so a note can be found again in the
// vendor's conversation (exactly-once delivery, docs/notes.md) and recognised as its own.
#pragma once

#include <string>
#include <string_view>

namespace tactful::notes {

// "tf-" + 16 lowercase hex digits derived from (integration, source message id): the same
// inputs always give the same marker, so a restarted outbox looks for the marker an earlier
// attempt may have posted. Different inputs collide with probability ~2^-64.
std::string marker_for(std::string_view integration, std::string_view source_message_id);

// The note as posted: the text, a blank line, then "tactful ref <marker>".
std::string text_with_marker(std::string_view text, std::string_view marker);

// True if `text` holds `marker` as a whole token (not inside a longer run of hex digits).
bool contains_marker(std::string_view text, std::string_view marker);

// True if `text` holds any tactful marker ("tactful ref tf-" + 16 hex): a note tactful posted,
// which webhook handling must not coach again (no loops).
bool has_any_marker(std::string_view text);

}  // namespace tactful::notes
