// polarity_scores: per-token valences, the "but" rule, then score_valence (sum, punctuation
// emphasis, normalisation, the pos/neu/neg split) and Python's rounding.
#include <charconv>
#include <cmath>
#include <string>
#include <vector>

#include "sentiment/vader_internal.h"
#include "tactful/sentiment.h"
#include "tactful/text.h"

namespace tactful {

namespace vader {

double py_round(double x, int ndigits) {
  // Python rounds the exact binary value to the nearest decimal, ties to even, then reads it
  // back as the nearest double. Away from a tie, scaling and nearbyint give that (the scaling
  // error is below 1e-7 for |y| <= 1e9, inside the 1e-6 margin); near a tie, the exact decimal
  // expansion from to_chars decides.
  static constexpr double kScale[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6};
  if (ndigits < 0 || ndigits > 6) return x;
  const double scale = kScale[ndigits];
  const double y = x * scale;
  if (!std::isfinite(y) || std::fabs(y) > 1e9) return x;
  const double fraction = std::fabs(y - std::trunc(y));
  if (std::fabs(fraction - 0.5) > 1e-6) return std::nearbyint(y) / scale;
  char buffer[64];
  const auto written =
      std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::fixed, ndigits);
  double rounded = x;
  std::from_chars(buffer, written.ptr, rounded);
  return rounded;
}

namespace {

// normalize(): maps the unbounded sum into [-1, 1]; alpha = 15 approximates the maximum
// expected value. The square is its own statement so no compiler fuses it into an FMA.
double normalize(double score) {
  const double square = score * score;
  const double norm = score / std::sqrt(square + 15.0);
  if (norm < -1.0) return -1.0;
  if (norm > 1.0) return 1.0;
  return norm;
}

// _punctuation_emphasis: up to four '!' add 0.292 each; two or three '?' add 0.18 each, more
// add 0.96. Counted over the whole (emoji-replaced) text, as upstream does.
double punctuation_emphasis(std::string_view text) {
  int exclamations = 0;
  int questions = 0;
  for (const char c : text) {
    exclamations += c == '!';
    questions += c == '?';
  }
  const double ep = (exclamations > 4 ? 4 : exclamations) * 0.292;
  double qm = 0;
  if (questions > 1) qm = questions <= 3 ? questions * 0.18 : 0.96;
  return ep + qm;
}

SentimentScores score_valence(const std::vector<double>& sentiments, std::string_view text) {
  if (sentiments.empty()) return {};
  // Python 3.11's sum() over floats is a plain left-to-right addition; the order matters for
  // sums that cancel to ~1e-17 (the reference has hundreds of "-0.0" compounds).
  double sum = 0.0;
  for (const double v : sentiments) sum += v;
  const double punct = punctuation_emphasis(text);
  if (sum > 0) {
    sum += punct;
  } else if (sum < 0) {
    sum -= punct;
  }
  const double compound = normalize(sum);

  double pos_sum = 0.0;
  double neg_sum = 0.0;
  int neu_count = 0;
  for (const double v : sentiments) {
    // +1/-1 compensate for neutral words counting 1 each.
    if (v > 0) pos_sum += v + 1;
    if (v < 0) neg_sum += v - 1;
    if (v == 0) neu_count += 1;
  }
  if (pos_sum > std::fabs(neg_sum)) {
    pos_sum += punct;
  } else if (pos_sum < std::fabs(neg_sum)) {
    neg_sum -= punct;
  }
  const double total = pos_sum + std::fabs(neg_sum) + neu_count;
  SentimentScores scores;
  scores.pos = py_round(std::fabs(pos_sum / total), 3);
  scores.neg = py_round(std::fabs(neg_sum / total), 3);
  scores.neu = py_round(std::fabs(neu_count / total), 3);
  scores.compound = py_round(compound, 4);
  return scores;
}

}  // namespace

}  // namespace vader

const Vader& Vader::instance() {
  static const Vader parity(Mode::parity);
  return parity;
}

const Vader& Vader::corrected() {
  static const Vader fixed(Mode::corrected);
  return fixed;
}

Vader::Vader(Mode mode) : lexicon_(&vader::shared_lexicon()), mode_(mode) {}

namespace {

// Per-thread buffers, reused so scoring a typical text allocates nothing. A buffer grown by a
// huge text is released afterwards rather than pinned for the thread's lifetime.
struct Scratch {
  vader::SentiText senti;
  std::vector<double> sentiments;
  void trim() {
    // (Assigning {} would keep the capacity: swap with empty objects instead.)
    constexpr std::size_t kKeepTokens = 1 << 14;
    constexpr std::size_t kKeepBytes = 1 << 16;
    if (senti.tokens.capacity() > kKeepTokens) {
      std::vector<vader::Token>().swap(senti.tokens);
      std::vector<double>().swap(sentiments);
    }
    if (senti.replaced.capacity() > kKeepBytes) std::string().swap(senti.replaced);
    if (senti.lower_scratch.capacity() > kKeepBytes) std::string().swap(senti.lower_scratch);
  }
};

// One per thread, shared by both entry points (the engine scores from several threads at once).
Scratch& thread_scratch() {
  thread_local Scratch scratch;
  return scratch;
}

// The scores of the tokens in scratch.senti: per-token valences, the "but" rule, score_valence.
SentimentScores score(Scratch& scratch, bool corrected) {
  vader::SentiText& senti = scratch.senti;
  const std::span<const vader::Token> tokens = senti.tokens;
  std::vector<double>& sentiments = scratch.sentiments;
  sentiments.clear();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    // Boosters and the "kind" of "kind of" carry no valence of their own, nor does a word
    // outside the lexicon (token_valence's first test, made here for the many such words).
    if (tokens[i].info->is_booster || !tokens[i].in_lexicon() ||
        (i + 1 < tokens.size() && tokens[i].id() == vader::Word::kind &&
         tokens[i + 1].id() == vader::Word::of)) {
      sentiments.push_back(0);
      continue;
    }
    sentiments.push_back(vader::token_valence(tokens, i, senti.is_cap_diff, corrected));
  }
  vader::but_check(tokens, sentiments, corrected);
  const SentimentScores scores = vader::score_valence(sentiments, senti.text);
  scratch.trim();
  return scores;
}

}  // namespace

SentimentScores Vader::polarity_scores(std::string_view text) const {
  Scratch& scratch = thread_scratch();
  vader::make_senti_text(*lexicon_, text, scratch.senti);
  return score(scratch, mode_ == Mode::corrected);
}

SentimentScores Vader::polarity_scores(const TextModel& model) const {
  Scratch& scratch = thread_scratch();
  if (!vader::make_senti_text_from_tokens(*lexicon_, model, scratch.senti))
    vader::make_senti_text(*lexicon_, model.text, scratch.senti);
  return score(scratch, mode_ == Mode::corrected);
}

double Vader::lexicon_valence(std::string_view word) const {
  std::string lowered;
  vader::append_lower(lowered, word);
  const vader::WordInfo& info = lexicon_->words.find(lowered);
  return info.in_lexicon ? info.valence : 0.0;
}

std::size_t Vader::lexicon_size() const {
  return lexicon_->lexicon_entries;
}

}  // namespace tactful
