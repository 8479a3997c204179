// Looking for a note's marker in a vendor's list of a conversation's notes: how the outbox
// learns whether an attempt whose outcome it never saw did create the note (docs/notes.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "tactful/adapters/notes/request.h"
#include "tactful/adapters/webhooks/headers.h"
#include "tactful/result.h"

namespace tactful::notes {

// One page of a list answer. `next` is the request for the following page where the vendor
// pages oldest-first (Freshdesk's Link header); vendors listed newest-first need one page.
struct ListPage {
  bool found = false;          // a note on this page holds the marker
  std::size_t notes_seen = 0;  // notes (private items) examined on this page
  std::optional<HttpRequestSpec> next;
};

// Bodies larger than this are refused rather than parsed.
inline constexpr std::size_t kMaxListBytes = 8 << 20;

// Parses a 2xx answer to `sent` (a build_list_request or a previous `next`). Errors name the
// vendor and the problem: malformed JSON, the expected array missing, a body over
// kMaxListBytes, a next-page link to another origin (credentials never leave the base URL).
Result<ListPage> find_marker(const NoteTarget& target, const HttpRequestSpec& sent,
                             const webhooks::Headers& headers, std::string_view body,
                             std::string_view marker);

}  // namespace tactful::notes
