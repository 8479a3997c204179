// Tokenizer: token kinds, offsets, norms and case flags.
#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "tactful/text.h"

namespace tactful {
namespace {

const char* kind_name(TokenKind k) {
  switch (k) {
    case TokenKind::word:
      return "word";
    case TokenKind::number:
      return "number";
    case TokenKind::identifier:
      return "identifier";
    case TokenKind::url:
      return "url";
    case TokenKind::email:
      return "email";
    case TokenKind::placeholder:
      return "placeholder";
    case TokenKind::emoji:
      return "emoji";
    case TokenKind::punct:
      return "punct";
  }
  return "?";
}

// "kind:text" for each token, so expectations read like the input.
std::vector<std::string> describe(std::string_view text) {
  const TextModel m(text);
  std::vector<std::string> out;
  for (const Token& t : m.tokens) {
    out.push_back(std::string(kind_name(t.kind)) + ":" +
                  std::string(text.substr(t.bytes.begin, t.bytes.size())));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(TextTokenizer, EmptyAndWhitespaceMakeNoTokens) {
  EXPECT_TRUE(TextModel("").tokens.empty());
  EXPECT_TRUE(TextModel(" \t\r\n\xC2\xA0\xE3\x80\x80\xE2\x80\x8B").tokens.empty());
  EXPECT_TRUE(TextModel("").sentences.empty());
}

TEST(TextTokenizer, WordsAndPunctuation) {
  EXPECT_EQ(describe("Hello, world!"), (V{"word:Hello", "punct:,", "word:world", "punct:!"}));
  EXPECT_EQ(describe("Wait..."), (V{"word:Wait", "punct:.", "punct:.", "punct:."}));
  EXPECT_EQ(describe("!!!"), (V{"punct:!", "punct:!", "punct:!"}));
}

TEST(TextTokenizer, ContractionsWithBothApostrophes) {
  EXPECT_EQ(describe("I can't, don\xE2\x80\x99t won\xCA\xBCt"),
            (V{"word:I", "word:can't", "punct:,", "word:don\xE2\x80\x99t", "word:won\xCA\xBCt"}));
  const TextModel m("Don\xE2\x80\x99T");
  ASSERT_EQ(m.tokens.size(), 1u);
  EXPECT_EQ(m.tokens[0].norm, "don't");
  EXPECT_EQ(describe("the customer's order"), (V{"word:the", "word:customer's", "word:order"}));
}

TEST(TextTokenizer, ApostrophesAtWordEdgesAreNotPartOfIt) {
  EXPECT_EQ(describe("customers' orders"), (V{"word:customers", "punct:'", "word:orders"}));
  EXPECT_EQ(describe("\xE2\x80\x98quoted\xE2\x80\x99"),
            (V{"punct:\xE2\x80\x98", "word:quoted", "punct:\xE2\x80\x99"}));
  EXPECT_EQ(describe("'tis"), (V{"punct:'", "word:tis"}));
}

TEST(TextTokenizer, HyphenatedWords) {
  EXPECT_EQ(describe("a follow-up e-mail"), (V{"word:a", "word:follow-up", "word:e-mail"}));
  EXPECT_EQ(describe("well--known"), (V{"word:well", "punct:-", "punct:-", "word:known"}));
  EXPECT_EQ(describe("pre-"), (V{"word:pre", "punct:-"}));
}

TEST(TextTokenizer, Numbers) {
  EXPECT_EQ(describe("$5,000.50 at 10:30"),
            (V{"punct:$", "number:5,000.50", "word:at", "number:10:30"}));
  EXPECT_EQ(describe("5-10 days"), (V{"number:5", "punct:-", "number:10", "word:days"}));
  EXPECT_EQ(describe("1.5."), (V{"number:1.5", "punct:."}));
  EXPECT_EQ(describe("5,"), (V{"number:5", "punct:,"}));
}

// A run of ASCII letters and digits followed by a connector ( ' - _ . , : ) is decided without
// a decode when the byte after the connector is ASCII or absent; these cover each connector
// before a letter, a digit, punctuation, the end and a non-ASCII letter, after letters and
// after digits.
TEST(TextTokenizer, ConnectorsAfterAsciiRuns) {
  EXPECT_EQ(describe("it's 3's x' 9'a a'\xC3\xA9 a'"),
            (V{"word:it's", "number:3", "punct:'", "word:s", "word:x", "punct:'", "number:9",
               "punct:'", "word:a", "word:a'\xC3\xA9", "word:a", "punct:'"}));
  EXPECT_EQ(
      describe("a-b a-1 a-. 1-a 1-2 a-\xC3\xA9 a-"),
      (V{"word:a-b", "identifier:a-1", "word:a", "punct:-", "punct:.", "number:1", "punct:-",
         "word:a", "number:1", "punct:-", "number:2", "word:a-\xC3\xA9", "word:a", "punct:-"}));
  EXPECT_EQ(describe("a_b 1_2 a_. a_\xC3\xA9 a_"),
            (V{"identifier:a_b", "identifier:1_2", "word:a", "punct:_", "punct:.",
               "identifier:a_\xC3\xA9", "word:a", "punct:_"}));
  EXPECT_EQ(describe("1.2 1,2 1:2 a.b a,1 1.a 1.\xD9\xA3 1."),
            (V{"number:1.2", "number:1,2", "number:1:2", "word:a", "punct:.", "word:b", "word:a",
               "punct:,", "number:1", "number:1", "punct:.", "word:a", "number:1.\xD9\xA3",
               "number:1", "punct:."}));
}

// A run of ASCII letters and digits that ends at a space, other punctuation, a period or comma
// that cannot join it, or the end of the text is emitted without the general scan: its kind, case
// flags, norm and hash are the same as when the run stops at a connector and takes the general
// path.
TEST(TextTokenizer, AsciiRunsAtPlainStopsAndConnectors) {
  for (const char* stop : {" ", "!", ")", "\"", ";", "?", "", ",", ".", ". ", ".\n", ".\t", ", ",
                           ",a", ",1", ",!", ".a", ".1"}) {
    for (std::string_view run : {"3Pm", "3pm", "24H", "A1", "Ab", "AB", "ab", "9", "X", "42x"}) {
      SCOPED_TRACE(std::string(run) + "|" + stop);
      const bool joins =
          run == "9" && (stop == std::string_view(",1") || stop == std::string_view(".1"));
      if (joins) {  // 9,1 and 9.1 are one number
        EXPECT_EQ(TextModel(std::string(run) + stop).tokens.at(0).bytes.end, 3u);
        continue;
      }
      const std::string text = std::string(run) + stop;
      const TextModel m(text);
      ASSERT_GE(m.tokens.size(), 1u);
      const Token& t = m.tokens[0];
      EXPECT_EQ(t.bytes.end, run.size());
      std::string lower(run);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      EXPECT_EQ(t.norm, lower);
      EXPECT_EQ(t.hash, hash_norm(lower));
      const bool digits = run.find_first_of("0123456789") != std::string_view::npos;
      const auto first_letter = run.find_first_not_of("0123456789");
      const bool letters = first_letter != std::string_view::npos;
      EXPECT_EQ(t.kind,
                digits ? (letters ? TokenKind::identifier : TokenKind::number) : TokenKind::word);
      EXPECT_EQ(t.capital, letters && std::isupper(static_cast<unsigned char>(run[first_letter])));
      std::size_t n_letters = 0, n_upper = 0;
      for (char c : run) {
        n_letters += std::isalpha(static_cast<unsigned char>(c)) != 0;
        n_upper += std::isupper(static_cast<unsigned char>(c)) != 0;
      }
      EXPECT_EQ(t.upper, n_letters >= 2 && n_upper == n_letters);
    }
  }
}

TEST(TextTokenizer, Identifiers) {
  EXPECT_EQ(describe("A1234 x2 3rd 24h"),
            (V{"identifier:A1234", "identifier:x2", "identifier:3rd", "identifier:24h"}));
  EXPECT_EQ(
      describe("#A1234 #5521 ORD-5521 covid-19"),
      (V{"identifier:#A1234", "identifier:#5521", "identifier:ORD-5521", "identifier:covid-19"}));
  EXPECT_EQ(describe("user_id"), (V{"identifier:user_id"}));
  EXPECT_EQ(describe("# 5"), (V{"punct:#", "number:5"}));
  const TextModel m("ORD-5521");
  EXPECT_EQ(m.tokens[0].norm, "ord-5521");
  EXPECT_TRUE(m.tokens[0].upper);
}

TEST(TextTokenizer, Urls) {
  EXPECT_EQ(describe("see https://example.com/a?b=1&c=(2)."),
            (V{"word:see", "url:https://example.com/a?b=1&c=(2)", "punct:."}));
  EXPECT_EQ(describe("(www.example.com/help)"),
            (V{"punct:(", "url:www.example.com/help", "punct:)"}));
  EXPECT_EQ(describe("HTTP://X.COM/Path, ok"), (V{"url:HTTP://X.COM/Path", "punct:,", "word:ok"}));
  EXPECT_EQ(describe("link: http://a.b/c\"!"),
            (V{"word:link", "punct::", "url:http://a.b/c", "punct:\"", "punct:!"}));
  // Not URLs: nothing after the prefix.
  EXPECT_EQ(describe("http://"), (V{"word:http", "punct::", "punct:/", "punct:/"}));
  EXPECT_EQ(describe("www. x"), (V{"word:www", "punct:.", "word:x"}));
}

TEST(TextTokenizer, Emails) {
  EXPECT_EQ(describe("mail john.doe+x@mail.example.com."),
            (V{"word:mail", "email:john.doe+x@mail.example.com", "punct:."}));
  EXPECT_EQ(describe("(a@b.io)"), (V{"punct:(", "email:a@b.io", "punct:)"}));
  EXPECT_EQ(describe("@team"), (V{"punct:@", "word:team"}));
  EXPECT_EQ(describe("a@localhost"), (V{"word:a", "punct:@", "word:localhost"}));
  EXPECT_EQ(describe("a @b.com"), (V{"word:a", "punct:@", "word:b", "punct:.", "word:com"}));
  const TextModel m("Bob@Example.COM");
  ASSERT_EQ(m.tokens.size(), 1u);
  EXPECT_EQ(m.tokens[0].kind, TokenKind::email);
  EXPECT_EQ(m.tokens[0].norm, "bob@example.com");
}

TEST(TextTokenizer, Placeholders) {
  EXPECT_EQ(describe("Hi {{ contact.name }}!"),
            (V{"word:Hi", "placeholder:{{ contact.name }}", "punct:!"}));
  EXPECT_EQ(describe("{first_name},"), (V{"placeholder:{first_name}", "punct:,"}));
  EXPECT_EQ(describe("%{agent} #{ticket.id} {% name %}"),
            (V{"placeholder:%{agent}", "placeholder:#{ticket.id}", "placeholder:{% name %}"}));
  EXPECT_EQ(describe("Dear [Customer Name],"),
            (V{"word:Dear", "placeholder:[Customer Name]", "punct:,"}));
  // Unclosed or not placeholder-like.
  EXPECT_EQ(describe("{{name"), (V{"punct:{", "punct:{", "word:name"}));
  EXPECT_EQ(describe("[sic]"), (V{"punct:[", "word:sic", "punct:]"}));
  EXPECT_EQ(describe("[Click here](x)"),
            (V{"punct:[", "word:Click", "word:here", "punct:]", "punct:(", "word:x", "punct:)"}));
  EXPECT_EQ(describe("[A B C D E F]").size(), 8u);
  EXPECT_EQ(describe("{{{x}}"), (V{"punct:{", "placeholder:{{x}}"}));
  EXPECT_EQ(describe("{{a\nb}}"),
            (V{"punct:{", "punct:{", "word:a", "word:b", "punct:}", "punct:}"}));
  EXPECT_EQ(describe("{\"a\":1}").front(), "punct:{");
}

TEST(TextTokenizer, Emoji) {
  const std::string family =
      "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
  const std::string thumbs_dark = "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBF";
  const std::string flag_fr = "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";
  const std::string heart = "\xE2\x9D\xA4\xEF\xB8\x8F";
  const std::string keycap = "1\xEF\xB8\x8F\xE2\x83\xA3";
  const std::string copyright = "\xC2\xA9\xEF\xB8\x8F";
  EXPECT_EQ(describe("hi" + family + thumbs_dark + " " + flag_fr + flag_fr + heart + keycap +
                     copyright + "!"),
            (V{"word:hi", "emoji:" + family, "emoji:" + thumbs_dark, "emoji:" + flag_fr,
               "emoji:" + flag_fr, "emoji:" + heart, "emoji:" + keycap, "emoji:" + copyright,
               "punct:!"}));
  // A lone regional indicator and a dangling joiner.
  EXPECT_EQ(describe("\xF0\x9F\x87\xAB x \xF0\x9F\x98\x80\xE2\x80\x8D"),
            (V{"emoji:\xF0\x9F\x87\xAB", "word:x", "emoji:\xF0\x9F\x98\x80"}));
  EXPECT_EQ(describe("\xC2\xA9 2024"), (V{"punct:\xC2\xA9", "number:2024"}));
}

TEST(TextTokenizer, CombiningMarks) {
  const std::string cafe = "cafe\xCC\x81";  // e + U+0301
  EXPECT_EQ(describe(cafe + " CAFE\xCC\x81!"), (V{"word:" + cafe, "word:CAFE\xCC\x81", "punct:!"}));
  const TextModel m("CAFE\xCC\x81");
  EXPECT_TRUE(m.tokens[0].upper);
  EXPECT_EQ(m.tokens[0].norm, "cafe\xCC\x81");
  // A mark with no base becomes punctuation rather than vanishing.
  EXPECT_EQ(describe(" \xCC\x81"), (V{"punct:\xCC\x81"}));
  EXPECT_EQ(describe("!\xCC\x81"), (V{"punct:!\xCC\x81"}));
}

TEST(TextTokenizer, OtherScripts) {
  EXPECT_EQ(describe("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xCE\xBA\xCF\x8C\xCF\x83"
                     "\xCE\xBC\xCE\xB5"),
            (V{"word:\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82", "punct:,",
               "word:\xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5"}));
  // 日本語です。ありがとう
  const std::string ja = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99";
  const std::string thanks = "\xE3\x81\x82\xE3\x82\x8A\xE3\x81\x8C\xE3\x81\xA8\xE3\x81\x86";
  EXPECT_EQ(describe(ja + "\xE3\x80\x82" + thanks),
            (V{"word:" + ja, "punct:\xE3\x80\x82", "word:" + thanks}));
  // Hindi with vowel signs: नमस्ते stays one word.
  EXPECT_EQ(
      describe("\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87").size(),
      1u);
  // Thai: สวัสดี stays one word.
  EXPECT_EQ(
      describe("\xE0\xB8\xAA\xE0\xB8\xA7\xE0\xB8\xB1\xE0\xB8\xAA\xE0\xB8\x94\xE0\xB8\xB5").size(),
      1u);
}

TEST(TextTokenizer, CaseFlags) {
  const TextModel m("WHY is Nobody HERE I A1 \xC3\x89T\xC3\x89 \xD0\x9F\xD1\x80");
  ASSERT_EQ(m.tokens.size(), 8u);
  EXPECT_TRUE(m.tokens[0].upper);
  EXPECT_TRUE(m.tokens[0].capital);
  EXPECT_FALSE(m.tokens[1].upper);
  EXPECT_FALSE(m.tokens[1].capital);
  EXPECT_FALSE(m.tokens[2].upper);
  EXPECT_TRUE(m.tokens[2].capital);
  EXPECT_TRUE(m.tokens[3].upper);
  EXPECT_FALSE(m.tokens[4].upper);  // one letter is not shouting
  EXPECT_TRUE(m.tokens[4].capital);
  EXPECT_FALSE(m.tokens[5].upper);
  EXPECT_TRUE(m.tokens[6].upper);
  EXPECT_FALSE(m.tokens[7].upper);
  EXPECT_TRUE(m.tokens[7].capital);
}

TEST(TextTokenizer, InvalidBytesAndNulsArePunctuation) {
  const std::string s(
      "ab\xFF\xC0"
      "cd\0e\xE2\x82",
      10);
  EXPECT_EQ(describe(s), (V{"word:ab", "punct:\xFF", "punct:\xC0", "word:cd",
                            std::string("punct:\0", 7), "word:e", "punct:\xE2", "punct:\x82"}));
  const TextModel m(s);
  EXPECT_EQ(m.tokens[1].norm, "\xEF\xBF\xBD");
}

// Every token carries hash_norm(norm), whichever path made it: ASCII runs, ASCII with
// connectors, punctuation, folded non-ASCII, URLs, emails, placeholders, emoji, invalid bytes.
TEST(TextTokenizer, HashIsTheHashOfTheNorm) {
  const TextModel m(
      "Per OUR Policy, can't ORD-5521 5,000.50 https://x.io/A?b John.Doe@Example.com {{Name}} "
      "\xC3\x89T\xC3\x89 don\xE2\x80\x99t \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD \xFF #A12 x_y "
      "1\xEF\xB8\x8F\xE2\x83\xA3");
  ASSERT_GT(m.tokens.size(), 15u);
  for (const Token& t : m.tokens) EXPECT_EQ(t.hash, hash_norm(t.norm)) << t.norm;
  EXPECT_NE(hash_norm("policy"), hash_norm("polic"));
  EXPECT_EQ(TextModel("POLICY").tokens[0].hash, TextModel("policy").tokens[0].hash);
}

// Norms that differ from the text live in the model: they stay right when models move (a
// vector regrowing) and when folding makes them longer than the text (each invalid byte folds
// to the 3 bytes of U+FFFD), and norms equal to the text view it.
TEST(TextTokenizer, FoldedNormsSurviveMovesAndOutgrowTheText) {
  std::string invalid;
  for (int i = 0; i < 40; ++i) invalid += "\xFF ";
  const std::vector<std::string> texts = {
      "Hello WORLD, we REFUND \xC3\x89T\xC3\x89 Stra\xC3\x9F"
      "e don\xE2\x80\x99t ok.",
      invalid + "ABC",
      "plain lowercase words only",
  };
  std::vector<TextModel> models;
  for (int round = 0; round < 8; ++round)
    for (const std::string& text : texts) models.emplace_back(text);
  ASSERT_EQ(models.size(), 24u);
  for (const TextModel& m : models) {
    for (const Token& t : m.tokens) {
      const std::string_view source = m.text.substr(t.bytes.begin, t.bytes.size());
      EXPECT_EQ(t.norm, fold(source)) << source;
      EXPECT_EQ(t.hash, hash_norm(t.norm));
      const bool views_text = t.norm.data() == source.data();
      EXPECT_EQ(views_text, t.norm == source) << source;
    }
  }
  EXPECT_EQ(models[1].tokens.size(), 41u);
  EXPECT_EQ(models[1].tokens[39].norm, "\xEF\xBF\xBD");
  EXPECT_EQ(models[1].tokens[40].norm, "abc");
  EXPECT_EQ(models[0].tokens[0].norm, "hello");
  EXPECT_EQ(models[0].tokens[5].norm, "\xC3\xA9t\xC3\xA9");
}

TEST(TextTokenizer, WordCountCountsWordsNumbersIdentifiers) {
  EXPECT_EQ(TextModel("I'll refund $5 for #A12 today, ok? \xF0\x9F\x98\x80 x@y.com").word_count(),
            7u);
  EXPECT_EQ(TextModel("").word_count(), 0u);
}

TEST(TextTokenizer, TokensOnlyModelHasTheSameTokensAndNoSentences) {
  for (const std::string text :
       {"Hi Dana. I've passed this to BILLING!! See https://x.y/z?a=1 or {{ticket}}.",
        "Caf\xC3\xA9 ORD-5521 \xF0\x9F\x98\x80 e.g. Mr. Smith\nnew line \xFF end", ""}) {
    const TextModel full(text);
    const TextModel tokens_only(text, TextModel::TokensOnly{});
    ASSERT_EQ(tokens_only.tokens.size(), full.tokens.size()) << text;
    for (std::size_t i = 0; i < full.tokens.size(); ++i) {
      const Token& a = full.tokens[i];
      const Token& b = tokens_only.tokens[i];
      EXPECT_EQ(a.kind, b.kind);
      EXPECT_EQ(a.bytes, b.bytes);
      EXPECT_EQ(a.norm, b.norm);
      EXPECT_EQ(a.hash, b.hash);
      EXPECT_EQ(a.upper, b.upper);
      EXPECT_EQ(a.capital, b.capital);
    }
    EXPECT_TRUE(tokens_only.sentences.empty());
    EXPECT_TRUE(tokens_only.sentence_of_token.empty());
    EXPECT_EQ(full.sentences.empty(), text.empty());
  }
}

}  // namespace
}  // namespace tactful
