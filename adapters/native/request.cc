// Parsing the native request JSON.
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "../json_strings.h"
#include "request_document.h"
#include "tactful/adapters/native_json.h"
#include "tactful/timestamp.h"

namespace tactful {
namespace {

using rapidjson::Value;

std::string_view sv(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

RequestError bad(std::string message) {
  return RequestError{RequestError::Kind::malformed, std::move(message)};
}

// RapidJSON validates the raw bytes, but decodes an unpaired "\udc00" escape into bytes that
// are not UTF-8 (and that a browser counts differently, shifting every offset after them).
bool valid_utf8(std::string_view s) {
  for (std::size_t i = adapters_internal::ascii_prefix(s); i < s.size();) {
    const Decoded d = decode_utf8(s, i);
    if (d.cp == 0xFFFD && d.length == 1) return false;  // an invalid byte, not U+FFFD itself
    i += d.length;
  }
  return true;
}

// UTF-16 units of valid UTF-8 (what valid_utf8 passed): one a character, two for a four-byte
// one. Counted in place; a Utf16Index would allocate its checkpoints for one number.
std::size_t utf16_length(std::string_view valid) {
  std::size_t i = adapters_internal::ascii_prefix(valid), units = i;
  for (; i < valid.size(); ++i) {
    const auto b = static_cast<unsigned char>(valid[i]);
    units += static_cast<std::size_t>((b & 0xC0) != 0x80) + static_cast<std::size_t>(b >= 0xF0);
  }
  return units;
}

std::optional<RequestError> read_string(const Value& v, std::string_view field, std::string& out) {
  if (!v.IsString()) return bad(std::string(field) + ": expected a string");
  if (!valid_utf8(sv(v))) return bad(std::string(field) + ": invalid UTF-8 (unpaired surrogate)");
  out.assign(v.GetString(), v.GetStringLength());
  return std::nullopt;
}

std::optional<RequestError> read_strings(const Value& v, std::string_view field,
                                         std::vector<std::string>& out) {
  if (!v.IsArray()) return bad(std::string(field) + ": expected an array of strings");
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    if (!v[i].IsString() || !valid_utf8(sv(v[i])))
      return bad(std::string(field) + "[" + std::to_string(i) + "]: expected a string");
    out.emplace_back(sv(v[i]));
  }
  return std::nullopt;
}

std::optional<RequestError> read_message(const Value& v, std::size_t index,
                                         const RequestLimits& limits, Message& m) {
  // Field names for errors are built only when there is an error: a valid message allocates
  // nothing here but its text.
  const auto at = [index] { return "history[" + std::to_string(index) + "]"; };
  if (!v.IsObject()) return bad(at() + ": expected an object {role, text, at}");
  bool has_text = false;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string_view key = sv(it->name);
    const auto f = [&] { return at() + "." + std::string(key); };
    const Value& x = it->value;
    if (key == "role") {
      if (!x.IsString()) return bad(f() + ": expected a string");
      const std::string_view role = sv(x);
      if (role == "customer" || role == "end-user" || role == "user" || role == "contact")
        m.role = Role::customer;
      else if (role == "agent" || role == "admin" || role == "bot")
        m.role = Role::agent;
      else if (role == "system")
        m.role = Role::system;
      else
        return bad(f() + ": unknown role '" + std::string(role) + "' (customer, agent or system)");
    } else if (key == "text") {
      if (!x.IsString()) return bad(f() + ": expected a string");
      const std::string_view text = sv(x);
      if (!valid_utf8(text)) return bad(f() + ": invalid UTF-8 (unpaired surrogate)");
      // Cut an over-long message on a character boundary, never inside one.
      std::size_t n = std::min(text.size(), limits.max_message_bytes);
      if (n < text.size())
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
      m.text.assign(text.substr(0, n));
      has_text = true;
    } else if (key == "at") {
      if (x.IsNull()) continue;
      if (!x.IsString()) return bad(f() + ": expected an RFC 3339 time string");
      m.at = parse_rfc3339(sv(x));
      if (!m.at)
        return bad(f() + ": '" + std::string(sv(x)).substr(0, 40) +
                   "' is not an RFC 3339 time like 2026-11-22T10:00:00Z");
    } else if (key != "id" && key != "author") {
      return bad(f() + ": unknown field (known: role, text, at)");
    }
  }
  if (!has_text) return bad(at() + ": missing 'text'");
  return std::nullopt;
}

// {"integration": "...", "id": "..."}: both non-empty strings of at most 256 bytes.
std::optional<RequestError> read_conversation(const Value& v, ConversationRef& out) {
  constexpr std::size_t kMaxId = 256;
  if (!v.IsObject()) return bad("conversation: expected an object {integration, id}");
  bool has_integration = false, has_id = false;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string_view key = sv(it->name);
    std::string* target = key == "integration" ? &out.integration : key == "id" ? &out.id : nullptr;
    if (!target)
      return bad("conversation." + std::string(key).substr(0, 64) +
                 ": unknown field (known: integration, id)");
    const std::string field = "conversation." + std::string(key);
    // Vendors' ids are strings or integers (Chatwoot's display id, Zendesk's ticket id).
    if (it->value.IsUint64()) {
      *target = std::to_string(it->value.GetUint64());
    } else if (!it->value.IsString()) {
      return bad(field + ": expected a string or a non-negative integer");
    } else if (auto e = read_string(it->value, field, *target)) {
      return e;
    }
    if (target->empty()) return bad(field + ": must not be empty");
    if (target->size() > kMaxId)
      return bad(field + ": longer than " + std::to_string(kMaxId) + " bytes");
    (key == "integration" ? has_integration : has_id) = true;
  }
  if (!has_integration) return bad("conversation: missing 'integration'");
  if (!has_id) return bad("conversation: missing 'id'");
  return std::nullopt;
}

}  // namespace

Context SuggestRequest::context() const {
  Context c;
  c.history = history;
  c.locale = locale;
  c.team = team;
  c.channel = channel;
  c.customer_name = customer_name;
  c.now = now.value_or(std::chrono::sys_seconds{});
  return c;
}

AnalyzeOptions SuggestRequest::options() const {
  AnalyzeOptions o;
  o.disabled_rules = disabled_rules;
  o.disabled_categories = disabled_categories;
  o.enabled_only = enabled_only;
  return o;
}

std::variant<SuggestRequest, RequestError> parse_suggest_request(
    std::string_view json, const RequestLimits& limits,
    std::span<const std::string_view> extra_fields) {
  const native_internal::RequestDocument body(json);
  if (body.error()) return *body.error();
  return native_internal::read_suggest_request(body.root(), limits, extra_fields);
}

std::variant<SuggestRequest, RequestError> native_internal::read_suggest_request(
    const rapidjson::Value& doc, const RequestLimits& limits,
    std::span<const std::string_view> extra_fields) {
  if (!doc.IsObject()) return bad("the request must be a JSON object");
  SuggestRequest r;
  bool has_draft = false;
  for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
    const std::string_view key = sv(it->name);
    const Value& x = it->value;
    std::optional<RequestError> e;
    if (key == "draft") {
      e = read_string(x, "draft", r.draft);
      has_draft = true;
    } else if (key == "history") {
      if (!x.IsArray()) return bad("history: expected an array of messages");
      const std::size_t n = x.Size();
      const std::size_t first = n > limits.max_history ? n - limits.max_history : 0;
      r.dropped_history = first;
      r.history.reserve(n - first);
      for (std::size_t i = first; i < n; ++i) {
        Message m;
        if (auto err = read_message(x[static_cast<rapidjson::SizeType>(i)], i, limits, m))
          return *err;
        r.history.push_back(std::move(m));
      }
    } else if (key == "locale") {
      e = read_string(x, "locale", r.locale);
    } else if (key == "team") {
      e = read_string(x, "team", r.team);
    } else if (key == "channel") {
      e = read_string(x, "channel", r.channel);
    } else if (key == "customer_name") {
      e = read_string(x, "customer_name", r.customer_name);
    } else if (key == "now") {
      if (!x.IsString()) return bad("now: expected an RFC 3339 time string");
      r.now = parse_rfc3339(sv(x));
      if (!r.now) return bad("now: not an RFC 3339 time like 2026-11-22T10:00:00Z");
    } else if (key == "disabled_rules") {
      e = read_strings(x, "disabled_rules", r.disabled_rules);
    } else if (key == "disabled_categories") {
      e = read_strings(x, "disabled_categories", r.disabled_categories);
    } else if (key == "enabled_only") {
      e = read_strings(x, "enabled_only", r.enabled_only);
    } else if (key == "conversation") {
      if (!x.IsNull()) {
        r.conversation.emplace();
        e = read_conversation(x, *r.conversation);
      }
    } else if (key == "skip") {
      if (!x.IsArray()) return bad("skip: expected an array of {offset, length}");
      for (rapidjson::SizeType i = 0; i < x.Size(); ++i) {
        const Value& s = x[i];
        if (!s.IsObject() || !s.HasMember("offset") || !s.HasMember("length") ||
            !s["offset"].IsUint() || !s["length"].IsUint())
          return bad("skip[" + std::to_string(i) + "]: expected {offset, length} (UTF-16 units)");
        const std::size_t offset = s["offset"].GetUint(), length = s["length"].GetUint();
        r.skip.push_back({offset, offset + length});  // in size_t: no 32-bit wrap-around
      }
    } else if (std::find(extra_fields.begin(), extra_fields.end(), key) == extra_fields.end()) {
      return bad("unknown field '" + std::string(key).substr(0, 64) +
                 "' (known: draft, history, locale, team, channel, customer_name, now, skip, "
                 "disabled_rules, disabled_categories, enabled_only, conversation)");
    }
    if (e) return *e;
  }
  if (!has_draft) return bad("missing 'draft' (the agent's reply to check)");
  if (limits.max_draft_chars) {
    const std::size_t chars = utf16_length(r.draft);
    if (chars > limits.max_draft_chars)
      return RequestError{RequestError::Kind::too_large,
                          "draft: " + std::to_string(chars) + " characters is over the limit of " +
                              std::to_string(limits.max_draft_chars)};
  }
  if (!r.skip.empty()) {  // UTF-16 units to bytes, clamped to the draft
    const Utf16Index index(r.draft);
    for (Span& s : r.skip) s = {index.to_byte(s.begin), index.to_byte(s.end)};
  }
  return r;
}

}  // namespace tactful
