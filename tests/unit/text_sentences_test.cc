// Sentence splitting.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tactful/text.h"

namespace tactful {
namespace {

std::vector<std::string> sentences(std::string_view text) {
  const TextModel m(text);
  std::vector<std::string> out;
  for (const auto& s : m.sentences) out.emplace_back(text.substr(s.bytes.begin, s.bytes.size()));
  return out;
}

using V = std::vector<std::string>;

// Every token is in exactly one sentence, sentences are in order and their token ranges agree
// with sentence_of_token.
void expect_consistent(const TextModel& m) {
  ASSERT_EQ(m.sentence_of_token.size(), m.tokens.size());
  std::size_t next = 0;
  for (std::size_t s = 0; s < m.sentences.size(); ++s) {
    const auto& sen = m.sentences[s];
    ASSERT_EQ(sen.first_token, next);
    ASSERT_LT(sen.first_token, sen.end_token);
    EXPECT_EQ(sen.bytes.begin, m.tokens[sen.first_token].bytes.begin);
    EXPECT_EQ(sen.bytes.end, m.tokens[sen.end_token - 1].bytes.end);
    for (std::size_t i = sen.first_token; i < sen.end_token; ++i) {
      ASSERT_EQ(m.sentence_of_token[i], s);
    }
    next = sen.end_token;
  }
  EXPECT_EQ(next, m.tokens.size());
}

TEST(TextSentences, SplitsAfterTerminalsFollowedBySpace) {
  EXPECT_EQ(sentences("  Hello there. How are you?  Fine!  "),
            (V{"Hello there.", "How are you?", "Fine!"}));
  EXPECT_EQ(sentences("What?! Really... Yes."), (V{"What?!", "Really...", "Yes."}));
  EXPECT_EQ(sentences("He said \"no.\" Then left."), (V{"He said \"no.\"", "Then left."}));
  EXPECT_EQ(sentences("(See below.) Ok"), (V{"(See below.)", "Ok"}));
  EXPECT_EQ(sentences("no end"), (V{"no end"}));
}

TEST(TextSentences, NoSplitWithoutFollowingSpace) {
  EXPECT_EQ(sentences("Hi.There"), (V{"Hi.There"}));
  EXPECT_EQ(sentences("It costs 5.5 dollars. Ok."), (V{"It costs 5.5 dollars.", "Ok."}));
}

TEST(TextSentences, Abbreviations) {
  EXPECT_EQ(sentences("Mr. Smith and Dr. Jones met Mrs. Lee and Ms. Kay. Next."),
            (V{"Mr. Smith and Dr. Jones met Mrs. Lee and Ms. Kay.", "Next."}));
  EXPECT_EQ(sentences("Bring ID, e.g. a passport, i.e. photo ID, etc. and go."),
            (V{"Bring ID, e.g. a passport, i.e. photo ID, etc. and go."}));
  EXPECT_EQ(sentences("Apples vs. oranges, approx. 5 St. Louis No. 5 here."),
            (V{"Apples vs. oranges, approx. 5 St. Louis No. 5 here."}));
  EXPECT_EQ(sentences("No. I can't."), (V{"No.", "I can't."}));
  EXPECT_EQ(sentences("Open 9 a.m. to 5 p.m. daily."), (V{"Open 9 a.m. to 5 p.m. daily."}));
}

TEST(TextSentences, UrlsAndEmailsDoNotSplit) {
  EXPECT_EQ(sentences("Go to https://x.com/a.b. Then mail a.b@c.com. Done"),
            (V{"Go to https://x.com/a.b.", "Then mail a.b@c.com.", "Done"}));
}

TEST(TextSentences, LineBreaksEndSentences) {
  EXPECT_EQ(sentences("Hi Dana\nThanks for waiting\r\n\r\n  Best,\nSam"),
            (V{"Hi Dana", "Thanks for waiting", "Best,", "Sam"}));
  EXPECT_EQ(sentences("one\xE2\x80\xA8two"), (V{"one", "two"}));  // U+2028
}

TEST(TextSentences, OtherScriptsTerminals) {
  EXPECT_EQ(sentences("\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82 \xE5\x86\x8D\xE8\xA7\x81"),
            (V{"\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x82", "\xE5\x86\x8D\xE8\xA7\x81"}));
}

TEST(TextSentences, EveryTokenInExactlyOneSentence) {
  for (std::string_view text :
       {"", "   ", "a", "Hi. ", "Dr. No. 5? Yes!!\n\n...", "x\n\n\ny. z", "\"Ok.\" (Sure.) [Yes.]",
        "a . b . c", ". . .", "e.g. i.e. U.S. A. B."}) {
    SCOPED_TRACE(text);
    expect_consistent(TextModel(text));
  }
  const std::string with_nul("a.\0 b. c", 8);
  expect_consistent(TextModel(with_nul));
}

TEST(TextSentences, SentenceOfToken) {
  const TextModel m("One two. Three!");
  ASSERT_EQ(m.tokens.size(), 5u);
  EXPECT_EQ(m.sentence_of_token, (std::vector<std::uint32_t>{0, 0, 0, 1, 1}));
  ASSERT_EQ(m.sentences.size(), 2u);
  EXPECT_EQ(m.sentences[1].first_token, 3u);
  EXPECT_EQ(m.sentences[1].end_token, 5u);
  EXPECT_EQ(m.sentences[1].bytes, (Span{9, 15}));
}

}  // namespace
}  // namespace tactful
