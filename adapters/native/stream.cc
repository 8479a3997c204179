// The /v1/stream message protocol.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>

#include "report_json.h"
#include "request_document.h"
#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/native_stream.h"

namespace tactful {

StreamMessage parse_stream_message(std::string_view json, const RequestLimits& limits,
                                   StreamContext& context) {
  // One parse serves both the message's own fields (type, seq) and the request's. A body that
  // is not UTF-8 is refused as a request, but its type and seq are still read first, by a parse
  // that does not check the encoding, so it is answered as before this was one parse.
  const native_internal::RequestDocument body(json);
  std::optional<rapidjson::Document> unchecked;
  const rapidjson::Value* doc = body.error() ? nullptr : &body.root();
  if (body.invalid_utf8()) {
    unchecked.emplace();
    unchecked->Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
    if (!unchecked->HasParseError()) doc = &*unchecked;
  }
  if (doc && doc->IsObject()) {
    const auto type = doc->FindMember("type");
    if (type != doc->MemberEnd()) {
      // With its length: "ping\u0000..." is not a ping (found by fuzz_ws_message).
      if (type->value.IsString() &&
          std::string_view(type->value.GetString(), type->value.GetStringLength()) == "ping")
        return StreamPing{};
      return StreamError{0, {RequestError::Kind::malformed, "type: only \"ping\" is known"}};
    }
  }
  std::uint64_t seq = 0;
  if (doc && doc->IsObject()) {
    const auto s = doc->FindMember("seq");
    if (s == doc->MemberEnd() || !s->value.IsUint64() || s->value.GetUint64() == 0)
      return StreamError{0, {RequestError::Kind::malformed, "seq: expected a positive integer"}};
    seq = s->value.GetUint64();
  }
  if (body.error()) return StreamError{seq, *body.error()};
  static constexpr std::string_view kExtra[] = {"seq"};
  auto parsed = native_internal::read_suggest_request(body.root(), limits, kExtra);
  if (auto* e = std::get_if<RequestError>(&parsed)) return StreamError{seq, std::move(*e)};
  SuggestRequest r = std::move(std::get<SuggestRequest>(parsed));
  if (doc->HasMember("history"))
    context.history = r.history;
  else
    r.history = context.history;
  if (doc->HasMember("conversation"))
    context.conversation = r.conversation;
  else
    r.conversation = context.conversation;
  auto keep = [&](const char* key, std::string& field, std::string& kept) {
    if (doc->HasMember(key))
      kept = field;
    else
      field = kept;
  };
  keep("customer_name", r.customer_name, context.customer_name);
  keep("team", r.team, context.team);
  keep("channel", r.channel, context.channel);
  keep("locale", r.locale, context.locale);
  return StreamDraft{seq, std::move(r)};
}

std::string stream_report_json(std::uint64_t seq, const Report& report,
                               const SuggestRequest& request) {
  return native_internal::compact_report_json(report, request, seq);
}

std::string stream_pong_json() {
  return R"({"type":"pong"})";
}

std::string stream_error_json(const StreamError& e) {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartObject();
  w.Key("seq");
  w.Uint64(e.seq);
  w.Key("error");
  const std::string clean = sanitize_utf8(e.error.message);
  w.String(clean.data(), static_cast<rapidjson::SizeType>(clean.size()));
  w.Key("status");
  w.Int(e.error.kind == RequestError::Kind::too_large ? 413 : 400);
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tactful
