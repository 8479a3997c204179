// The one walk over a customer message's tokens (read_message_words, customer/message_words.cc)
// against the readers it replaced, kept here as they were: measure_shouting, EnglishCounts::add
// over a model, and sentiment_text's search for a token VADER must not read. The same counts,
// shares and flags on generated texts (capitals, short words, runs of marks, URLs, emails,
// placeholders, ids, "PO", accented and non-Latin words) and on every draft and message of the
// dev files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "customer/signals_internal.h"
#include "dev_texts.h"
#include "tactful/text.h"
#include "xorshift.h"

namespace tactful::customer {
namespace {

using tactful::testing::XorShift;

Shouting old_measure_shouting(const TextModel& model) {
  Shouting s;
  int words = 0, run = 0;
  std::size_t prev_end = SIZE_MAX;
  for (const Token& t : model.tokens) {
    if (t.kind == TokenKind::word && t.bytes.size() >= 3) {
      const auto letter = [&](std::size_t i) {
        return static_cast<unsigned>((static_cast<unsigned char>(model.text[i]) | 0x20) - 'a') <
               26u;
      };
      const std::size_t b = t.bytes.begin;
      std::size_t letters = letter(b) && letter(b + 1) && letter(b + 2) ? 3 : 0;
      for (std::size_t i = b; i < t.bytes.end && letters < 3; ++i) letters += letter(i);
      if (letters >= 3) {
        ++words;
        if (t.upper) ++s.caps_words;
      }
    }
    const bool mark =
        t.kind == TokenKind::punct && t.norm.size() == 1 && (t.norm[0] == '!' || t.norm[0] == '?');
    if (mark) {
      run = (prev_end == t.bytes.begin && run > 0) ? run + 1 : 1;
      s.longest_mark_run = std::max(s.longest_mark_run, run);
      s.exclamations += t.norm[0] == '!';
    } else {
      run = 0;
    }
    prev_end = t.bytes.end;
  }
  s.caps_share = words ? static_cast<double>(s.caps_words) / words : 0;
  return s;
}

EnglishCounts old_english_counts(const TextModel& model) {
  static const std::set<std::string_view> kWords(function_words().begin(), function_words().end());
  EnglishCounts e;
  const std::string_view text = model.text;
  const bool ascii = std::all_of(text.begin(), text.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  for (const Token& t : model.tokens) {
    if (t.kind != TokenKind::word) continue;
    ++e.words;
    e.english += kWords.count(t.norm) > 0;
    if (ascii) continue;
    if (static_cast<unsigned char>(text[t.bytes.begin]) >= 0x80 &&
        decode_utf8(text, t.bytes.begin).cp >= 0x370)
      ++e.non_latin;
    for (std::size_t i = t.bytes.begin; i < t.bytes.end; ++i)
      if (static_cast<unsigned char>(text[i]) >= 0xC3 &&
          static_cast<unsigned char>(text[i]) < 0xC6) {
        ++e.accented;
        break;
      }
  }
  return e;
}

bool old_hides_from_sentiment(const TextModel& model) {
  return std::any_of(model.tokens.begin(), model.tokens.end(), [](const Token& t) {
    return t.kind == TokenKind::url || t.kind == TokenKind::email ||
           t.kind == TokenKind::placeholder || t.kind == TokenKind::identifier ||
           (t.kind == TokenKind::word && t.norm == "po" && t.upper);
  });
}

// Whether the walk read `text` as the old readers did; counts the texts with marks and with a
// token to hide, so the generator is seen to reach them.
void expect_same(std::string_view text, int& with_marks, int& hiding) {
  const TextModel model(text);
  const MessageWords w = read_message_words(model);
  const Shouting s = old_measure_shouting(model);
  EXPECT_EQ(w.shout.caps_share, s.caps_share) << text;
  EXPECT_EQ(w.shout.caps_words, s.caps_words) << text;
  EXPECT_EQ(w.shout.longest_mark_run, s.longest_mark_run) << text;
  EXPECT_EQ(w.shout.exclamations, s.exclamations) << text;
  const EnglishCounts e = old_english_counts(model);
  EXPECT_EQ(w.english.words, e.words) << text;
  EXPECT_EQ(w.english.english, e.english) << text;
  EXPECT_EQ(w.english.non_latin, e.non_latin) << text;
  EXPECT_EQ(w.english.accented, e.accented) << text;
  EXPECT_EQ(w.hides_from_sentiment, old_hides_from_sentiment(model)) << text;
  with_marks += s.longest_mark_run > 1;
  hiding += w.hides_from_sentiment;
}

TEST(MessageWords, SameAsTheSeparateReadersOnGeneratedTexts) {
  static const std::vector<std::string> kPieces = {"the",
                                                   "THE",
                                                   "and",
                                                   "you",
                                                   "YOUR",
                                                   "I",
                                                   "i'm",
                                                   "can't",
                                                   "DON'T",
                                                   "ok",
                                                   "OK",
                                                   "It",
                                                   "refund",
                                                   "REFUND",
                                                   "NOW",
                                                   "plumber",
                                                   "varnish",
                                                   "Po",
                                                   "PO",
                                                   "po",
                                                   "x1",
                                                   "A1B",
                                                   "ab",
                                                   "AB",
                                                   "3rd",
                                                   "caf\xc3\xa9",
                                                   "CAF\xc3\x89",
                                                   "\xce\xba\xce\xb1\xce\xbb\xce\xb7",
                                                   "\xe6\x97\xa5\xe6\x9c\xac",
                                                   "na\xc3\xafve",
                                                   "!",
                                                   "?",
                                                   "!!",
                                                   "?!",
                                                   "!!!",
                                                   "...",
                                                   ".",
                                                   ",",
                                                   " ",
                                                   " ",
                                                   " ",
                                                   "\n",
                                                   "https://example.com/x",
                                                   "www.shop.example",
                                                   "ann@mail.example",
                                                   "{order_id}",
                                                   "#44120",
                                                   "INV-2231",
                                                   "\xf0\x9f\x98\xa1",
                                                   "'",
                                                   "-",
                                                   "7",
                                                   "\xe2\x80\x99"};
  XorShift rng{0x3e55a9e5ULL};
  int with_marks = 0, hiding = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const std::size_t pieces = rng(25);
    for (std::size_t i = 0; i < pieces; ++i) {
      text += kPieces[rng(kPieces.size())];
      if (rng(3) != 0) text += ' ';
    }
    expect_same(text, with_marks, hiding);
    if (HasFailure()) return;
  }
  EXPECT_GT(with_marks, 1000);
  EXPECT_GT(hiding, 1000);
}

TEST(MessageWords, SameAsTheSeparateReadersOnTheDevFiles) {
  int with_marks = 0, hiding = 0;
  const int texts = testing::for_each_dev_text(
      [&](std::string_view text) { expect_same(text, with_marks, hiding); });
  EXPECT_GT(texts, 1000);
}

}  // namespace
}  // namespace tactful::customer
