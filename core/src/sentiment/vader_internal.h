// Internals of the VADER port (see tactful/sentiment.h). Split by concern:
//   py_unicode.cc     Python 3 str semantics VADER depends on (split, isupper, lower, strip)
//   py_case_table.cc  the Unicode case classes behind str.isupper
//   vader_words.cc    VADER's built-in word lists (NEGATE, BOOSTER_DICT, SPECIAL_CASES)
//   vader_lexicon.cc  the word table and the emoji table, parsed from the embedded files
//   vader_tokens.cc   SentiText: emoji replacement, tokens, cap differential
//   vader_rules.cc    the valence of one token (negation, boosters, caps, idioms, "least")
//   vader_but.cc      `_but_check`, including the parity quirk
//   vader.cc          polarity_scores: the sum, punctuation emphasis, normalisation, rounding
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tactful {
struct TextModel;
}

namespace tactful::vader {

// vaderSentiment.py constants (paper Table 3 for the empirically derived ones).
inline constexpr double kBoosterIncr = 0.293;   // B_INCR
inline constexpr double kBoosterDecr = -0.293;  // B_DECR
inline constexpr double kCapsIncr = 0.733;      // C_INCR
inline constexpr double kNegScalar = -0.74;     // N_SCALAR

// ---- Python str semantics (py_unicode.cc) ----

// One decoded character. Bytes that are not valid UTF-8 decode one at a time as U+FFFD, so
// every byte belongs to exactly one character: Python never sees such bytes, and treating each
// as one uncased, non-space character is the closest equivalent of a latin-1 read.
struct Char {
  char32_t cp;
  std::uint8_t length;  // 1..4 bytes
};
Char decode_char(std::string_view s, std::size_t pos);

// str.split()/str.strip() whitespace (Py_UNICODE_ISSPACE): wider than ASCII isspace.
bool is_py_space(char32_t cp);

enum class Case : std::uint8_t { uncased, upper, lower };  // lower: lowercase or titlecase
Case case_of(char32_t cp);                                 // non-ASCII lookup (py_case_table.cc)

// str.isupper(): at least one cased character and none lowercase or titlecase.
bool py_isupper(std::string_view s);

// Appends s lower-cased as far as VADER can observe: every key and word it compares against
// is ASCII, and the only non-ASCII character whose Python lower() is ASCII is KELVIN SIGN
// (U+212A -> "k"); U+0130 lowers to "i" + U+0307, still non-ASCII. So ASCII folding plus that
// one mapping gives the same comparison results as Python's full lower().
void append_lower(std::string& out, std::string_view s);

// str.strip() with no argument.
std::string_view py_strip(std::string_view s);

// ---- word table (vader_lexicon.cc, vader_words.cc) ----

// Words the rules compare tokens against, each named after its lower-case spelling (a trailing
// underscore avoids a C++ keyword).
// clang-format off
enum class Word : std::uint8_t {
  none,
  no, kind, of, but, least, at, very, never, so, this_, without, doubt, or_, nor,
  the, shit, bomb, bad, ass, bus, stop, yeah, right, kiss, death, to, die, for_, beating, broken,
  heart, just, enough, sort
};
// clang-format on

struct WordInfo {
  double valence = 0;  // lexicon mean (when in_lexicon)
  double booster = 0;  // BOOSTER_DICT scalar (when is_booster)
  bool in_lexicon = false;
  bool is_booster = false;
  bool negator = false;  // in NEGATE
  Word id = Word::none;
};
inline constexpr WordInfo kUnknownWord{};

// Open-addressing hash table keyed by the lower-cased token. Immutable once built.
class WordTable {
 public:
  // FNV-1a, exposed so the tokenizer can hash while it lower-cases.
  static constexpr std::uint64_t kHashSeed = 14695981039346656037ull;
  static constexpr std::uint64_t hash_step(std::uint64_t h, unsigned char c) {
    return (h ^ c) * 1099511628211ull;
  }
  static std::uint64_t hash(std::string_view key);

  WordInfo& get_or_insert(std::string_view key);
  const WordInfo& find(std::string_view key) const { return find(key, hash(key)); }
  // Or kUnknownWord. In line, with its probe: VADER looks up every token it reads.
  const WordInfo& find(std::string_view key, std::uint64_t hash) const {
    if (slots_.empty()) return kUnknownWord;
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(hash >> 32);
    for (std::size_t slot = static_cast<std::size_t>(hash) & mask;; slot = (slot + 1) & mask) {
      const Slot& s = slots_[slot];
      if (s.index == 0) return kUnknownWord;
      if (s.tag == tag && entries_[s.index - 1].key == key) return entries_[s.index - 1].info;
    }
  }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string key;
    WordInfo info;
  };
  // A slot holds the entry index + 1 (0: empty) and the hash's high half, compared before the
  // key so a probe rarely touches an entry that is not the one sought.
  struct Slot {
    std::uint32_t index = 0;
    std::uint32_t tag = 0;
  };
  std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
  void rehash(std::size_t slots);
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
};

// The built-in lists, added to a table after the lexicon.
void add_builtin_words(WordTable& table);

// SPECIAL_CASES: multi-word expressions whose valence replaces the computed one.
struct SpecialCase {
  Word words[3];
  int size;
  double valence;
};
std::span<const SpecialCase> special_cases();

struct Lexicon {
  WordTable words;
  std::size_t lexicon_entries = 0;              // distinct reachable lexicon tokens
  std::vector<char32_t> emoji_keys;             // sorted single-code-point emoji
  std::vector<std::string> emoji_descriptions;  // parallel to emoji_keys
  const std::string* emoji(char32_t cp) const;  // nullptr if cp is no emoji key
};
// Parses the two lexicon files the way make_lex_dict / make_emoji_dict read them.
void load_lexicon(Lexicon& lexicon, std::string_view lexicon_text, std::string_view emoji_text);
const Lexicon& shared_lexicon();  // from the embedded files, built once

// ---- SentiText (vader_tokens.cc) ----

struct Token {
  std::string_view text;  // as Python keeps it: punctuation stripped unless <= 2 chars remain
  const WordInfo* info;   // never null
  bool upper;             // text.isupper()
  bool negated;           // negated([text.lower()]): in NEGATE or contains "n't"
  Word id() const { return info->id; }
  bool in_lexicon() const { return info->in_lexicon; }
};

struct SentiText {
  std::string replaced;   // the text with emoji replaced by descriptions, if it had any
  std::string_view text;  // what the punctuation rules count in
  std::vector<Token> tokens;
  bool is_cap_diff = false;
  std::string lower_scratch;
};
// Fills `out` (reusing its buffers); tokens point into `input` or out.replaced.
void make_senti_text(const Lexicon& lexicon, std::string_view input, SentiText& out);
// One whitespace-split word `raw` as make_senti_text reads it: stripped of ASCII punctuation
// unless two characters or fewer would remain, looked up lower-cased (`lower`: scratch).
Token read_word(const Lexicon& lexicon, std::string_view raw, std::string& lower);
// make_senti_text of model.text, its words taken from the model's tokens where one is a word of
// VADER's (vader_model_tokens.cc); false, with `out` unspecified, for a text this cannot read
// (not all ASCII, or split otherwise than the tokenizer splits it): then make_senti_text must.
bool make_senti_text_from_tokens(const Lexicon& lexicon, const TextModel& model, SentiText& out);

// ---- rules (vader_rules.cc, vader_but.cc) ----

// sentiment_valence for token i (already known not to be a booster or the "kind" of "kind of").
double token_valence(std::span<const Token> tokens, std::size_t i, bool is_cap_diff,
                     bool corrected);

// _but_check: finds the first token whose lower-case form is "but" and rescales around it.
void but_check(std::span<const Token> tokens, std::vector<double>& sentiments, bool corrected);
// The parity scaling, two ways (exposed so tests can compare them): a direct transcription of
// the Python loop (quadratic), and the hash-of-heaps form used for long texts.
void but_scale_parity_direct(std::size_t but_index, std::span<double> sentiments);
void but_scale_parity_heaps(std::size_t but_index, std::span<double> sentiments);

// Python round(x, ndigits) for ndigits in 0..6: nearest, exact ties to even.
double py_round(double x, int ndigits);

}  // namespace tactful::vader
