// Fuzzes the /v1/stream WebSocket messages: one input is a connection's session, one message per
// line, parsed in order against the conversation the connection keeps (as WsSession does), each
// draft analysed after its message's buffer is gone and answered with the stream's JSON.
// Properties: no crash, hang or use of a freed message; a ping is exactly {"type":"ping"}; every
// refusal carries a message and the seq it was given; a draft's seq is the message's; the kept
// conversation is what the draft is analysed with; every answer is valid UTF-8 JSON with its seq.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "tactful/adapters/native_stream.h"
#include "tactful/engine.h"

namespace {

// Which property failed, on stderr, before the abort libFuzzer reports.
#define require(ok)                                                           \
  do {                                                                        \
    if (!(ok)) {                                                              \
      std::fprintf(stderr, "fuzz_ws_message: %s (line %d)\n", #ok, __LINE__); \
      std::abort();                                                           \
    }                                                                         \
  } while (0)

// The answer the client gets: valid UTF-8 JSON, an object whose "seq" is `seq`.
void require_answer(const std::string& json, std::uint64_t seq) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  require(!doc.HasParseError() && doc.IsObject());
  const auto s = doc.FindMember("seq");
  require(s != doc.MemberEnd() && s->value.IsUint64() && s->value.GetUint64() == seq);
}

// What the message itself says, read independently of the parser under test.
struct Said {
  bool object = false, has_type = false, is_ping = false;
  std::optional<std::uint64_t> seq;  // a positive integer seq, when it has one
};

Said read_said(std::string_view text) {
  Said said;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
  if (doc.HasParseError() || !doc.IsObject()) return said;
  said.object = true;
  const auto type = doc.FindMember("type");
  said.has_type = type != doc.MemberEnd();
  said.is_ping = said.has_type && type->value.IsString() &&
                 std::string_view(type->value.GetString(), type->value.GetStringLength()) == "ping";
  const auto seq = doc.FindMember("seq");
  if (seq != doc.MemberEnd() && seq->value.IsUint64() && seq->value.GetUint64() > 0)
    said.seq = seq->value.GetUint64();
  return said;
}

bool same_history(const std::vector<tactful::Message>& a, const std::vector<tactful::Message>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].role != b[i].role || a[i].text != b[i].text || a[i].at != b[i].at) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // The server's limits, with small history caps so the fuzzer reaches the dropping paths.
  tactful::RequestLimits limits;
  limits.max_draft_chars = 2000;
  limits.max_history = 4;
  limits.max_message_bytes = 256;
  static const tactful::Engine engine(tactful::RuleSet::builtin());
  tactful::StreamContext context;
  std::size_t start = 0;
  for (int messages = 0; start <= input.size() && messages < 16; ++messages) {
    std::size_t end = input.find('\n', start);
    if (end == std::string_view::npos) end = input.size();
    // The frame's own buffer, freed before the analysis (WsSession consumes its read buffer).
    auto frame = std::make_unique<std::string>(input.substr(start, end - start));
    start = end + 1;
    const Said said = read_said(*frame);
    tactful::StreamMessage m = tactful::parse_stream_message(*frame, limits, context);
    frame.reset();
    if (std::holds_alternative<tactful::StreamPing>(m)) {
      require(said.is_ping);
      continue;
    }
    require(!said.is_ping);
    if (auto* e = std::get_if<tactful::StreamError>(&m)) {
      require(!e->error.message.empty());  // every refusal says why
      require(e->seq == (said.object && !said.has_type ? said.seq.value_or(0) : 0));
      const std::string json = tactful::stream_error_json(*e);
      require_answer(json, e->seq);
      rapidjson::Document doc;
      doc.Parse(json.data(), json.size());
      require(doc["error"].IsString() && doc["error"].GetStringLength() > 0);
      require(doc["status"] ==
              (e->error.kind == tactful::RequestError::Kind::too_large ? 413 : 400));
      continue;
    }
    auto& draft = std::get<tactful::StreamDraft>(m);
    require(said.object && !said.has_type && said.seq == draft.seq);
    const tactful::SuggestRequest& r = draft.request;
    require(r.history.size() <= limits.max_history);
    require(same_history(r.history, context.history));
    require(r.customer_name == context.customer_name && r.team == context.team &&
            r.channel == context.channel && r.locale == context.locale);
    require(r.conversation.has_value() == context.conversation.has_value());
    const tactful::Report report = engine.analyze(r.context(), r.draft_view(), r.options());
    for (const auto& s : report.suggestions) {
      require(s.span.begin <= s.span.end && s.span.end <= r.draft.size());
      require(s.utf16.begin <= s.utf16.end);
    }
    require_answer(tactful::stream_report_json(draft.seq, report, r), draft.seq);
  }
  return 0;
}
