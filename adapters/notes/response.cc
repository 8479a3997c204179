// Judging a vendor's answer to a note request and quoting its error message.
#include "tactful/adapters/notes/response.h"

#include "json_view.h"

namespace tactful::notes {
namespace {

using detail::member;
using detail::path;
using detail::string_or_empty;
using detail::Value;
using webhooks::Vendor;

constexpr std::size_t kMaxErrorBytes = 200;
constexpr std::size_t kMaxParsedErrorBody = 1 << 20;

// The first element of an array member, or nullptr.
const Value* first(const Value* array) {
  if (!array || !array->IsArray() || array->Empty()) return nullptr;
  return &(*array)[0];
}

// "field: message" when both exist.
std::string with_field(std::string_view field, std::string_view message) {
  if (field.empty()) return std::string(message);
  if (message.empty()) return std::string(field);
  return std::string(field) + ": " + std::string(message);
}

std::string vendor_specific(Vendor vendor, const Value& root) {
  switch (vendor) {
    case Vendor::intercom: {  // {"type":"error.list","errors":[{"code","message"}]}
      const Value* e = first(member(&root, "errors"));
      return with_field(string_or_empty(member(e, "code")), string_or_empty(member(e, "message")));
    }
    case Vendor::front:  // {"_error":{"status","title","message"}}
      if (auto m = string_or_empty(path(&root, {"_error", "message"})); !m.empty())
        return std::string(m);
      return std::string(string_or_empty(path(&root, {"_error", "title"})));
    case Vendor::zendesk:  // {"error":"RecordInvalid","description":"..."} or {"error":{...}}
      if (auto m = string_or_empty(path(&root, {"error", "message"})); !m.empty())
        return std::string(m);
      if (auto m = string_or_empty(path(&root, {"error", "title"})); !m.empty())
        return std::string(m);
      return with_field(string_or_empty(member(&root, "error")),
                        string_or_empty(member(&root, "description")));
    case Vendor::freshdesk: {  // {"description","errors":[{"field","message","code"}]}
      const Value* e = first(member(&root, "errors"));
      if (e)
        return with_field(string_or_empty(member(e, "field")),
                          string_or_empty(member(e, "message")));
      break;
    }
    case Vendor::zammad:  // {"error":"...","error_human":"..."}
      if (auto m = string_or_empty(member(&root, "error_human")); !m.empty()) return std::string(m);
      break;
    case Vendor::helpscout: {  // vnd.error: {"message", "_embedded":{"errors":[{path,message}]}}
      const Value* e = first(path(&root, {"_embedded", "errors"}));
      const std::string detail =
          with_field(string_or_empty(member(e, "path")), string_or_empty(member(e, "message")));
      const std::string_view top = string_or_empty(member(&root, "message"));
      if (!detail.empty()) return top.empty() ? detail : std::string(top) + " (" + detail + ")";
      break;
    }
    case Vendor::livechat:  // {"error":{"type","message"}}
      return with_field(string_or_empty(path(&root, {"error", "type"})),
                        string_or_empty(path(&root, {"error", "message"})));
    case Vendor::chatwoot:  // {"error":"..."} or {"message":"...","errors":["..."]}
      if (const Value* e = first(member(&root, "errors")); e && e->IsString())
        return std::string(string_or_empty(e));
      break;
    case Vendor::generic:
      break;
  }
  return "";
}

std::string common_fields(const Value& root) {
  for (const char* k : {"message", "error", "description", "detail", "title"})
    if (auto m = string_or_empty(member(&root, k)); !m.empty()) return std::string(m);
  return "";
}

// The id of the note an answer created, where the answer names it.
std::string created_id(Vendor vendor, const webhooks::Headers& headers, std::string_view body) {
  if (vendor == Vendor::helpscout)  // 201 with an empty body and the id in Resource-ID
    return detail::one_line(headers.get("Resource-ID").value_or(""), 64);
  if (body.empty() || body.size() > kMaxParsedErrorBody) return "";
  auto doc = detail::parse_json(body, "answer");
  if (!doc.ok() || !doc->IsObject()) return "";
  const Value& root = doc.value();
  std::optional<std::string> id;
  if (vendor == Vendor::livechat) {
    id = detail::scalar_text(member(&root, "event_id"));
  } else if (vendor == Vendor::zendesk) {  // the ticket update's audit lists the new comment
    const Value* events = path(&root, {"audit", "events"});
    if (events && events->IsArray())
      for (const auto& e : events->GetArray())
        if (string_or_empty(member(&e, "type")) == "Comment") {
          id = detail::scalar_text(member(&e, "id"));
          break;
        }
  } else if (vendor == Vendor::intercom) {  // the conversation; its newest part is the note
    const Value* parts = path(&root, {"conversation_parts", "conversation_parts"});
    if (parts && parts->IsArray() && !parts->Empty())
      id = detail::scalar_text(member(&(*parts)[parts->Size() - 1], "id"));
  } else {
    id = detail::scalar_text(member(&root, "id"));
  }
  return id ? detail::one_line(*id, 64) : "";
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::delivered:
      return "delivered";
    case Verdict::retry:
      return "retry";
    case Verdict::uncertain:
      return "uncertain";
    case Verdict::rejected:
      break;
  }
  return "rejected";
}

Verdict judge_status(Vendor vendor, int status) {
  if (status >= 200 && status < 300) return Verdict::delivered;
  // 408: the server timed out before it had the whole request; 429/503: refused before doing
  // anything (RFC 9110, RFC 6585).
  if (status == 408 || status == 429 || status == 503) return Verdict::retry;
  // Zendesk answers 409 when concurrent updates to one ticket collide; the update was not
  // applied and a retry succeeds (singer-io/tap-zendesk PR #107 retries it) [3p].
  if (vendor == Vendor::zendesk && status == 409) return Verdict::retry;
  if (status >= 500 && status < 600) return Verdict::uncertain;
  return Verdict::rejected;
}

std::string vendor_error(Vendor vendor, std::string_view body) {
  std::string found;
  if (!body.empty() && body.size() <= kMaxParsedErrorBody) {
    auto doc = detail::parse_json(body, "error body");
    if (doc.ok() && doc->IsObject()) {
      found = vendor_specific(vendor, doc.value());
      if (found.empty()) found = common_fields(doc.value());
    } else if (!doc.ok()) {
      // Plain text (Zendesk's per-user rate-limit answer is text/plain); never an HTML page.
      std::size_t i = 0;
      while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r')) ++i;
      if (i < body.size() && body[i] != '<' && body[i] != '{' && body[i] != '[')
        found = std::string(body.substr(0, 4 * kMaxErrorBytes));
    }
  }
  return detail::one_line(found, kMaxErrorBytes);
}

Judgement judge_answer(Vendor vendor, int status, const webhooks::Headers& headers,
                       std::string_view body, std::chrono::sys_seconds now) {
  Judgement j;
  j.verdict = judge_status(vendor, status);
  j.reason =
      "HTTP " + std::to_string(status) + " from " + std::string(webhooks::vendor_name(vendor));
  if (j.verdict == Verdict::delivered) {
    j.vendor_ref = created_id(vendor, headers, body);
    return j;
  }
  if (status >= 300 && status < 400)
    if (auto location = headers.get("Location"))
      j.reason += ": redirected to " + detail::one_line(*location, 120) + " (check base_url)";
  if (const std::string e = vendor_error(vendor, body); !e.empty()) j.reason += ": " + e;
  if (j.verdict != Verdict::rejected) j.retry_after = requested_wait(vendor, status, headers, now);
  return j;
}

}  // namespace tactful::notes
