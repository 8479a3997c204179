// Hints land on the right characters: byte spans cover exactly the hinted words and the UTF-16
// offsets (what browsers index by) match an independent encoding, whatever precedes the words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tactful/engine.h"
#include "tactful/rule_set.h"

namespace tactful {
namespace {

// UTF-8 -> UTF-16 for valid input, written independently of the engine's index.
std::u16string utf16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len; ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

Report analyze(const std::string& draft, std::string_view name = "") {
  Context ctx;
  ctx.customer_name = name;
  return Engine(RuleSet::builtin()).analyze(ctx, Draft{draft, {}});
}

// The hint of `rule` must cover exactly `words` (its first occurrence at or after `from`), with
// UTF-16 offsets equal to the encoded lengths of the text before and through it.
void expect_hint(const std::string& draft, std::string_view rule, std::string_view words,
                 std::size_t from = 0) {
  SCOPED_TRACE(draft);
  const Report r = analyze(draft, "Dana");
  const Suggestion* hit = nullptr;
  for (const auto& s : r.suggestions)
    if (s.rule == rule) hit = &s;
  ASSERT_NE(hit, nullptr) << "no " << rule;
  const std::size_t at = draft.find(words, from);
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(hit->span, (Span{at, at + words.size()}));
  EXPECT_EQ(draft.substr(hit->span.begin, hit->span.size()), words);
  const std::size_t u16_begin = utf16(draft.substr(0, at)).size();
  const std::size_t u16_len = utf16(words).size();
  EXPECT_EQ(hit->utf16, (Span{u16_begin, u16_begin + u16_len}));
  // What a browser would underline: the same words, from the UTF-16 string.
  const std::u16string whole = utf16(draft);
  ASSERT_LE(hit->utf16.end, whole.size());
  EXPECT_EQ(whole.substr(hit->utf16.begin, hit->utf16.size()), utf16(words));
}

// Emoji and other text placed before the hinted words.
const std::vector<std::string> kPrefixes = {
    "",
    "\xF0\x9F\x98\x80 ",                  // 😀 (2 units)
    "\xF0\x9F\x91\x8B\xF0\x9F\x8F\xBD ",  // 👋🏽 skin tone
    "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\xE2\x80\x8D"
    "\xF0\x9F\x91\xA6 ",  // 👨‍👩‍👧‍👦 ZWJ family
    "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 \xF0\x9F\x87\xAF\xF0\x9F\x87\xB5 ",  // 🇫🇷 🇯🇵 flags
    "\xE2\x9D\xA4\xEF\xB8\x8F ",                                           // ❤️ with VS16
    "1\xEF\xB8\x8F\xE2\x83\xA3 ",                                          // 1️⃣ keycap
    "Cafe\xCC\x81 ",                                                       // e + U+0301
    "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82 ",  // 日本語です。
    "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82! ",                         // Привет!
    "\xF0\x9D\x90\x80\xF0\x9D\x90\x81 ",                                          // math bold AB
};

TEST(Offsets, PhraseHintAfterAnyPrefix) {
  for (const auto& prefix : kPrefixes) {
    expect_hint(prefix + "Per our policy, refunds take 5 days.", "policy.per-policy",
                "Per our policy,");
    expect_hint(prefix + "Well, I can't refund it.", "negative.cant", "I can't");
  }
}

TEST(Offsets, CurlyApostrophes) {
  for (const auto& prefix : kPrefixes) {
    expect_hint(prefix + "Sorry, I can\xE2\x80\x99t refund it.", "negative.cant",
                "I can\xE2\x80\x99t");
    expect_hint(prefix + "We\xE2\x80\x99re unable to change it.", "negative.cant",
                "We\xE2\x80\x99re unable to");
  }
  // The curly "can’t wait" is the same exception as "can't wait".
  const Report r = analyze("I can\xE2\x80\x99t wait to help!");
  for (const auto& s : r.suggestions) EXPECT_NE(s.category, "negative-language");
}

TEST(Offsets, EmojiInsideTheSentence) {
  expect_hint("Hi \xF0\x9F\x91\x8B there \xF0\x9F\x98\x80, just restart \xF0\x9F\x94\x84 it.",
              "dismissive.minimizing-just", "just restart");
  expect_hint("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80 Please READ THE EMAIL now.",
              "tone.shouting", "READ THE EMAIL");
  expect_hint("\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7 Your parcel has shipped!!!", "tone.exclamations",
              "!!!");
  expect_hint(
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 Hi there! "
      "Your order is on its way.",
      "personalization.generic-greeting", "Hi there");
}

TEST(Offsets, CombiningMarksAndCjkAroundTheWords) {
  // A word with a combining mark right before the phrase, CJK right after it.
  expect_hint("Re\xCC\x81sume\xCC\x81: per our policy, \xE8\xBF\x94\xE9\x87\x91.",
              "policy.per-policy", "per our policy,");
  expect_hint("\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x81Unfortunately, the item is gone.",
              "negative.unfortunately", "Unfortunately,");
  // Second occurrence: offsets of a later hint are right too.
  const std::string d = "\xF0\x9F\x98\x80 Just restart it. \xF0\x9F\x98\x80 Then just reboot it.";
  const Report r = analyze(d);
  std::vector<const Suggestion*> just;
  for (const auto& s : r.suggestions)
    if (s.rule == "dismissive.minimizing-just") just.push_back(&s);
  ASSERT_EQ(just.size(), 2u);
  const std::size_t second = d.find("just reboot");
  EXPECT_EQ(just[1]->span, (Span{second, second + 11}));
  EXPECT_EQ(just[1]->utf16.begin, utf16(d.substr(0, second)).size());
  EXPECT_EQ(just[1]->utf16.size(), 11u);
}

TEST(Offsets, InsertionsAndRevisedKeepMultibyteText) {
  const std::string d =
      "\xF0\x9F\x98\x80 Caf\xC3\xA9 is closed. Just restart the app \xE6\x97\xA5.";
  const Report r = analyze(d);
  EXPECT_EQ(r.revised, "\xF0\x9F\x98\x80 Caf\xC3\xA9 is closed. Restart the app \xE6\x97\xA5.");
}

TEST(Offsets, LongDraftManyCheckpoints) {
  // Offsets beyond the index's internal checkpoints (every 64 bytes) with emoji throughout.
  std::string d;
  for (int i = 0; i < 300; ++i) d += "\xF0\x9F\x98\x80 ok \xE6\x97\xA5 fine. ";
  d += "Unfortunately, the item is gone.";
  expect_hint(d, "negative.unfortunately", "Unfortunately,");
}

}  // namespace
}  // namespace tactful
