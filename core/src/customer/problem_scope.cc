// Which sentences of a customer message tell a problem of ours: the customer's own slip ("I
// forgot my password", "I lost my phone") tells none, unless the same sentence also points at
// us ("... but your reset link never comes"); when they say it is not us ("it's just my old
// computer"), no sentence of theirs that does not point at us does; nor does a wish told as
// advice ("you should add ..."); the learned problem reading
// (CustomerSignals::problem_report) reads the rest. And whether a calm message asks how to do
// something ("is there a setting I need to change?", "if I cancel, do I get a refund?").
#include <algorithm>
#include <initializer_list>

#include "customer/signals_internal.h"

namespace tactful::customer {
namespace {

// A lexicon family that tells a harm, a problem or a threat: a sentence holding one is kept.
bool tells_grievance(std::string_view family) {
  return !family.starts_with("cue.") && family != "billing.refund" && family != "worry" &&
         family != "feature-request" && family != "stakes" && family != "others-conduct";
}

std::size_t sentence_of_byte(const TextModel& model, std::size_t byte) {
  for (std::size_t s = 0; s < model.sentences.size(); ++s)
    if (byte < model.sentences[s].bytes.end) return s;
  return model.sentences.empty() ? 0 : model.sentences.size() - 1;
}

// The first word of the sentence, past greetings and @handles ("@Brand hi, how do I ...").
std::size_t first_word(const TextModel& model, const TextModel::Sentence& s) {
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = model.tokens[i];
    if (t.kind != TokenKind::word) continue;
    if (i > s.first_token && model.tokens[i - 1].norm == "@") continue;  // a handle
    if (word_is(t, {"hi", "hey", "hello", "so", "also", "and", "ok", "okay", "please", "guys",
                    "quick", "question"}))
      continue;
    return i;
  }
  return s.end_token;
}

// The sentence points at us: "your ...", "you've", or "you" as the subject of a clause ("and you
// locked me out"), not as an object ("I gave you the wrong number") or in a favour asked. Words
// inside `own` (the slip's own words: "I don't think it's your app") don't count.
bool points_at_us(const TextModel& model, const TextModel::Sentence& s, Span own) {
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = model.tokens[i];
    if (t.bytes.begin >= own.begin && t.bytes.begin < own.end) continue;
    if (word_is(t, {"your", "you've", "you're", "they", "they've", "they're"})) return true;
    if (word_is(t, {"you"}) &&
        (i == s.first_token || model.tokens[i - 1].norm == "," ||
         word_is(model.tokens[i - 1],
                 {"and", "but", "then", "because", "so", "now", "since", "when", "as", "yet"})))
      return true;
  }
  return false;
}

// "... but the reset email never comes": a slip followed by a contrast tells more than the slip.
// The contrast word's token, or SIZE_MAX.
std::size_t contrast_token(const TextModel& model, const TextModel::Sentence& s, std::size_t byte) {
  for (std::size_t i = s.first_token; i < s.end_token; ++i)
    if (model.tokens[i].bytes.begin >= byte &&
        word_is(model.tokens[i], {"but", "yet", "though", "however", "although"}))
      return i;
  return SIZE_MAX;
}

bool contrast_after(const TextModel& model, const TextModel::Sentence& s, std::size_t byte) {
  return contrast_token(model, s, byte) != SIZE_MAX;
}

// The feature-request cue is a wish told as advice: it starts with "you" ("you should add ...").
bool advice_wish(const TextModel& model, const CueHit& c) {
  for (const Token& t : model.tokens)
    if (t.bytes.begin == c.bytes.begin) return word_is(t, {"you", "u", "y'all"});
  return false;
}

}  // namespace

bool how_to_question(const TextModel& model, std::size_t sentence) {
  const auto& s = model.sentences[sentence];
  if (s.end_token <= s.first_token) return false;
  const std::size_t w = first_word(model, s);
  if (w >= s.end_token) return false;
  const auto word_at = [&](std::size_t i, std::initializer_list<std::string_view> words) {
    return i < s.end_token && word_is(model.tokens[i], words);
  };
  // Ends with one '?' (not "??" or "?!").
  std::size_t end = s.end_token;
  while (end > s.first_token && model.tokens[end - 1].kind != TokenKind::punct &&
         model.tokens[end - 1].kind != TokenKind::word)
    --end;  // a trailing link or emoji
  if (end == s.first_token || model.tokens[end - 1].norm != "?") return false;
  if (end - 1 > s.first_token &&
      (model.tokens[end - 2].norm == "?" || model.tokens[end - 2].norm == "!"))
    return false;
  // A hypothetical: "if I cancel now, do I get a refund?", "what if it comes while I'm out?"
  if (word_at(w, {"if", "suppose", "supposing"}) ||
      (word_at(w, {"what"}) && word_at(w + 1, {"if"})))
    return true;
  // "How do I ...", "how can I ..."; not "how come", "how long" or "how is this acceptable?"
  if (word_at(w, {"how"})) {
    if (word_at(w + 1, {"come", "long", "much", "many"})) return false;
    return !word_at(w + 1, {"is", "are", "was", "can", "could", "dare"}) ||
           word_at(w + 2, {"i", "we"});
  }
  // "Is there a reason you refuse ...?" is a challenge, not a how-to.
  const bool challenge =
      word_at(w + 2, {"reason", "excuse", "explanation", "no"}) ||
      (word_at(w + 2, {"a", "any"}) && word_at(w + 3, {"reason", "excuse", "explanation", "good"}));
  // What the customer can do: "can I ...", "is there a way ...", "what do I ...".
  return (word_at(w, {"can", "could", "should", "do", "may", "would"}) &&
          word_at(w + 1, {"i", "we"})) ||
         (word_at(w, {"is", "are"}) && word_at(w + 1, {"there"}) && !challenge) ||
         (word_at(w, {"what", "which"}) && word_at(w + 2, {"i", "we"})) ||
         (word_at(w, {"does", "do"}) && word_at(w + 1, {"anyone", "anybody"}) &&
          word_at(w + 2, {"know"}));
}

std::string problem_text(const TextModel& model, std::span<const CueHit> cues,
                         std::vector<Span>* pure_slips) {
  // A pure slip's sentence is dropped even when the lexicon reads a problem in it: "I forgot it
  // and now I can't log in at all" is the slip's own consequence. Questions are read as they
  // are: the model learned that "how do I" tells no problem.
  // Only these cues mark a sentence; most messages have none, and then nothing is blanked.
  if (std::none_of(cues.begin(), cues.end(), [](const CueHit& c) {
        return c.family == "cue.self-error" || c.family == "cue.not-us" ||
               c.family == "feature-request";
      }))
    return {};
  // 1 a pure slip, 2 one that tells of us, 3 a wish (left out, but no slip).
  std::vector<char> slip(model.sentences.size(), 0);
  // A slip that tells of us after a contrast ("I forgot my password, but your code never
  // comes"): the words up to the contrast are the slip's and are left out; what follows is read.
  std::vector<std::size_t> slip_until(model.sentences.size(), 0);
  const auto of_us = [&](const CueHit& c, std::size_t s) {
    return points_at_us(model, model.sentences[s], c.bytes) ||
           contrast_after(model, model.sentences[s], c.bytes.end);
  };
  bool not_us = false;  // the customer says the trouble is not ours
  for (const CueHit& c : cues) {
    const std::size_t s = sentence_of_byte(model, c.bytes.begin);
    if (s >= slip.size()) continue;
    if (c.family == "cue.self-error") {
      slip[s] = of_us(c, s) ? 2 : std::max<char>(slip[s], 1);
      const std::size_t contrast = contrast_token(model, model.sentences[s], c.bytes.end);
      if (contrast != SIZE_MAX)
        slip_until[s] = std::max(slip_until[s], model.tokens[contrast].bytes.end);
    }
    if (c.family == "cue.not-us" && !of_us(c, s)) {
      not_us = true;
      slip[s] = std::max<char>(slip[s], 1);
    }
  }
  // "I don't believe it's the app, it's just my old computer": every sentence that does not
  // point at us tells the customer's own trouble ("My editor crashes ..." included).
  for (std::size_t s = 0; not_us && s < slip.size(); ++s)
    if (slip[s] == 0 && !points_at_us(model, model.sentences[s], {})) slip[s] = 1;
  // A wish told as advice ("you should get rid of the 40 minute limit") in a sentence that
  // tells no grievance is no problem report: the learned reading does not read it.
  for (const CueHit& c : cues) {
    if (c.family != "feature-request" || !advice_wish(model, c)) continue;
    const std::size_t s = sentence_of_byte(model, c.bytes.begin);
    if (s >= slip.size() || slip[s] != 0) continue;
    const Span b = model.sentences[s].bytes;
    const bool grievance = std::any_of(cues.begin(), cues.end(), [&](const CueHit& o) {
      return tells_grievance(o.family) && o.bytes.begin >= b.begin && o.bytes.begin < b.end;
    });
    if (!grievance) slip[s] = 3;
  }
  std::string out;
  for (std::size_t s = 0; s < model.sentences.size(); ++s) {
    if (slip[s] == 2 && slip_until[s] > 0) {
      if (out.empty()) out.assign(model.text);
      const std::size_t b = model.sentences[s].bytes.begin;
      std::fill(out.begin() + static_cast<long>(b), out.begin() + static_cast<long>(slip_until[s]),
                ' ');
      continue;
    }
    if (slip[s] != 1 && slip[s] != 3) continue;
    if (pure_slips && slip[s] == 1) pure_slips->push_back(model.sentences[s].bytes);
    if (out.empty()) out.assign(model.text);
    const Span b = model.sentences[s].bytes;
    std::fill(out.begin() + static_cast<long>(b.begin), out.begin() + static_cast<long>(b.end),
              ' ');
  }
  return out;
}

bool says_not_us(const TextModel& model, std::span<const CueHit> cues) {
  for (const CueHit& c : cues) {
    if (c.family != "cue.not-us") continue;
    const std::size_t s = sentence_of_byte(model, c.bytes.begin);
    if (s < model.sentences.size() && !points_at_us(model, model.sentences[s], c.bytes) &&
        !contrast_after(model, model.sentences[s], c.bytes.end))
      return true;
  }
  return false;
}

std::optional<Span> asks_how_to(const TextModel& model, std::span<const CueHit> cues) {
  for (const CueHit& c : cues)
    if (tells_grievance(c.family) || c.family == "cue.exasperation") return std::nullopt;
  // The how-to leads the message, or what comes before it announces a question ("quick
  // question: ..."): a problem told first and a how-to after it ("the shelf came broken; is
  // there a way to swap it?") is a report, not a how-to.
  bool announced = false;
  for (std::size_t s = 0; s < model.sentences.size(); ++s) {
    const auto& sentence = model.sentences[s];
    const auto begin = model.tokens.begin() + static_cast<long>(sentence.first_token);
    const auto end = model.tokens.begin() + static_cast<long>(sentence.end_token);
    if (std::any_of(begin, end, [](const Token& t) {
          return word_is(t, {"question", "questions"});
        })) {
      announced = true;
      continue;
    }
    if (first_word(model, sentence) >= sentence.end_token) continue;  // no words
    if (how_to_question(model, s)) return sentence.bytes;
    // Once a question is announced, what leads up to it is its context.
    if (!announced || std::any_of(begin, end, [](const Token& t) { return t.norm == "?"; }))
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace tactful::customer
