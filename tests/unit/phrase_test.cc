// The phrase syntax (expand_phrase, inflections) and the token automaton that matches every
// expanded phrase in one pass (docs/rules.md "Phrase syntax").
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "customer/intent_lexicon.h"
#include "match/phrase_automaton.h"
#include "match/phrase_syntax.h"
#include "tactful/text.h"

namespace tactful {
namespace {

using Seqs = std::vector<std::vector<std::string>>;

Seqs expand(std::string_view phrase) {
  auto r = expand_phrase(phrase);
  EXPECT_TRUE(r.ok()) << phrase << ": " << (r.ok() ? "" : r.error().message);
  return r.ok() ? r.value() : Seqs{};
}

std::string expand_error(std::string_view phrase) {
  auto r = expand_phrase(phrase);
  EXPECT_FALSE(r.ok()) << phrase;
  return r.ok() ? std::string() : r.error().message;
}

bool has(const Seqs& seqs, const std::vector<std::string>& seq) {
  return std::find(seqs.begin(), seqs.end(), seq) != seqs.end();
}

// The customer lexicons skip a phrase that does not expand, so a typo would silently drop it.
TEST(CustomerLexicon, EveryPhraseExpands) {
  for (const auto* lexicon : {&customer::intent_lexicon(), &customer::situation_lexicon(),
                              &customer::problem_lexicon(), &customer::cue_lexicon()})
    for (const auto& entry : *lexicon)
      for (std::string_view phrase : entry.phrases)
        EXPECT_TRUE(expand_phrase(phrase).ok()) << entry.intent << ": " << phrase;
}

// A group inside a group is not phrase syntax: its brackets would be read as words, and the
// phrase would silently never match. Every customer lexicon phrase keeps its groups flat.
TEST(CustomerLexicon, NoGroupInsideAGroup) {
  for (const auto* lexicon : {&customer::intent_lexicon(), &customer::situation_lexicon(),
                              &customer::problem_lexicon(), &customer::cue_lexicon()})
    for (const auto& entry : *lexicon)
      for (std::string_view phrase : entry.phrases) {
        int depth = 0, deepest = 0;
        for (char c : phrase) {
          if (c == '(' || c == '[') deepest = std::max(deepest, ++depth);
          if (c == ')' || c == ']') --depth;
        }
        EXPECT_LE(deepest, 1) << entry.intent << ": " << phrase;
      }
}

TEST(PhraseSyntax, PlainWordsAreFoldedTokens) {
  EXPECT_EQ(expand("per our policy"), (Seqs{{"per", "our", "policy"}}));
  EXPECT_EQ(expand("  Per   OUR\tPolicy "), (Seqs{{"per", "our", "policy"}}));
  // Punctuation is its own token; 100% is "100 %"; typographic apostrophes become '.
  EXPECT_EQ(expand("policy,"), (Seqs{{"policy", ","}}));
  EXPECT_EQ(expand("100%"), (Seqs{{"100", "%"}}));
  EXPECT_EQ(expand("can\xE2\x80\x99t"), (Seqs{{"can't"}}));
}

TEST(PhraseSyntax, AlternativesForOnePosition) {
  EXPECT_EQ(expand("can't|cannot help"), (Seqs{{"can't", "help"}, {"cannot", "help"}}));
  const Seqs s = expand("I|we can't|cannot");
  EXPECT_EQ(s.size(), 4u);
  EXPECT_TRUE(has(s, {"we", "cannot"}));
  EXPECT_TRUE(has(s, {"i", "can't"}));
  // Duplicates collapse.
  EXPECT_EQ(expand("sorry|sorry|SORRY"), (Seqs{{"sorry"}}));
}

TEST(PhraseSyntax, OptionalPositions) {
  EXPECT_EQ(expand("[really] sorry"), (Seqs{{"really", "sorry"}, {"sorry"}}));
  const Seqs s = expand("[so|really] sorry [about|for] that");
  EXPECT_EQ(s.size(), 9u);
  EXPECT_TRUE(has(s, {"sorry", "that"}));
  EXPECT_TRUE(has(s, {"so", "sorry", "for", "that"}));
  // Optional multi-word alternatives.
  const Seqs m = expand("sorry [about that|for this]");
  EXPECT_EQ(m.size(), 3u);
  EXPECT_TRUE(has(m, {"sorry", "about", "that"}));
  EXPECT_TRUE(has(m, {"sorry", "for", "this"}));
  EXPECT_TRUE(has(m, {"sorry"}));
}

TEST(PhraseSyntax, AllOptionalMeansAnyNonEmptyCombination) {
  EXPECT_EQ(expand("[so] [very]"), (Seqs{{"so"}, {"so", "very"}, {"very"}}));
}

TEST(PhraseSyntax, ParenthesizedMultiWordAlternatives) {
  EXPECT_EQ(expand("(I have|we've) refunded"),
            (Seqs{{"i", "have", "refunded"}, {"we've", "refunded"}}));
  const Seqs s = expand("(there's|there is) nothing (I|we) can do");
  EXPECT_EQ(s.size(), 4u);
  EXPECT_TRUE(has(s, {"there", "is", "nothing", "we", "can", "do"}));
  EXPECT_TRUE(has(s, {"there's", "nothing", "i", "can", "do"}));
}

TEST(PhraseSyntax, Inflections) {
  const auto set = [](const Seqs& seqs) {
    std::set<std::string> out;
    for (const auto& s : seqs) {
      EXPECT_EQ(s.size(), 1u);
      out.insert(s[0]);
    }
    return out;
  };
  using S = std::set<std::string>;
  EXPECT_EQ(set(expand("fail~")), (S{"fail", "fails", "failed", "failing"}));
  EXPECT_EQ(set(expand("charge~")), (S{"charge", "charges", "charged", "charging"}));
  EXPECT_EQ(set(expand("apply~")), (S{"apply", "applies", "applied", "applying"}));
  EXPECT_EQ(set(expand("play~")), (S{"play", "plays", "played", "playing"}));
  EXPECT_EQ(set(expand("fix~")), (S{"fix", "fixes", "fixed", "fixing"}));
  const S stop = set(expand("stop~"));
  for (const char* form : {"stop", "stops", "stopped", "stopping"}) EXPECT_TRUE(stop.count(form));
  // Irregular verbs.
  EXPECT_EQ(set(expand("send~")), (S{"send", "sends", "sent", "sending"}));
  EXPECT_EQ(set(expand("tell~")), (S{"tell", "tells", "told", "telling"}));
  EXPECT_TRUE(set(expand("be~")).count("was"));
  EXPECT_TRUE(set(expand("be~")).count("were"));
  EXPECT_TRUE(set(expand("forget~")).count("forgotten"));
  EXPECT_TRUE(set(expand("pay~")).count("paid"));
  EXPECT_FALSE(set(expand("pay~")).count("payed"));
  EXPECT_EQ(set(expand("Fail~")), set(expand("fail~")));  // case-folded first
  // Inflected alternatives in a sequence.
  const Seqs s = expand("you fail~|forget~ to");
  EXPECT_TRUE(has(s, {"you", "failed", "to"}));
  EXPECT_TRUE(has(s, {"you", "forgot", "to"}));
  EXPECT_FALSE(has(s, {"you", "fail~", "to"}));
  const auto forms = inflections("try");
  EXPECT_TRUE(std::find(forms.begin(), forms.end(), "tried") != forms.end());
  EXPECT_TRUE(std::find(forms.begin(), forms.end(), "try") != forms.end());
}

TEST(PhraseSyntax, NumberPlaceholder) {
  EXPECT_EQ(expand("within <number> hours"),
            (Seqs{{"within", std::string(kNumberToken), "hours"}}));
  const Seqs s = expand("(<number>|a few) days");
  EXPECT_TRUE(has(s, {std::string(kNumberToken), "days"}));
  EXPECT_TRUE(has(s, {"a", "few", "days"}));
  EXPECT_FALSE(expand_error("<number>~ days").empty());
  // Inside a group of several words too, not the tokens "<", "number", ">".
  const Seqs grouped = expand("no reply (to <number>|to my) emails");
  EXPECT_TRUE(has(grouped, {"no", "reply", "to", std::string(kNumberToken), "emails"}));
  EXPECT_TRUE(has(grouped, {"no", "reply", "to", "my", "emails"}));
  EXPECT_EQ(grouped.size(), 2u);
}

TEST(PhraseSyntax, Errors) {
  EXPECT_NE(expand_error("").find("empty"), std::string::npos);
  EXPECT_NE(expand_error("   ").find("empty"), std::string::npos);
  EXPECT_NE(expand_error("[really sorry").find("unbalanced"), std::string::npos);
  EXPECT_NE(expand_error("(I have|we have refunded").find("unbalanced"), std::string::npos);
  EXPECT_NE(expand_error("sorry]").find("unbalanced"), std::string::npos);
  EXPECT_NE(expand_error("a||b").find("empty alternative"), std::string::npos);
  EXPECT_NE(expand_error("see https://example.com").find("URL"), std::string::npos);
  EXPECT_NE(expand_error("mail help@example.com").find("URL, email"), std::string::npos);
  EXPECT_NE(expand_error("ticket {{ticket.id}}").find("placeholder"), std::string::npos);
  EXPECT_NE(expand_error("(a b~|c)").find("one word"), std::string::npos);
  EXPECT_FALSE(expand_error("(a b)~").empty());
  std::string long_phrase;
  for (int i = 0; i < 17; ++i) long_phrase += "w" + std::to_string(i) + "x ";
  EXPECT_NE(expand_error(long_phrase).find("16"), std::string::npos);
}

TEST(PhraseSyntax, ExpansionLimit) {
  // 8^4 = 4096 sequences is the limit itself; twice that is refused.
  const std::string eight = "a|b|c|d|e|f|g|h";
  EXPECT_EQ(expand(eight + " " + eight + " " + eight + " " + eight).size(), 4096u);
  const std::string e = expand_error(eight + " " + eight + " " + eight + " " + eight + " x|y");
  EXPECT_NE(e.find("4096"), std::string::npos) << e;
  // Optional positions count too: 13 optional words would be 8191 sequences.
  std::string opt;
  for (int i = 0; i < 13; ++i) opt += "[o" + std::to_string(i) + "x] ";
  EXPECT_NE(expand_error(opt + "end").find("4096"), std::string::npos);
}

// An automaton over `phrases` (each expanded); hits as (phrase index, first, last) tuples.
class Matcher {
 public:
  explicit Matcher(const std::vector<std::string>& phrases) {
    for (std::size_t i = 0; i < phrases.size(); ++i)
      for (const auto& seq : expand(phrases[i])) {
        automaton_.add(seq);
        owner_.push_back(i);
      }
    automaton_.build();
  }
  std::set<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> find(std::string_view text) {
    const TextModel model(text);
    std::vector<PhraseAutomaton::Hit> hits;
    automaton_.find(model.tokens, hits);
    std::set<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> out;
    for (const auto& h : hits) out.emplace(owner_[h.pattern], h.first, h.last);
    EXPECT_EQ(out.size(), hits.size()) << "duplicate hits in " << text;
    return out;
  }

 private:
  PhraseAutomaton automaton_;
  std::vector<std::size_t> owner_;
};

using Hits = std::set<std::tuple<std::size_t, std::uint32_t, std::uint32_t>>;

TEST(PhraseAutomaton, OverlappingPatterns) {
  Matcher m({"a b", "b c", "c d"});
  EXPECT_EQ(m.find("a b c d"), (Hits{{0, 0, 1}, {1, 1, 2}, {2, 2, 3}}));
  EXPECT_EQ(m.find("b a b"), (Hits{{0, 1, 2}}));
  EXPECT_EQ(m.find("A, B C"), (Hits{{1, 2, 3}}));  // "," breaks "a b"
}

TEST(PhraseAutomaton, PatternThatIsASuffixOfAnother) {
  Matcher m({"per our policy", "our policy", "policy"});
  EXPECT_EQ(m.find("Per our policy, no."), (Hits{{0, 0, 2}, {1, 1, 2}, {2, 2, 2}}));
  EXPECT_EQ(m.find("by our policy"), (Hits{{1, 1, 2}, {2, 2, 2}}));
  // Suffix reached only through the failure link of a longer partial match.
  Matcher n({"a b c d", "b c e"});
  EXPECT_EQ(n.find("a b c e"), (Hits{{1, 1, 3}}));
}

TEST(PhraseAutomaton, PatternsSharingPrefixes) {
  Matcher m({"we can't refund", "we can't", "we can't help", "we"});
  EXPECT_EQ(m.find("we can't help"), (Hits{{1, 0, 1}, {2, 0, 2}, {3, 0, 0}}));
  EXPECT_EQ(m.find("we can"), (Hits{{3, 0, 0}}));
  EXPECT_EQ(m.find("we we can't refund"), (Hits{{3, 0, 0}, {3, 1, 1}, {1, 1, 2}, {0, 1, 3}}));
}

TEST(PhraseAutomaton, RepeatedTokens) {
  Matcher m({"no no", "no no no"});
  EXPECT_EQ(m.find("no no no"), (Hits{{0, 0, 1}, {0, 1, 2}, {1, 0, 2}}));
}

TEST(PhraseAutomaton, NumberMatchesAnyNumber) {
  Matcher m({"within <number> hours"});
  EXPECT_EQ(m.find("within 24 hours"), (Hits{{0, 0, 2}}));
  EXPECT_EQ(m.find("within 3.5 hours"), (Hits{{0, 0, 2}}));
  EXPECT_EQ(m.find("within 1,000 hours"), (Hits{{0, 0, 2}}));
  EXPECT_TRUE(m.find("within few hours").empty());
  EXPECT_TRUE(m.find("within #24 hours").empty());  // an identifier, not a number
}

TEST(PhraseAutomaton, LiteralNumberPhraseIsFoundBesideNumberPhrase) {
  Matcher m({"<number> stars", "5 stars"});
  const Hits five = m.find("5 stars");
  EXPECT_TRUE(five.count({1, 0, 1}));  // the literal phrase is never lost to <number>
  EXPECT_EQ(m.find("4 stars"), (Hits{{0, 0, 1}}));
}

TEST(PhraseAutomaton, LiteralNumberElsewhereDoesNotDisableNumber) {
  // Phrases of unrelated rules share the automaton: naming "24" literally in one must not stop
  // another's <number> from matching 24.
  Matcher m({"within <number> hours", "24 / 7", "by <number> june"});
  EXPECT_TRUE(m.find("within 24 hours").count({0, 0, 2}));
  EXPECT_TRUE(m.find("by 24 June").count({2, 0, 2}));
  EXPECT_TRUE(m.find("within 7 hours").count({0, 0, 2}));
  EXPECT_TRUE(m.find("open 24/7").count({1, 1, 3}));
}

// The <number> pass runs only around numbers some phrase names literally. Every hit must still
// be found: literal numbers at the edges, next to each other (windows that merge), far apart, and
// <number> phrases both spanning them and elsewhere. Checked against matching each phrase at
// every position.
TEST(PhraseAutomaton, NumberPassAroundLiteralNumbersFindsEveryHit) {
  const std::vector<std::string> phrases = {
      "tier 2 queue", "by <number> pm", "<number> days", "within <number> hours",
      "2 days",       "the 3rd",        "<number>"};
  Matcher m(phrases);
  std::vector<std::vector<std::string>> seqs;
  for (const auto& p : phrases) seqs.push_back(expand(p).front());
  std::uint64_t state = 7;
  const auto next = [&](std::size_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return static_cast<std::size_t>(state % n);
  };
  static constexpr std::string_view kWords[] = {"tier", "2",    "queue",  "by",    "5",
                                                "pm",   "days", "within", "hours", "the",
                                                "3rd",  "x",    "2",      "7"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (std::size_t n = 1 + next(40); n > 0; --n) text += std::string(kWords[next(14)]) + " ";
    const TextModel model(text);
    std::set<std::tuple<std::size_t, std::uint32_t, std::uint32_t>> want;
    for (std::size_t p = 0; p < seqs.size(); ++p) {
      const auto& seq = seqs[p];
      for (std::size_t first = 0; first + seq.size() <= model.tokens.size(); ++first) {
        bool all = true;
        for (std::size_t k = 0; k < seq.size() && all; ++k) {
          const Token& t = model.tokens[first + k];
          all = t.norm == seq[k] || (seq[k] == kNumberToken && t.kind == TokenKind::number);
        }
        if (all)
          want.emplace(p, static_cast<std::uint32_t>(first),
                       static_cast<std::uint32_t>(first + seq.size() - 1));
      }
    }
    ASSERT_EQ(m.find(text), want) << text;
  }
}

TEST(PhraseAutomaton, UnknownTokensResetPartialMatches) {
  Matcher m({"per our policy", "our"});
  EXPECT_EQ(m.find("per our strict policy"), (Hits{{1, 1, 1}}));
  EXPECT_TRUE(m.find("per your policy").empty());
  EXPECT_EQ(m.find("per \xF0\x9F\x98\x80 our policy"), (Hits{{1, 2, 2}}));  // an emoji
  // Tokens with no phrase at all are fine anywhere.
  EXPECT_TRUE(m.find("zebra quokka").empty());
  EXPECT_TRUE(m.find("").empty());
}

TEST(PhraseAutomaton, TenThousandPatterns) {
  PhraseAutomaton a;
  for (int i = 0; i < 10000; ++i) {
    const std::string w = "w" + std::to_string(i) + "x";
    EXPECT_EQ(a.add({"common", w, "end"}), static_cast<std::uint32_t>(2 * i));
    EXPECT_EQ(a.add({w}), static_cast<std::uint32_t>(2 * i + 1));
  }
  a.build();
  EXPECT_EQ(a.pattern_count(), 20000u);
  const TextModel text("common w9999x end, common w17x end and w5000x");
  std::vector<PhraseAutomaton::Hit> hits;
  a.find(text.tokens, hits);
  std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> got;
  for (const auto& h : hits) got.emplace(h.pattern, h.first, h.last);
  const std::set<std::tuple<std::uint32_t, std::uint32_t, std::uint32_t>> want = {
      {19998, 0, 2}, {19999, 1, 1}, {34, 4, 6}, {35, 5, 5}, {10001, 8, 8}};
  EXPECT_EQ(got, want);
}

}  // namespace
}  // namespace tactful
