// Internal to adapters/notes: URLs, ids and text escaping for the note requests.
#pragma once

#include <string>
#include <string_view>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/result.h"

namespace tactful::notes::detail {

// The vendor's public API host when it has exactly one, else "".
std::string_view default_base_url(webhooks::Vendor vendor);

// `base` (or the vendor's default when empty) as "http(s)://host[:port][/path]" without a
// trailing slash. Refuses other schemes, userinfo, query, fragment, spaces and control bytes.
Result<std::string> normalize_base_url(webhooks::Vendor vendor, std::string_view base);

// RFC 3986 percent-encoding of one path segment: everything but unreserved characters.
std::string encode_segment(std::string_view segment);

// A conversation/ticket id fit for a URL path: non-empty, at most kMaxIdBytes, no control
// bytes, not "." or ".."; with `numeric`, 1 to 18 ASCII digits. `what` names it in errors.
Result<void> check_id(std::string_view id, std::string_view what, bool numeric);

// True if `url` starts with `base` followed by "/", "?" or the end (same scheme, host, port
// and path prefix), so following it cannot send credentials elsewhere.
bool under_base(std::string_view base, std::string_view url);

// HTML-escapes `text` (& < > " ') and turns line breaks into <br>.
std::string html_lines(std::string_view text);

}  // namespace tactful::notes::detail
