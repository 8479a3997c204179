// Building note requests: the checks every vendor shares, then the vendor's own builder.
#include "tactful/adapters/notes/request.h"

#include "../json_strings.h"
#include "tactful/adapters/notes/marker.h"
#include "tactful/adapters/webhooks/headers.h"
#include "tactful/text.h"
#include "url.h"
#include "vendor_requests.h"

namespace tactful::notes {
namespace {

using webhooks::Vendor;

Result<std::string> checked_base(const NoteTarget& target) {
  if (target.vendor == Vendor::generic)
    return Error{"the generic vendor has no note API: tactful cannot post notes to it"};
  return detail::normalize_base_url(target.vendor, target.base_url);
}

bool marker_ok(std::string_view marker) {
  if (marker.empty() || marker.size() > 64) return false;
  for (char c : marker)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool blank(std::string_view text) {
  for (char c : text)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

Result<HttpRequestSpec> build(const NoteTarget& target, std::string_view conversation_id, bool post,
                              std::string text) {
  auto base = checked_base(target);
  if (!base.ok()) return base.error();
  const std::string what = std::string(webhooks::vendor_name(target.vendor)) + " conversation id";
  if (auto id = detail::check_id(conversation_id, what, detail::numeric_ids(target.vendor));
      !id.ok())
    return id.error();
  detail::Credentials creds(target.credentials, target.vendor);
  detail::BuildInput in{std::move(base).value(), conversation_id, post, std::move(text)};
  HttpRequestSpec out;
  detail::build_vendor_request(target.vendor, in, creds, out);
  if (creds.failed()) return creds.error();
  return out;
}

}  // namespace

std::string HttpRequestSpec::header(std::string_view name) const {
  for (const auto& [n, v] : headers)
    if (webhooks::iequals(n, name)) return v;
  return "";
}

Result<HttpRequestSpec> build_note_request(const NoteTarget& target,
                                           std::string_view conversation_id, std::string_view text,
                                           std::string_view marker) {
  if (blank(text)) return Error{"the note text is empty"};
  if (text.size() > kMaxNoteBytes)
    return Error{"the note text is " + std::to_string(text.size()) + " bytes; at most " +
                 std::to_string(kMaxNoteBytes)};
  if (!marker_ok(marker)) return Error{"the note marker must be 1-64 of [a-z0-9-]"};
  std::string clean =
      adapters_internal::is_clean_utf8(text) ? std::string(text) : sanitize_utf8(text);
  return build(target, conversation_id, true, text_with_marker(clean, marker));
}

Result<HttpRequestSpec> build_list_request(const NoteTarget& target,
                                           std::string_view conversation_id) {
  return build(target, conversation_id, false, "");
}

Result<void> check_target(const NoteTarget& target) {
  // A list request needs every credential a post needs, and no text.
  auto r = build(target, "1", false, "");
  if (!r.ok()) return r.error();
  return {};
}

}  // namespace tactful::notes
