// Sentiment of a text: a C++ port of VADER v3.3.1 (Hutto & Gilbert, "VADER: A Parsimonious
// Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14; vaderSentiment.py
// at github.com/cjhutto/vaderSentiment 44fc044c, MIT, Copyright (c) 2016 C.J. Hutto).
//
// Guarantees:
// - Parity. In Mode::parity (the default) polarity_scores returns what the unmodified Python
//   `SentimentIntensityAnalyzer().polarity_scores(text)` returns for the same characters,
//   rounded the same way (compound to 4 places, neg/neu/pos to 3, Python round(): nearest,
//   exact ties to even). That includes the Python quirks (value-based `_but_check`, the x1.25
//   after "so"/"this", `str.isupper`, Unicode `str.split`, short tokens keeping punctuation,
//   duplicate lexicon keys: last wins). Checked on all 23,703 ICWSM-14 ground-truth texts.
// - Input is UTF-8 and may be anything: invalid bytes each count as one uncased, non-space
//   character (Python never sees them; this is the documented extension), NULs are ordinary
//   characters. No exceptions, no aborts.
// - Time is linear in the text length, except the parity `but` rule, which is O(m log m) in
//   the number m of sentiment-bearing words when a "but" is present (Mode::corrected: linear).
// - Vader is immutable after construction; one instance may be shared by any number of threads.
//   The lexicons are compiled into the binary (core/data/vader) and parsed once per process.
//
// Mode::corrected fixes two upstream bugs (see docs/sentiment.md): `_but_check` scales by
// position, and "never so/this X" at distance 3 no longer applies to any word after so/this.
#pragma once

#include <cstddef>
#include <string_view>

namespace tactful {

struct SentimentScores {
  double neg = 0, neu = 0, pos = 0, compound = 0;
};

namespace vader {
struct Lexicon;  // the parsed lexicons (internal)
}
struct TextModel;  // tactful/text.h

class Vader {
 public:
  enum class Mode {
    parity,     // bit-for-bit behaviour of vaderSentiment.py v3.3.1 (default)
    corrected,  // the two upstream bugs fixed; scores differ on some texts
  };

  // The shared parity instance, built on first use from the embedded lexicons.
  static const Vader& instance();
  // The shared corrected instance (same lexicons).
  static const Vader& corrected();

  explicit Vader(Mode mode = Mode::parity);

  // Scores one text (the whole of it is one "sentence" as in Python; split paragraphs yourself
  // if you want per-sentence scores). Empty or all-space text scores all zeros.
  SentimentScores polarity_scores(std::string_view text) const;
  // The same scores for model.text, read from the model's tokens where they are VADER's words
  // (an ASCII text's words, most of them): for a caller that has the model already.
  SentimentScores polarity_scores(const TextModel& model) const;

  // The lexicon mean valence of a word as VADER looks it up (lower-cased), or 0 if absent.
  double lexicon_valence(std::string_view word) const;
  // Distinct lexicon tokens a lower-cased lookup can reach (7,492 for v3.3.1: 7,520 lines,
  // 14 duplicates, 14 keys with upper-case letters that Python can never match).
  std::size_t lexicon_size() const;
  Mode mode() const { return mode_; }

 private:
  const vader::Lexicon* lexicon_;
  Mode mode_;
};

}  // namespace tactful
