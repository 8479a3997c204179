// parse_suggest_request's check of the body's bytes before parsing (16 bytes at a time): invalid
// UTF-8 and unescaped control bytes are refused at the byte they are at, wherever that falls in
// a block, after ASCII or after multi-byte characters; valid text around block edges passes.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "tactful/adapters/native_json.h"

namespace tactful {
namespace {

std::string error_of(const std::string& json) {
  auto parsed = parse_suggest_request(json);
  if (auto* e = std::get_if<RequestError>(&parsed)) return e->message;
  return "accepted";
}

std::string draft_of(const std::string& json) {
  auto parsed = parse_suggest_request(json);
  if (auto* r = std::get_if<SuggestRequest>(&parsed)) return r->draft;
  return "refused: " + std::get<RequestError>(parsed).message;
}

// Drafts of every length up to 40 bytes in front of the byte under test, made of ASCII, of
// two-byte characters, or of four-byte ones, so the byte falls at each place in a block.
std::string filler(std::size_t bytes, int kind) {
  static const std::string units[] = {"a", "\xC3\xA9", "\xF0\x9F\x98\x80"};
  std::string s;
  while (s.size() + units[kind].size() <= bytes) s += units[kind];
  while (s.size() < bytes) s += 'a';
  return s;
}

TEST(NativeRequestBytes, InvalidUtf8IsNamedAtItsByteAnywhereInABlock) {
  const std::string head = R"({"draft": ")";
  for (int kind = 0; kind < 3; ++kind)
    for (std::size_t k = 0; k <= 40; ++k)
      for (const std::string bad : {"\xFF", "\xC3(", "\xED\xA0\x80", "\xF0\x9F\x98"}) {
        const std::string json = head + filler(k, kind) + bad + std::string(20, 'z') + "\"}";
        EXPECT_EQ(error_of(json), "invalid JSON at byte " + std::to_string(head.size() + k) +
                                      ": Invalid encoding in string.")
            << kind << " " << k;
      }
}

TEST(NativeRequestBytes, ControlBytesAreRefusedAnywhereInABlock) {
  const std::string head = R"({"draft": ")";
  for (int kind = 0; kind < 3; ++kind)
    for (std::size_t k = 0; k <= 40; ++k)
      for (char c : {'\x00', '\x01', '\x17', '\x18', '\x1A', '\x1F'}) {
        const std::string json = head + filler(k, kind) + c + std::string(20, 'z') + "\"}";
        EXPECT_EQ(error_of(json).rfind(
                      "invalid JSON at byte " + std::to_string(head.size() + k) + ": ", 0),
                  0u)
            << kind << " " << k << " " << int(c) << ": " << error_of(json);
      }
}

TEST(NativeRequestBytes, ValidTextAroundBlockEdgesPasses) {
  for (int kind = 0; kind < 3; ++kind)
    for (std::size_t k = 0; k <= 48; ++k) {
      const std::string text = filler(k, kind) + "\xE2\x80\x94 caf\xC3\xA9 \\u00e9\\ud83d\\ude00";
      EXPECT_EQ(draft_of(R"({"draft": ")" + text + "\"}"),
                filler(k, kind) + "\xE2\x80\x94 caf\xC3\xA9 \xC3\xA9\xF0\x9F\x98\x80");
    }
}

// A shallow body takes RapidJSON's recursive parse, a deep one its iterative parse; what the
// client is told must not depend on which. These are the errors the iterative parse gives.
TEST(NativeRequestBytes, ShallowAndDeepBodiesGetTheSameErrors) {
  EXPECT_EQ(error_of("}"), "invalid JSON at byte 0: The document is empty.");
  EXPECT_EQ(error_of(" ]"), "invalid JSON at byte 1: The document is empty.");
  EXPECT_EQ(error_of(R"({"draft": "x",})"),
            "invalid JSON at byte 14: Missing a name for object member.");
  for (std::size_t depth : {1, 10, 63, 64, 65, 100, 5000}) {
    const std::string open(depth, '['), close(depth, ']');
    EXPECT_EQ(error_of(open + close), "the request must be a JSON object") << depth;
    EXPECT_EQ(error_of(open + "}"),
              "invalid JSON at byte " + std::to_string(depth) + ": Invalid value.")
        << depth;
    EXPECT_EQ(error_of(R"({"draft": "x", "skip": [)" + open + close + "]}"),
              "skip[0]: expected {offset, length} (UTF-16 units)")
        << depth;
  }
}

}  // namespace
}  // namespace tactful
