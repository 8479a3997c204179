// Parsing the native request JSON.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "../json_strings.h"
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

namespace {

// RapidJSON 1.1.0's SSE2 string scan (reader.h, ScanCopyUnescapedString) stops only at bytes
// up to 0x19, so an unescaped 0x1A..0x1F inside a string passed the in-place parse although JSON
// forbids it (found by fuzz_ws_message); the parse by length checks every byte. True if the body
// holds a NUL or a byte 0x18..0x1F: none is valid anywhere in JSON (0x18 and 0x19 come along
// because the test is cheap that way), so such a body can only be refused, by length.
[[maybe_unused]] bool has_nul_or_late_control(std::string_view json) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  // Eight bytes at a time: a byte of x below n sets its high bit in (x - n*kOnes) & ~x.
  auto any_below = [](std::uint64_t x, std::uint64_t n) { return (x - n * kOnes) & ~x & kHigh; };
  std::size_t i = 0;
  for (; i + 8 <= json.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, json.data() + i, 8);
    if (any_below(word, 1) | any_below(word ^ (0x18 * kOnes), 8)) return true;
  }
  for (; i < json.size(); ++i) {
    const auto c = static_cast<unsigned char>(json[i]);
    if (c == 0 || (c >= 0x18 && c < 0x20)) return true;
  }
  return false;
}

// What the body's bytes say before it is parsed: the offset of its first byte that is not
// valid UTF-8 (json.size() if none) and whether it holds a byte has_nul_or_late_control looks for.
struct BodyBytes {
  std::size_t invalid_utf8_at;
  bool nul_or_late_control;
};

// Both in one pass, 16 bytes at a time: the two checks each went through the body 8 bytes at a
// time, about a tenth of parsing a request. Bytes of a multi-byte character are 0x80 and up, so
// the control test needs only the ASCII bytes it sees in the blocks; it may see some twice.
BodyBytes scan_body(std::string_view json) {
#ifdef __SSE2__
  const std::size_t n = json.size();
  std::size_t i = 0;
  bool control = false;
  const __m128i zero = _mm_setzero_si128(), high5 = _mm_set1_epi8(static_cast<char>(0xF8)),
                late = _mm_set1_epi8(0x18);
  while (i < n) {
    if (n - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(json.data() + i));
      const __m128i hit =
          _mm_or_si128(_mm_cmpeq_epi8(v, zero), _mm_cmpeq_epi8(_mm_and_si128(v, high5), late));
      control |= _mm_movemask_epi8(hit) != 0;
      const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (non_ascii == 0) {
        i += 16;
        continue;
      }
      i += static_cast<unsigned>(__builtin_ctz(non_ascii));
    } else if (const auto c = static_cast<unsigned char>(json[i]); c < 0x80) {
      control |= c == 0 || (c >= 0x18 && c < 0x20);
      ++i;
      continue;
    }
    const Decoded d = decode_utf8(json, i);
    if (d.cp == 0xFFFD && d.length == 1) return {i, control};
    i += d.length;
  }
  return {n, control};
#else
  return {adapters_internal::first_invalid_utf8(json), has_nul_or_late_control(json)};
#endif
}

}  // namespace

std::variant<SuggestRequest, RequestError> parse_suggest_request(
    std::string_view json, const RequestLimits& limits,
    std::span<const std::string_view> extra_fields) {
  // The whole body is checked for UTF-8 once, ASCII 16 bytes at a time (scan_body); RapidJSON's own
  // check goes byte by byte and keeps it from copying strings 16 bytes at a time (SSE2).
  const BodyBytes bytes = scan_body(json);
  if (const std::size_t bad_at = bytes.invalid_utf8_at; bad_at < json.size())
    return bad("invalid JSON at byte " + std::to_string(bad_at) + ": Invalid encoding in string.");
  // Parsed in place in a copy (strings are decoded where they are, not copied into the
  // document), with the document's nodes in a buffer on the stack for a typical request. The
  // in-place parse reads up to a NUL, in aligned 16-byte blocks with SSE2: the copy is padded
  // with NULs so every read stays inside it. A body with a NUL byte of its own is parsed by
  // length instead, so the error names the same byte; so is one with a byte 0x1A..0x1F, which
  // the SSE2 string scan lets through (see has_nul_or_late_control).
  std::string text;
  text.reserve(json.size() + 16);
  text.assign(json);
  text.append(16, '\0');
  alignas(8) char pool_buffer[8192];
  rapidjson::MemoryPoolAllocator<> pool(pool_buffer, sizeof pool_buffer);
  rapidjson::Document doc(&pool);
  if (!bytes.nul_or_late_control)
    doc.ParseInsitu<rapidjson::kParseIterativeFlag>(text.data());
  else
    doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError())
    return bad("invalid JSON at byte " + std::to_string(doc.GetErrorOffset()) + ": " +
               rapidjson::GetParseError_En(doc.GetParseError()));
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
