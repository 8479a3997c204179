// The fake vendor's knowledge of each helpdesk's wire format: which requests create notes,
// where the conversation id and note text are, and how answers look (shapes from the vendors'
// API references; docs/notes.md lists them).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tactful/adapters/notes/request.h"
#include "tactful/adapters/webhooks/event.h"

namespace tactful::testing::fake {

using webhooks::Vendor;

struct Answer {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

bool is_create(Vendor vendor, const std::string& method, const std::string& target);
// The conversation a request is about (path segment or body field), "" if none.
std::string conversation_of(Vendor vendor, const std::string& target, const std::string& body);
// The note text in a create request's body, "" if absent.
std::string note_text(Vendor vendor, const std::string& body);
// The vendor's success answer to a create; `id` numbers the note.
Answer created(Vendor vendor, const std::string& conversation, int id);
// The vendor's answer listing `notes` (oldest first); Freshdesk pages oldest first with a Link
// header under `base` (`page` from 1), everyone else returns one page.
Answer listed(Vendor vendor, const std::string& conversation, const std::vector<std::string>& notes,
              const std::string& target, std::size_t page_size, const std::string& base);

// A target for the fake vendor at `base`, with the credentials the vendor's requests need
// (fixed test values, checked by the tests).
notes::NoteTarget target_for(Vendor vendor, const std::string& base);

}  // namespace tactful::testing::fake
