// The native JSON protocol: parse_suggest_request (errors name the field, limits, UTF-16 skip
// spans) and report_to_json (valid JSON, UTF-16 offsets beside byte offsets).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "tactful/adapters/native_json.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

using Parsed = std::variant<SuggestRequest, RequestError>;

SuggestRequest ok(std::string_view json, const RequestLimits& limits = {},
                  std::span<const std::string_view> extra = {}) {
  Parsed p = parse_suggest_request(json, limits, extra);
  if (auto* e = std::get_if<RequestError>(&p)) {
    ADD_FAILURE() << json.substr(0, 200) << " -> " << e->message;
    return {};
  }
  return std::get<SuggestRequest>(std::move(p));
}

RequestError fail(std::string_view json, const RequestLimits& limits = {}) {
  Parsed p = parse_suggest_request(json, limits);
  if (!std::holds_alternative<RequestError>(p)) {
    ADD_FAILURE() << "accepted: " << json.substr(0, 200);
    return {};
  }
  return std::get<RequestError>(p);
}

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

TEST(NativeRequest, ParsesEveryField) {
  const SuggestRequest r = ok(R"({"draft": "Per our policy, no.",
    "history": [{"role": "customer", "text": "Charged twice!", "at": "2026-11-22T10:00:00Z"},
                {"role": "agent", "text": "Checking.", "at": null},
                {"role": "end-user", "text": "Hello?", "id": 7, "author": "x"},
                {"role": "system", "text": "Assigned."}],
    "locale": "en-GB", "team": "billing", "channel": "chat", "customer_name": "Dana",
    "now": "2026-11-22T10:14:00Z", "disabled_rules": ["a.b"],
    "disabled_categories": ["tone"], "enabled_only": ["c.d", "e.f"],
    "skip": [{"offset": 0, "length": 3}]})");
  EXPECT_EQ(r.draft, "Per our policy, no.");
  ASSERT_EQ(r.history.size(), 4u);
  EXPECT_EQ(r.history[0].role, Role::customer);
  EXPECT_EQ(r.history[0].at->time_since_epoch().count(), 1795341600);
  EXPECT_EQ(r.history[1].role, Role::agent);
  EXPECT_FALSE(r.history[1].at);
  EXPECT_EQ(r.history[2].role, Role::customer);
  EXPECT_EQ(r.history[3].role, Role::system);
  EXPECT_EQ(r.locale, "en-GB");
  EXPECT_EQ(r.team, "billing");
  EXPECT_EQ(r.channel, "chat");
  EXPECT_EQ(r.customer_name, "Dana");
  ASSERT_TRUE(r.now);
  EXPECT_EQ(r.now->time_since_epoch().count(), 1795342440);
  EXPECT_EQ(r.disabled_rules, std::vector<std::string>{"a.b"});
  EXPECT_EQ(r.disabled_categories, std::vector<std::string>{"tone"});
  EXPECT_EQ(r.enabled_only, (std::vector<std::string>{"c.d", "e.f"}));
  EXPECT_EQ(r.skip, (std::vector<Span>{{0, 3}}));
  EXPECT_EQ(r.dropped_history, 0u);
  const Context c = r.context();
  EXPECT_EQ(c.history.size(), 4u);
  EXPECT_EQ(c.team, "billing");
  EXPECT_EQ(c.customer_name, "Dana");
  EXPECT_EQ(c.now, *r.now);
  EXPECT_EQ(r.options().enabled_only.size(), 2u);
  EXPECT_EQ(r.draft_view().skip.size(), 1u);
  EXPECT_EQ(ok(R"({"draft": ""})").context().now.time_since_epoch().count(), 0);
}

TEST(NativeRequest, MalformedJsonNamesTheByte) {
  RequestError e = fail(R"({"draft": "x",, "team": "a"})");
  EXPECT_EQ(e.kind, RequestError::Kind::malformed);
  EXPECT_TRUE(contains(e.message, "byte 14")) << e.message;
  e = fail(R"({"draft": "x"} trailing)");
  EXPECT_TRUE(contains(e.message, "byte 15")) << e.message;
  e = fail(R"({"draft": "x"}{})");
  EXPECT_TRUE(contains(e.message, "byte 14")) << e.message;
  EXPECT_TRUE(contains(fail("").message, "invalid JSON")) << fail("").message;
  EXPECT_TRUE(contains(fail(R"({"draft": "unterminated)").message, "invalid JSON"));
  // The body is parsed in place up to a NUL: a NUL byte of its own still names its byte, and
  // a truncated body fails where it ends, not in the padding after it.
  e = fail(std::string(R"({"draft": "x)") + '\0' + R"("})");
  EXPECT_TRUE(contains(e.message, "invalid JSON at byte 12")) << e.message;
  e = fail(R"({"draft": "x", "team")");
  EXPECT_TRUE(contains(e.message, "invalid JSON at byte 21: Missing a colon")) << e.message;
  EXPECT_EQ(ok(R"({"draft": "tab\there \"q\" \u00e9\ud83d\ude00"})").draft,
            "tab\there \"q\" \xC3\xA9\xF0\x9F\x98\x80");
}

// fuzz_ws_message's crasher: RapidJSON's SSE2 in-place scan let unescaped 0x1A..0x1F through
// (in a string's aligned 16-byte blocks, so past its first bytes); JSON forbids every byte below
// 0x20 in a string, and the request is refused with the byte named, like any other.
TEST(NativeRequest, UnescapedControlBytesInAStringAreRefused) {
  for (char c = 0x01; c < 0x20; ++c) {
    const std::string draft = std::string(40, 'a') + c + std::string(40, 'b');
    const RequestError e = fail(R"({"draft": ")" + draft + R"("})");
    EXPECT_TRUE(contains(e.message, "invalid JSON at byte 51")) << int(c) << ": " << e.message;
  }
  const RequestError e =
      fail("{\"seq\":1,\"draft\":\"Calm down, I unately there is \x1fothing we can do.\"}");
  EXPECT_TRUE(contains(e.message, "invalid JSON")) << e.message;
  EXPECT_EQ(ok(R"({"draft": "escaped \u001f and \u001a are fine"})").draft,
            "escaped \x1f and \x1a are fine");
}

TEST(NativeRequest, NotAnObjectOrNoDraft) {
  for (const char* json : {"[]", "\"draft\"", "42", "null", "true"})
    EXPECT_TRUE(contains(fail(json).message, "object")) << json;
  const RequestError e = fail(R"({"history": []})");
  EXPECT_TRUE(contains(e.message, "draft")) << e.message;
}

TEST(NativeRequest, WrongTypesNameTheField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"draft": 5})", "draft"},
      {R"({"draft": null})", "draft"},
      {R"({"draft": "x", "history": {}})", "history"},
      {R"({"draft": "x", "history": ["hi"]})", "history[0]"},
      {R"({"draft": "x", "history": [{"role": "customer", "text": 3}]})", "history[0].text"},
      {R"({"draft": "x", "history": [{"role": 1, "text": "a"}]})", "history[0].role"},
      {R"({"draft": "x", "history": [{"role": "boss", "text": "a"}]})", "history[0].role"},
      {R"({"draft": "x", "history": [{"role": "agent"}]})", "history[0]"},
      {R"({"draft": "x", "history": [{"text": "a", "mood": "sad"}]})", "history[0].mood"},
      {R"({"draft": "x", "history": [{"text": "a"}, {"text": "b"}, {"text": "c"},
          {"text": "d", "at": 1795341600}]})",
       "history[3].at"},
      {R"({"draft": "x", "history": [{"text": "a"}, {"text": "b"}, {"text": "c"},
          {"text": "d", "at": "last tuesday"}]})",
       "history[3].at"},
      {R"({"draft": "x", "locale": 1})", "locale"},
      {R"({"draft": "x", "team": []})", "team"},
      {R"({"draft": "x", "channel": {}})", "channel"},
      {R"({"draft": "x", "customer_name": false})", "customer_name"},
      {R"({"draft": "x", "now": 1795341600})", "now"},
      {R"({"draft": "x", "now": "2026-02-30T10:00:00Z"})", "now"},
      {R"({"draft": "x", "disabled_rules": "a"})", "disabled_rules"},
      {R"({"draft": "x", "disabled_rules": ["a", 2]})", "disabled_rules[1]"},
      {R"({"draft": "x", "disabled_categories": [null]})", "disabled_categories[0]"},
      {R"({"draft": "x", "enabled_only": {}})", "enabled_only"},
      {R"({"draft": "x", "skip": {}})", "skip"},
      {R"({"draft": "x", "skip": [{"offset": 1}]})", "skip[0]"},
      {R"({"draft": "x", "skip": [{"offset": 0, "length": 1}, {"offset": -1, "length": 1}]})",
       "skip[1]"},
      {R"({"draft": "x", "skip": [{"offset": 0.5, "length": 1}]})", "skip[0]"},
  };
  for (const auto& [json, field] : cases) {
    const RequestError e = fail(json);
    EXPECT_EQ(e.kind, RequestError::Kind::malformed) << json;
    EXPECT_EQ(e.message.rfind(std::string(field) + ":", 0), 0u) << json << " -> " << e.message;
  }
}

TEST(NativeRequest, UnknownFieldsAndExtraFields) {
  const RequestError e = fail(R"({"draft": "x", "seq": 4})");
  EXPECT_TRUE(contains(e.message, "'seq'")) << e.message;
  EXPECT_TRUE(contains(e.message, "unknown")) << e.message;
  const std::string_view extra[] = {"seq", "id"};
  const SuggestRequest r = ok(R"({"seq": 4, "draft": "x", "id": {"deep": [1]}})", {}, extra);
  EXPECT_EQ(r.draft, "x");
  EXPECT_TRUE(contains(fail(R"({"draft": "x", "Draft": "y"})").message, "'Draft'"));
}

TEST(NativeRequest, ConversationNamesAStoredConversation) {
  SuggestRequest r = ok(R"({"draft": "x", "conversation": {"integration": "acme", "id": "T-9"}})");
  ASSERT_TRUE(r.conversation);
  EXPECT_EQ(r.conversation->integration, "acme");
  EXPECT_EQ(r.conversation->id, "T-9");
  r = ok(R"({"draft": "x", "conversation": {"id": 4217, "integration": "cw"}})");
  ASSERT_TRUE(r.conversation);
  EXPECT_EQ(r.conversation->id, "4217");  // vendors' numeric ids become strings
  EXPECT_FALSE(ok(R"({"draft": "x", "conversation": null})").conversation);
  EXPECT_FALSE(ok(R"({"draft": "x"})").conversation);
}

TEST(NativeRequest, MalformedConversationNamesTheField) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"({"draft": "x", "conversation": "acme/1"})", "conversation: expected an object"},
      {R"({"draft": "x", "conversation": {"id": "1"}})", "conversation: missing 'integration'"},
      {R"({"draft": "x", "conversation": {"integration": "a"}})", "conversation: missing 'id'"},
      {R"({"draft": "x", "conversation": {"integration": "a", "id": ""}})",
       "conversation.id: must not be empty"},
      {R"({"draft": "x", "conversation": {"integration": 7.5, "id": "1"}})",
       "conversation.integration: expected a string or a non-negative integer"},
      {R"({"draft": "x", "conversation": {"integration": "a", "id": -3}})",
       "conversation.id: expected a string or a non-negative integer"},
      {R"({"draft": "x", "conversation": {"integration": "a", "id": "1", "vendor": "x"}})",
       "conversation.vendor: unknown field"},
      {R"({"draft": "x", "conversation": {"integration": "a", "id": "\udc00"}})",
       "conversation.id: invalid UTF-8"},
  };
  for (const auto& [json, message] : cases)
    EXPECT_TRUE(contains(fail(json).message, message)) << json << " -> " << fail(json).message;
  const std::string huge = R"({"draft": "x", "conversation": {"integration": "a", "id": ")" +
                           std::string(300, '7') + "\"}}";
  EXPECT_TRUE(contains(fail(huge).message, "conversation.id: longer than 256 bytes"));
}

TEST(NativeRequest, InvalidUtf8IsRefused) {
  for (const std::string& json :
       {std::string("{\"draft\": \"caf\xC3\"}"), std::string("{\"draft\": \"\xFF ok\"}"),
        std::string("{\"draft\": \"\xED\xA0\x80\"}"),  // an encoded surrogate
        std::string("{\"draft\": \"x\", \"team\": \"\xC0\xAF\"}"),
        std::string("{\"draft\": \"x\", \"history\": [{\"text\": \"\xE2\x82\"}]}"),
        std::string(R"({"draft": "a\ud800 b"})"),  // unpaired surrogate escapes
        std::string(R"({"draft": "a\udc00 b"})")}) {
    const RequestError e = fail(json);
    EXPECT_EQ(e.kind, RequestError::Kind::malformed) << json;
  }
  // Escaped pairs and non-ASCII text are fine.
  EXPECT_EQ(ok(R"({"draft": "\ud83d\ude00 caf\u00e9"})").draft, "\xF0\x9F\x98\x80 caf\xC3\xA9");
}

TEST(NativeRequest, DraftSizeLimit) {
  const std::string big(10u << 20, 'a');
  const std::string json = R"({"draft": ")" + big + R"("})";
  EXPECT_EQ(ok(json).draft.size(), big.size());
  RequestLimits limits;
  limits.max_draft_chars = 1000;
  RequestError e = fail(json, limits);
  EXPECT_EQ(e.kind, RequestError::Kind::too_large);
  EXPECT_TRUE(contains(e.message, "draft")) << e.message;
  EXPECT_TRUE(contains(e.message, "1000")) << e.message;
  // The limit counts UTF-16 units: 500 emoji are 1000 units and fit; one more does not.
  std::string emoji;
  for (int i = 0; i < 500; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_EQ(ok(R"({"draft": ")" + emoji + R"("})", limits).draft, emoji);
  e = fail(R"({"draft": ")" + emoji + R"(!"})", limits);
  EXPECT_EQ(e.kind, RequestError::Kind::too_large);
  EXPECT_TRUE(contains(e.message, "draft: 1001 characters")) << e.message;
  // Two- and three-byte characters are one unit each, after ASCII or not.
  std::string mixed = "ab";
  for (int i = 0; i < 499; ++i) mixed += i % 2 ? "\xC3\xA9" : "\xE2\x82\xAC";
  EXPECT_EQ(ok(R"({"draft": ")" + mixed + R"("})", limits).draft, mixed);  // 501 units
  e = fail(R"({"draft": ")" + mixed + mixed + R"("})", limits);
  EXPECT_TRUE(contains(e.message, "draft: 1002 characters")) << e.message;
}

TEST(NativeRequest, LongHistoryKeepsTheNewest) {
  std::string json = R"({"draft": "x", "history": [)";
  for (int i = 0; i < 10000; ++i)
    json += (i ? "," : "") + std::string(R"({"role": "customer", "text": "m)") + std::to_string(i) +
            R"("})";
  json += "]}";
  SuggestRequest r = ok(json);
  ASSERT_EQ(r.history.size(), 50u);
  EXPECT_EQ(r.dropped_history, 9950u);
  EXPECT_EQ(r.history.front().text, "m9950");
  EXPECT_EQ(r.history.back().text, "m9999");
  RequestLimits limits;
  limits.max_history = 3;
  r = ok(json, limits);
  ASSERT_EQ(r.history.size(), 3u);
  EXPECT_EQ(r.history[0].text, "m9997");
  EXPECT_EQ(r.dropped_history, 9997u);
  // Errors in kept messages still name their index in the request.
  const RequestError e = fail(R"({"draft": "x", "history": [{"text": "a"}, {"text": "b"},
      {"text": "c"}, {"text": 4}]})",
                              limits);
  EXPECT_EQ(e.message.rfind("history[3].text:", 0), 0u) << e.message;
}

TEST(NativeRequest, LongMessagesAreCutOnACharacterBoundary) {
  RequestLimits limits;
  limits.max_message_bytes = 4;
  const SuggestRequest r = ok(R"({"draft": "x", "history": [{"text": "ab\u00e9\u00e9"}]})",
                              limits);  // a b é é = 6 bytes
  ASSERT_EQ(r.history.size(), 1u);
  EXPECT_EQ(r.history[0].text, "ab\xC3\xA9");
  limits.max_message_bytes = 3;
  EXPECT_EQ(
      ok(R"({"draft": "x", "history": [{"text": "ab\u00e9\u00e9"}]})", limits).history[0].text,
      "ab");
}

TEST(NativeRequest, DeepNestingDoesNotCrash) {
  const std::string deep(100000, '[');
  EXPECT_TRUE(contains(fail(deep).message, "invalid JSON"));
  EXPECT_TRUE(contains(fail(deep + std::string(100000, ']')).message, "object"));
  const std::string_view extra[] = {"x"};
  const std::string nested = R"({"draft": "d", "x": )" + deep + std::string(100000, ']') + "}";
  EXPECT_EQ(ok(nested, {}, extra).draft, "d");
  EXPECT_TRUE(contains(fail(R"({"draft": "d", "history": )" + deep).message, "invalid JSON"));
}

TEST(NativeRequest, SkipSpansAreUtf16Units) {
  // 😀 is 4 bytes / 2 units, é 2 bytes / 1 unit.
  const SuggestRequest r = ok(R"({"draft": "\ud83d\ude00 caf\u00e9 ok",
      "skip": [{"offset": 0, "length": 2}, {"offset": 3, "length": 4}, {"offset": 8,
      "length": 100}, {"offset": 500, "length": 1}]})");
  ASSERT_EQ(r.draft, "\xF0\x9F\x98\x80 caf\xC3\xA9 ok");
  ASSERT_EQ(r.skip.size(), 4u);
  EXPECT_EQ(r.skip[0], (Span{0, 4}));
  EXPECT_EQ(r.skip[1], (Span{5, 10}));   // "café"
  EXPECT_EQ(r.skip[2], (Span{11, 13}));  // clamped to the end
  EXPECT_TRUE(r.skip[3].empty());        // past the end: nothing
  // A length that would overflow 32 bits still reaches the end.
  const SuggestRequest big = ok(R"({"draft": "abcdef", "skip": [{"offset": 2,
      "length": 4294967295}]})");
  ASSERT_EQ(big.skip.size(), 1u);
  EXPECT_EQ(big.skip[0], (Span{2, 6}));
}

rapidjson::Document parse_json(const std::string& json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  EXPECT_FALSE(doc.HasParseError()) << json;
  EXPECT_TRUE(doc.IsObject());
  return doc;
}

TEST(NativeResponse, ReportToJsonRoundTrip) {
  const SuggestRequest req = ok(R"({"draft": "\ud83d\ude00 Per our policy, refunds take 5 days.",
      "history": [{"role": "customer", "text": "I was charged TWICE!! Refund me now.",
                   "at": "2026-11-22T10:00:00Z"}],
      "customer_name": "Dana", "channel": "chat", "now": "2026-11-22T10:40:00Z"})");
  const Report report = Engine(RuleSet::builtin()).analyze(req.context(), req.draft_view());
  ASSERT_FALSE(report.suggestions.empty());
  for (bool pretty : {false, true}) {
    const std::string json = report_to_json(report, req, pretty);
    rapidjson::Document doc = parse_json(json);
    ASSERT_TRUE(doc.HasMember("suggestions") && doc["suggestions"].IsArray());
    const auto& list = doc["suggestions"];
    ASSERT_EQ(list.Size(), report.suggestions.size());
    bool saw_insert = false, saw_policy = false;
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const auto& s = list[i];
      const Suggestion& want = report.suggestions[i];
      EXPECT_EQ(std::string(s["rule"].GetString()), want.rule);
      EXPECT_EQ(std::string(s["category"].GetString()), want.category);
      EXPECT_EQ(std::string(s["severity"].GetString()), to_string(want.severity));
      EXPECT_EQ(s["offset"].GetUint64(), want.utf16.begin);
      EXPECT_EQ(s["length"].GetUint64(), want.utf16.size());
      EXPECT_EQ(s["byte_offset"].GetUint64(), want.span.begin);
      EXPECT_EQ(s["byte_length"].GetUint64(), want.span.size());
      EXPECT_TRUE(s["message"].IsString() && s["message"].GetStringLength() > 0);
      EXPECT_TRUE(s["why"].IsString() && s["why"].GetStringLength() > 0);
      ASSERT_TRUE(s["replacements"].IsArray());
      EXPECT_EQ(s["replacements"].Size(), want.replacements.size());
      ASSERT_TRUE(s.HasMember("insert"));
      if (want.insert) {
        saw_insert = true;
        ASSERT_TRUE(s["insert"].IsObject());
        EXPECT_EQ(std::string(s["insert"]["text"].GetString()), want.insert->text);
        EXPECT_EQ(s["insert"]["byte_offset"].GetUint64(), want.insert->at);
        EXPECT_EQ(s["insert"]["offset"].GetUint64(),
                  want.insert->at == 0 ? 0u : want.insert->at - 2);
      } else {
        EXPECT_TRUE(s["insert"].IsNull());
      }
      if (want.rule == "policy.per-policy") {
        saw_policy = true;
        EXPECT_EQ(s["offset"].GetUint64(), 3u);  // the emoji is 2 units, then a space
        EXPECT_EQ(s["byte_offset"].GetUint64(), 5u);
        EXPECT_EQ(s["length"].GetUint64(), 15u);
        EXPECT_EQ(std::string(s["text"].GetString()), "Per our policy,");
      }
    }
    EXPECT_TRUE(saw_policy);
    EXPECT_TRUE(saw_insert);  // an apology is owed for the double charge
    ASSERT_TRUE(doc["scores"].IsObject());
    for (const char* k : {"empathy", "positivity", "clarity", "overall"}) {
      ASSERT_TRUE(doc["scores"][k].IsInt()) << k;
      EXPECT_GE(doc["scores"][k].GetInt(), 0);
      EXPECT_LE(doc["scores"][k].GetInt(), 100);
      ASSERT_TRUE(doc["scores"]["reasons"][k].IsArray()) << k;
      EXPECT_GT(doc["scores"]["reasons"][k].Size(), 0u) << k;
    }
    EXPECT_EQ(doc["scores"]["overall"].GetInt(), report.scores.overall.value);
    EXPECT_EQ(std::string(doc["revised"].GetString()), report.revised);
    EXPECT_NE(report.revised, req.draft);
    ASSERT_TRUE(doc["customer"].IsObject());
    EXPECT_TRUE(doc["customer"]["intents"].IsArray());
    EXPECT_DOUBLE_EQ(doc["customer"]["waited_minutes"].GetDouble(), 40.0);
    EXPECT_FALSE(doc.HasMember("dropped_history"));
  }
}

TEST(NativeResponse, InvalidBytesAreSanitizedAndDroppedHistoryReported) {
  SuggestRequest req;
  req.draft = "Per our policy \xFF\xFE, no.";
  req.history.assign(1, Message{Role::customer, "hi", std::nullopt});
  req.dropped_history = 7;
  const Report report = Engine(RuleSet::builtin()).analyze(req.context(), req.draft_view());
  const std::string json = report_to_json(report, req);
  rapidjson::Document doc = parse_json(json);
  EXPECT_EQ(doc["dropped_history"].GetUint64(), 7u);
  EXPECT_TRUE(doc["revised"].IsString());
  EXPECT_TRUE(doc["customer"]["waited_minutes"].IsNull());
}

}  // namespace
}  // namespace tactful
