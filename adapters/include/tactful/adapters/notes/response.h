// Reading a helpdesk's answer to a note request: did it land, may it have landed, should we
// wait and retry, or will it never work? Also Retry-After and the vendor's error message.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/adapters/webhooks/event.h"
#include "tactful/adapters/webhooks/headers.h"

namespace tactful::notes {

enum class Verdict {
  delivered,  // 2xx: the note exists
  retry,      // the vendor did not apply the request (429, 503, 408; Zendesk 409): try again
  uncertain,  // a server error after the request arrived (500, 502, 504, ...): the note may
              // exist, so look for its marker before trying again
  rejected,   // will not work by retrying (other 4xx, redirects, 1xx): record as failed
};

std::string_view verdict_name(Verdict verdict);

// The verdict for an HTTP status from `vendor` (vendor-specific exceptions included).
Verdict judge_status(webhooks::Vendor vendor, int status);

// A judged answer. Guarantees: `reason` is one line of at most ~300 bytes of valid UTF-8 that
// names the status and, where the body carries one, the vendor's own error message; it never
// contains request credentials (only response bytes are quoted).
struct Judgement {
  Verdict verdict = Verdict::rejected;
  std::string reason;
  std::optional<std::chrono::seconds> retry_after;  // the wait the vendor asked for, if any
  std::string vendor_ref;  // the created note's id when the answer names it
};

Judgement judge_answer(webhooks::Vendor vendor, int status, const webhooks::Headers& headers,
                       std::string_view body, std::chrono::sys_seconds now);

// RFC 9110 Retry-After: delay-seconds, or an HTTP-date (IMF-fixdate, RFC 850 or asctime form)
// turned into a delay from `now` (0 if already past). nullopt for anything malformed, negative
// or absurd (over 10 years).
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::sys_seconds now);

// The wait a rate-limited answer asks for: Retry-After first, then the vendor's own headers
// (Help Scout X-RateLimit-Retry-After seconds; Intercom and Front X-RateLimit-Reset as a unix
// time), only on 429/503 answers for the latter.
std::optional<std::chrono::seconds> requested_wait(webhooks::Vendor vendor, int status,
                                                   const webhooks::Headers& headers,
                                                   std::chrono::sys_seconds now);

// The human-readable error in a vendor's error body (Intercom `errors[].message`, Front
// `_error.message`, Zendesk `description`/`error.message`, ...); "" if none is found.
// Bounded: at most 200 bytes, one line, valid UTF-8, whatever the body.
std::string vendor_error(webhooks::Vendor vendor, std::string_view body);

}  // namespace tactful::notes
