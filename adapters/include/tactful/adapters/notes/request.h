// The HTTP request that posts one private coaching note into a helpdesk conversation, built
// exactly as each vendor documents it (docs/notes.md lists the sources). Pure: no I/O.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/result.h"

namespace tactful::notes {

// Where and as whom notes are posted: the vendor, its API base URL and the integration's
// credentials. Credential keys per vendor (docs/notes.md): chatwoot `api_access_token` +
// `account_id`; zendesk `email` + `api_token` (or `oauth_token`); intercom `access_token` +
// `admin_id` (optional `intercom_version`); front `api_token` (optional `author_id`); freshdesk
// `api_key`; zammad `api_token`; helpscout `access_token` (optional `user_id`); livechat
// `access_token` (or `account_id` + `personal_access_token`; optional `region`).
// `base_url` may be empty for vendors with one public API host (Intercom, Front, Help Scout,
// LiveChat); self-hosted or per-account vendors (Chatwoot, Zendesk, Freshdesk, Zammad) need it.
struct NoteTarget {
  webhooks::Vendor vendor = webhooks::Vendor::generic;
  std::string base_url;
  std::map<std::string, std::string> credentials;
};

// A request ready to send: method, absolute URL (ids percent-encoded), header fields in order,
// body. Header values never contain CR or LF.
struct HttpRequestSpec {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header with this name (ASCII case-insensitive), or "" if absent.
  std::string header(std::string_view name) const;
};

// Limits that keep a note inside every vendor's request limits (LiveChat caps message text at
// 16 KB, Help Scout requests at 100 kB).
inline constexpr std::size_t kMaxNoteBytes = 16 * 1024;
inline constexpr std::size_t kMaxIdBytes = 128;

// The POST (PUT for Zendesk) that creates a private note with `text` in `conversation_id`.
// `marker` (see marker.h) is appended on its own line so the note can be found again. Errors,
// each naming the problem: an unsupported vendor (generic), a bad base URL, a missing or
// malformed credential (named), an empty or oversized text, a conversation id that is empty,
// too long, "." or "..", holds control bytes, or is not a number where the vendor's ids are
// numbers. Invalid UTF-8 in the text is replaced with U+FFFD; HTML vendors get it escaped.
Result<HttpRequestSpec> build_note_request(const NoteTarget& target,
                                           std::string_view conversation_id, std::string_view text,
                                           std::string_view marker);

// The read-only request that lists a conversation's newest notes, to look for a marker after
// an attempt whose outcome is unknown (reconcile.h parses the answer). Same errors as above.
Result<HttpRequestSpec> build_list_request(const NoteTarget& target,
                                           std::string_view conversation_id);

// Checks a target without building a request: vendor supported, base URL valid, every
// required credential present and well-formed.
Result<void> check_target(const NoteTarget& target);

}  // namespace tactful::notes
