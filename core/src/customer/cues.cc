// Matching the intent lexicon: one automaton over every phrase, built once per process.
#include <initializer_list>
#include <span>
#include <string>

#include "analysis.h"
#include "customer/intent_lexicon.h"
#include "customer/signals_internal.h"
#include "match/phrase_automaton.h"
#include "match/phrase_syntax.h"

namespace tactful::customer {
namespace {

struct CueMatcher {
  PhraseAutomaton automaton;
  std::vector<std::string_view> family_of_pattern;
};

const CueMatcher& matcher() {
  static const CueMatcher m = [] {
    CueMatcher out;
    for (const auto* lexicon :
         {&intent_lexicon(), &situation_lexicon(), &problem_lexicon(), &cue_lexicon()}) {
      for (const auto& entry : *lexicon) {
        for (std::string_view phrase : entry.phrases) {
          auto expanded = expand_phrase(phrase);
          if (!expanded.ok()) continue;  // the lexicon is checked by tests
          for (const auto& seq : expanded.value()) {
            out.automaton.add(seq);
            out.family_of_pattern.push_back(entry.intent);
          }
        }
      }
    }
    out.automaton.build();
    return out;
  }();
  return m;
}

// The words the scans below start from, by hash: each scan reads the tokens scan_starts picks
// by these hashes' bits, and a hash compare rules out most of them before word_is (which
// compares the strings, and so stays the test: a hash alone could collide).
constexpr std::uint64_t kYour = hash_norm("your");
constexpr std::uint64_t kI = hash_norm("i");
constexpr std::uint64_t kWe = hash_norm("we");

// "Your <anyone or anything> <did harm>": the company's side did something bad, whatever the
// trade calls its people or products ("your tuner scratched", "your machine broke"). Up to
// three words may name the doer; a comma or full stop ends the search.
void find_your_side_did_harm(const TextModel& model, std::span<const std::uint32_t> starts,
                             std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const std::size_t i : starts) {
    if (tokens[i].hash != kYour || !word_is(tokens[i], {"your"})) continue;
    for (std::size_t j = i + 2; j < tokens.size() && j <= i + 4; ++j) {
      if (tokens[j].kind != TokenKind::word) break;
      if (!word_is(
              tokens[j],
              {"broke",   "damaged",     "scratched", "dented",   "cracked", "smashed", "ruined",
               "lost",    "drilled",     "flooded",   "stained",  "shrank",  "shrunk",  "tore",
               "ripped",  "burned",      "burnt",     "spilled",  "spilt",   "dropped", "ignored",
               "refused", "shouted",     "yelled",    "swore",    "laughed", "deleted", "wiped",
               "forgot",  "overcharged", "injured",   "hurt",     "cut",     "chipped", "bent",
               "leaked",  "crashed",     "blocked",   "misplaced"}))
        continue;
      if (!negated_before(model, static_cast<std::uint32_t>(i)) && !not_a_report(model, i))
        out.push_back({"problem.reported", {tokens[i].bytes.begin, tokens[j].bytes.end}});
      break;
    }
  }
}

// "I dropped my @HP pavilion laptop", "we cracked our new camera": the customer's own act of
// damage to a thing of theirs, the thing named up to four tokens after "my" (a handle, a brand
// or a model between), is their own slip. Told of us ("your courier dropped my parcel") the
// subject is not "I", so nothing is read; "I dropped my car off" names no thing of the list.
void find_own_damage(const TextModel& model, std::span<const std::uint32_t> starts,
                     std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const std::size_t i : starts) {
    if (i + 2 >= tokens.size()) break;
    if ((tokens[i].hash != kI && tokens[i].hash != kWe) || !word_is(tokens[i], {"i", "we"}))
      continue;
    std::size_t v = i + 1;
    if (word_is(tokens[v], {"just", "accidentally"})) ++v;
    if (v + 1 >= tokens.size() || !word_is(tokens[v], {"dropped", "broke", "cracked", "smashed"}) ||
        !word_is(tokens[v + 1], {"my", "our"}))
      continue;
    for (std::size_t j = v + 2; j < tokens.size() && j <= v + 5; ++j) {
      if (tokens[j].kind == TokenKind::punct && tokens[j].norm != "@") break;
      if (!word_is(tokens[j],
                   {"phone",    "mobile",   "device",  "tablet",     "laptop",     "screen",
                    "computer", "pc",       "mac",     "macbook",    "ipad",       "iphone",
                    "watch",    "camera",   "console", "controller", "headphones", "earbuds",
                    "glasses",  "keyboard", "charger", "tv",         "kindle",     "switch"}))
        continue;
      out.push_back({"cue.self-error", {tokens[i].bytes.begin, tokens[j].bytes.end}});
      break;
    }
  }
}

// "Now I can't open it at all", "can't read a single page", "it won't start because it can't
// find the file": a problem told as a lost ability or function, in the customer's own words.
// A negated "can" alone is as often a how-to ("I can't find the setting") or the customer's own
// limit ("I can't make Tuesday"), so it counts only with a word that makes it a loss: a
// completion after it ("at all", "anymore", "a single", "any of", "anything", "nothing",
// "properly", "because") or "now", "still" or "even" just before it. "Won't" says a refusal
// of a thing ("it won't start") and the customer's own intention after "I" or "we".
constexpr std::uint64_t kCant[] = {hash_norm("can't"), hash_norm("cannot"), hash_norm("cant"),
                                   hash_norm("couldn't"), hash_norm("couldnt")};
constexpr std::uint64_t kWont[] = {hash_norm("won't"), hash_norm("wont"), hash_norm("wouldn't"),
                                   hash_norm("wouldnt")};
constexpr std::uint64_t kUnable = hash_norm("unable");
constexpr std::uint64_t kMissing = hash_norm("missing");

template <std::size_t N>
bool hash_is(const Token& t, const std::uint64_t (&hashes)[N]) {
  for (std::uint64_t h : hashes)
    if (t.hash == h) return true;
  return false;
}

// A bit per hash, by its low six bits: a token whose bit is clear is none of the ten words
// above, found with one test (about five in six tokens) instead of ten compares.
constexpr std::uint64_t kAbilityBits = [] {
  std::uint64_t bits = std::uint64_t{1} << (kUnable & 63);
  for (std::uint64_t h : kCant) bits |= std::uint64_t{1} << (h & 63);
  for (std::uint64_t h : kWont) bits |= std::uint64_t{1} << (h & 63);
  return bits;
}();

void find_negated_ability(const TextModel& model, std::span<const std::uint32_t> starts,
                          std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  const std::size_t n = tokens.size();
  for (const std::size_t i : starts) {
    const Token& t = tokens[i];
    // Hashes first: a bit test rules out most of the tokens scan_starts picks for other scans.
    if (((kAbilityBits >> (t.hash & 63)) & 1) == 0) continue;
    const bool can_word = hash_is(t, kCant);
    const bool unable = !can_word && t.hash == kUnable;
    const bool will = !can_word && !unable && hash_is(t, kWont);
    if ((!can_word && !unable && !will) || t.kind != TokenKind::word) continue;
    std::size_t verb = i + 1;
    const bool can = can_word || (unable && verb < n && word_is(tokens[verb++], {"to"}));
    if (!can && !will) continue;
    if (!can && !will) continue;
    const auto sentence = model.sentence_of_token[i];
    const auto& s = model.sentences[sentence];
    const bool first_person = i > s.first_token && word_is(tokens[i - 1], {"i", "we"});
    if (will && first_person) continue;
    if (verb >= s.end_token || tokens[verb].kind != TokenKind::word) continue;
    // What the customer can't do that is no loss: their own limits and ways of praise.
    if (word_is(tokens[verb],
                {"wait", "thank",   "recommend", "fault",    "complain", "praise", "mind",
                 "help", "believe", "imagine",   "make",     "afford",   "attend", "be",
                 "stop", "say",     "tell",      "remember", "decide",   "choose", "go"}))
      continue;
    bool loss = false;
    std::size_t end = verb;
    for (std::size_t k = i; k-- > s.first_token && k + 3 > i;)
      loss = loss || word_is(tokens[k], {"now", "still", "even"});
    for (std::size_t j = verb + 1; j < s.end_token && j <= verb + 6 && !loss; ++j) {
      const Token& w = tokens[j];
      if (w.kind == TokenKind::punct && w.norm != "'") break;
      const bool has_next = j + 1 < s.end_token;
      const bool two_words = (word_is(w, {"at"}) && has_next && word_is(tokens[j + 1], {"all"})) ||
                             (word_is(w, {"any", "a"}) && has_next &&
                              word_is(tokens[j + 1], {"more", "single", "of"}));
      loss = two_words ||
             word_is(w, {"anymore", "anything", "nothing", "properly", "because", "since"});
      end = j + two_words;
    }
    if (!loss || not_a_report(model, i)) continue;
    out.push_back({"problem.reported", {t.bytes.begin, tokens[end].bytes.end}});
  }
}

// "Came with the lid missing", "arrived with two screws missing": a part missing, whatever the
// part is called. Up to three words name it; "with nothing missing" is no report.
void find_part_missing(const TextModel& model, std::span<const std::uint32_t> starts,
                       std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const std::size_t i : starts) {
    if (i < 2) continue;
    if (tokens[i].hash != kMissing || !word_is(tokens[i], {"missing"})) continue;
    const std::size_t first_token = model.sentences[model.sentence_of_token[i]].first_token;
    for (std::size_t k = i - 1; k + 4 >= i && k > first_token; --k) {
      const Token& t = tokens[k - 1];
      if (t.kind != TokenKind::word || word_is(tokens[k], {"nothing", "none", "no"})) break;
      if (!word_is(t, {"with"})) continue;
      if (!not_a_report(model, k - 1))
        out.push_back({"problem.reported", {t.bytes.begin, tokens[i].bytes.end}});
      break;
    }
  }
}

// "Have I broken the boiler??", "has anything been damaged?", "will the seedlings be spoiled?",
// "is my dog OK?": the customer asks whether a harm happened or will happen, so it is not known to
// have: a worry, owed an answer rather than an apology. A yes/no question (an auxiliary opening the
// sentence, or after an emoji inside it) about the customer's side or a thing ("I", "it", "my
// …", "something", "the …"), not about us ("did you lose it?" accuses), whose outcome word is a
// harm or its absence.
void find_worry_question(const TextModel& model, std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const auto& sentence : model.sentences) {
    const std::size_t end = sentence.end_token;
    if (end <= sentence.first_token + 2 || tokens[end - 1].norm != "?") continue;
    for (std::size_t q = sentence.first_token; q + 2 < end; ++q) {
      const bool opens = q == sentence.first_token || (tokens[q - 1].kind != TokenKind::word &&
                                                       tokens[q - 1].kind != TokenKind::punct);
      if (!opens || !word_is(tokens[q], {"have", "has", "did", "does", "is", "are", "am", "will"}))
        continue;
      if (!word_is(tokens[q + 1], {"i", "it", "my", "something", "anything", "they", "that", "this",
                                   "the", "we", "our", "these", "those", "he", "she"}))
        break;
      for (std::size_t k = q + 2; k < end; ++k) {
        if (!word_is(tokens[k], {"broken", "broke", "lost", "lose", "damaged", "ruined", "ok",
                                 "okay", "safe", "hurt", "fit", "realistic", "run", "wrong",
                                 "affected", "spoiled", "spoilt", "wasted"}))
          continue;
        // "Will it still fit?" after a mistake fears; "does the cover fit the oven?" asks a size.
        if (word_is(tokens[k], {"fit"}) && !word_is(tokens[k - 1], {"still", "even"})) continue;
        out.push_back({"worry", {tokens[q].bytes.begin, tokens[end - 1].bytes.end}});
        break;
      }
      break;
    }
  }
}

// "If it isn't fixed by Friday I'm calling my bank": a negation inside a condition belongs to the
// condition; the threat after it stands.
bool negation_in_condition(const TextModel& model, std::size_t first) {
  const auto& sentence = model.sentences[model.sentence_of_token[first]];
  for (std::size_t i = sentence.first_token; i < first; ++i)
    if (word_is(model.tokens[i], {"if", "unless"})) return true;
  return false;
}

// The tokens the four word scans above can start from, in order: those whose hash has the bit
// (by its low six bits) of one of their start words ("your"; "i", "we"; the lost-ability words;
// "missing"). One test per token here instead of one per token in each scan; each scan still
// tests its own words on these few. Linear in the tokens.
constexpr std::uint64_t bit_of(std::uint64_t hash) {
  return std::uint64_t{1} << (hash & 63);
}
constexpr std::uint64_t kScanStartBits =
    bit_of(kYour) | bit_of(kI) | bit_of(kWe) | bit_of(kMissing) | kAbilityBits;

std::vector<std::uint32_t> scan_starts(const TextModel& model) {
  std::vector<std::uint32_t> starts;
  starts.reserve(model.tokens.size());  // one allocation, not one per doubling
  for (std::size_t i = 0; i < model.tokens.size(); ++i)
    if (kScanStartBits & bit_of(model.tokens[i].hash))
      starts.push_back(static_cast<std::uint32_t>(i));
  return starts;
}

bool is_threat_family(std::string_view family) {
  return family == "churn-threat" || family == "review-threat" || family == "dispute-threat" ||
         family == "escalation-request" || family == "cancellation";
}

}  // namespace

// A problem word in a hypothetical or a worry ("what if it's lost", "I'm worried it got lost") or
// in a plain how-to question ("do you repair cracked screens?", "is it normal that it stopped
// working?") is not a report of harm, nor is what the customer left undone ("I didn't reply"). Read
// from the tokens of the hit's sentence: a
// conditional before the hit, or a question that opens with an auxiliary or "what/how" and
// ends with one '?'. "Why has nobody come?" and "who is paying for this?" stay reports.
bool not_a_report(const TextModel& model, std::size_t first) {
  const auto& sentence = model.sentences[model.sentence_of_token[first]];
  // "I didn't reply", "we never called": what the customer left undone is no failure of ours.
  const Token& head = model.tokens[first];
  if (first > sentence.first_token && word_is(model.tokens[first - 1], {"i", "we"}) &&
      (head.norm.ends_with("n't") || head.norm == "never"))
    return true;
  for (std::size_t i = sentence.first_token; i < first; ++i) {
    const Token& t = model.tokens[i];
    if (word_is(
            t, {"if", "unless", "whether", "suppose", "supposing", "worried", "afraid", "concerned",
                "scared", "anxious", "nervous", "might", "maybe", "perhaps", "think", "guess"}))
      return true;
    if (word_is(t, {"case"}) && i > sentence.first_token && word_is(model.tokens[i - 1], {"in"}))
      return true;
  }
  const std::size_t end = sentence.end_token;
  if (end == 0 || end <= sentence.first_token) return false;
  const Token& last = model.tokens[end - 1];
  const bool one_question =
      last.kind == TokenKind::punct && last.norm == "?" &&
      (end - 1 == sentence.first_token ||
       (model.tokens[end - 2].norm != "?" && model.tokens[end - 2].norm != "!"));
  // The phrase is the question itself ("how is this acceptable?", "what are you going to do
  // about it?"): an accountability question, not a how-to one.
  if (first == sentence.first_token) return false;
  return one_question && word_is(model.tokens[sentence.first_token],
                                 {"do", "does", "can", "could", "would", "will", "what", "how",
                                  "is", "are", "should", "may", "where", "when"});
}

std::vector<CueHit> find_cues(const TextModel& model) {
  const CueMatcher& m = matcher();
  std::vector<PhraseAutomaton::Hit> hits;
  hits.reserve(16);  // a message's hits, usually fewer: one allocation
  m.automaton.find(model.tokens, hits);
  std::vector<CueHit> out;
  out.reserve(hits.size());
  // `cue.not` phrases ("are you still there") cancel any other cue that starts inside them.
  std::vector<std::pair<std::size_t, std::size_t>> cancelled;
  for (const auto& h : hits)
    if (m.family_of_pattern[h.pattern] == "cue.not") cancelled.emplace_back(h.first, h.last);
  for (const auto& h : hits) {
    const std::string_view family = m.family_of_pattern[h.pattern];
    if (family == "cue.not") continue;
    bool inside = false;
    for (const auto& [first, last] : cancelled)
      inside = inside || (h.first >= first && h.first <= last);
    if (inside) continue;
    // "Andrea Kent, Estate Manager" or "your manager was lovely" asks for no one.
    if (family == "escalation-request" && h.first == h.last && !role_asks_for_ours(model, h.first))
      continue;
    // "I don't want a refund" is not a refund request; negated cues don't count. Phrases that
    // are themselves negative ("never arrived") start with the negation, so they still match.
    if (negated_before(model, h.first) &&
        !(is_threat_family(family) && negation_in_condition(model, h.first)))
      continue;
    // Damage words in a how-to question or a hypothetical ("do you fix cracked screens?",
    // "what if it arrives damaged?") report no damage.
    if ((family == "problem.reported" || family == "delivery.damaged" || family == "feeling") &&
        not_a_report(model, h.first))
      continue;
    out.push_back({family, {model.tokens[h.first].bytes.begin, model.tokens[h.last].bytes.end}});
  }
  const std::vector<std::uint32_t> starts = scan_starts(model);
  find_your_side_did_harm(model, starts, out);
  find_own_damage(model, starts, out);
  find_own_lapse(model, out);
  find_our_work_failed(model, out);
  find_negated_ability(model, starts, out);
  find_part_missing(model, starts, out);
  find_worry_question(model, out);
  return out;
}

}  // namespace tactful::customer
