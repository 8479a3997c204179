// Reading the customer's side of the conversation: sentiment (VADER), intents with evidence,
// repeat contact, waiting time and frustration. Bounded: only the most recent customer
// messages, each up to kMaxBytes, are read, so cost is linear and capped per request.
#include "tactful/customer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "customer/signals_internal.h"
#include "customer/word_model.h"
#include "tactful/sentiment.h"

namespace tactful {
namespace {

constexpr std::size_t kMaxMessages = 8;
constexpr std::size_t kMaxBytes = 8192;

bool is_harm(std::string_view intent) {
  return intent == "billing.double-charge" || intent == "billing.unexpected-charge" ||
         intent == "delivery.late" || intent == "delivery.lost" || intent == "product.bug" ||
         intent == "broken-promise" || intent == "account-access" || intent == "delivery.damaged" ||
         intent == "billing.refund-late" || intent == "service.failure";
}

bool is_threat(std::string_view intent) {
  return intent == "churn-threat" || intent == "review-threat" || intent == "dispute-threat" ||
         intent == "escalation-request";
}

// Whether the customer holds something against us (CustomerSignals::grievance). A worried or
// curious question ("is it still on? the wind is crazy", "I'm nervous, is that normal?")
// carries negative words without one. Negative words in a statement ("I've lost a morning's
// work"), in a challenging question ("why was it refused?") or in one that tells of us ("after
// your treatment") are one, even when the lexicon names no harm. Otherwise only a harm, a
// threat, repeat contact, shouting, a stated wait or two words of exasperation are.
bool grievance(const customer::HistoryReading& r, const CustomerSignals& c) {
  const bool complaint = std::any_of(c.intents.begin(), c.intents.end(), [](const Intent& i) {
    return is_harm(i.id) || is_threat(i.id) || i.id == "problem.reported";
  });
  const bool shouted = r.shout.caps_words >= 2 || r.shout.longest_mark_run >= 2;
  // "I typed the old postcode!! Cross with myself": marks beside a slip of the customer's
  // own (no harm of ours) exclaim at the slip; words in capitals still count as shouting.
  const bool marks_at_slip = r.own_slip && !r.harmed && r.shout.caps_words < 2;
  const bool stated_wait = r.stated_wait && *r.stated_wait >= 30;
  const bool worried_question = r.last_asks && !r.last_challenges && !r.last_holds_us;
  const bool negative = std::min(r.last_compound, c.sentiment) < -0.05;
  // A slip of the customer's own with no harm of ours beside it: its negative words ("it's dead
  // now", "I feel awful", "so embarrassing") are about the slip, not held against us.
  const bool slip_only = r.own_slip && !r.harmed;
  return complaint || c.repeat_contact || r.recurring || (shouted && !marks_at_slip) ||
         stated_wait || (!slip_only && (r.exasperation >= 2 || (negative && !worried_question)));
}

// "Where's my order?" asks where a thing is: on its own it tells no lateness (no days passed,
// no date missed), so a plain question of that shape stays a calm one.
bool asks_where(std::string_view text, Span bytes) {
  const std::string_view hit = text.substr(bytes.begin, bytes.end - bytes.begin);
  return hit.size() > 5 && (hit[0] | 0x20) == 'w' && (hit[1] | 0x20) == 'h' && hit[2] == 'e' &&
         hit[3] == 'r' && hit[4] == 'e';
}

// The customer's text as VADER should read it in a support context: URLs, emails, ids and
// placeholders dropped, and "PO" (purchase order; "pissed off" in VADER's lexicon) neutral.
// Most messages have none of these (`hides`, read by read_message_words, is false): then the
// text itself is returned and `out` is not used.
std::string_view sentiment_text(const TextModel& model, bool hides, std::string& out) {
  if (!hides) return model.text;
  const auto drop = [](const Token& t) {
    return t.kind == TokenKind::url || t.kind == TokenKind::email ||
           t.kind == TokenKind::placeholder || t.kind == TokenKind::identifier ||
           (t.kind == TokenKind::word && t.norm == "po" && t.upper);
  };
  auto it = std::find_if(model.tokens.begin(), model.tokens.end(), drop);
  out.clear();
  out.reserve(model.text.size());
  std::size_t copied = 0;
  for (; it != model.tokens.end(); ++it) {
    if (!drop(*it)) continue;
    out.append(model.text.substr(copied, it->bytes.begin - copied));
    copied = it->bytes.end;
  }
  out.append(model.text.substr(copied));
  return out;
}

}  // namespace

bool CustomerSignals::has_intent(std::string_view id) const {
  return std::any_of(intents.begin(), intents.end(), [&](const Intent& i) { return i.id == id; });
}

customer::HistoryReading customer::read_history(std::span<const Message> history) {
  HistoryReading r;
  CustomerSignals& out = r.signals;
  // The customer's messages to read, newest last; `unanswered` marks those after the agent's
  // last message, `unaddressed` those after the agent's last message that was more than a
  // holding line ("let me check": the problem before it is still unanswered).
  bool agent_after = false, addressed_after = false;
  // Sized once: growing these vectors one message at a time was a tenth of the reading's
  // allocations.
  r.picked.reserve(std::min(history.size(), kMaxMessages));
  r.unanswered.reserve(r.picked.capacity());
  r.unaddressed.reserve(r.picked.capacity());
  for (std::size_t i = history.size(); i-- > 0 && r.picked.size() < kMaxMessages;) {
    if (history[i].role == Role::agent) {
      agent_after = true;
      addressed_after = addressed_after || !customer::holding_reply(history[i].text);
    }
    if (history[i].role != Role::customer) continue;
    r.picked.push_back(i);
    r.unanswered.push_back(!agent_after);
    r.unaddressed.push_back(!addressed_after);
  }
  std::reverse(r.picked.begin(), r.picked.end());
  std::reverse(r.unanswered.begin(), r.unanswered.end());
  std::reverse(r.unaddressed.begin(), r.unaddressed.end());
  out.has_customer = !r.picked.empty();
  if (!out.has_customer) return r;

  customer::EnglishCounts english;
  double compound_sum = 0;
  std::vector<std::string_view> families;  // the cue families seen (a few)
  families.reserve(16);
  out.intents.reserve(4);
  const auto has_family = [&](std::string_view f) {
    return std::find(families.begin(), families.end(), f) != families.end();
  };
  std::string sentiment_scratch;
  customer::WordModelReading learned;  // the problem and feeling readings
  // The feeling reading reads a slip's sentence too: "i dropped my laptop and I'm sad about it"
  // is owed empathy, though no apology. Read apart only when some message was scoped (rare).
  std::vector<std::string_view> read_texts;
  read_texts.reserve(r.picked.size());
  bool scoped = false;
  bool last_raises = false;  // the latest message names a problem, a request or a sign of upset
  bool slipped = false;      // some message tells a pure slip of the customer's own
  std::optional<Intent> recurrence;  // the first recurrence cue read, as intent problem.recurring
  // Whether the customer wrote after the agent's last reply that was more than a holding line,
  // and whether any of those messages was heated (a threat renewed, exasperation, lateness…).
  bool read_since_answer = false, heated_since_answer = false;
  for (std::size_t k = 0; k < r.picked.size(); ++k) {
    const std::size_t index = r.picked[k];
    const std::string_view text = std::string_view(history[index].text).substr(0, kMaxBytes);
    const TextModel model(text);
    const bool last = k + 1 == r.picked.size();
    const customer::MessageWords words = customer::read_message_words(model);
    // A message that hides nothing is scored from its model's tokens (the same scores).
    const Vader& vader = Vader::instance();
    const double compound =
        (words.hides_from_sentiment
             ? vader.polarity_scores(sentiment_text(model, true, sentiment_scratch))
             : vader.polarity_scores(model))
            .compound;
    compound_sum += compound;
    if (last) {
      out.last_customer_words = static_cast<int>(model.word_count());
      r.last_compound = compound;
      customer::read_last_words(model, r);
    }
    bool heated = false;
    const auto cues = customer::find_cues(model);
    // What the learned readings (problem, feeling) read of this message: not the customer's own
    // slip (customer/problem_scope.cc). A slip whose sentence also tells of us ("I forgot my
    // password but your reset link never comes") is not a pure one.
    std::vector<Span> pure_slips;
    const std::string problem_scope = customer::problem_text(model, cues, &pure_slips);
    const bool pure_slip = !pure_slips.empty();
    // "I reset my tablet and lost the app, so now I can't get the codes": a harm told in the
    // sentence of a pure slip is the slip's own consequence.
    const auto in_slip = [&](const Span& b) {
      return std::any_of(pure_slips.begin(), pure_slips.end(),
                         [&](const Span& s) { return b.begin >= s.begin && b.begin < s.end; });
    };
    // "I dropped it and now it won't turn on": a problem the customer owns is no harm of ours;
    // "it's sorted now": one they say is solved is owed no apology.
    const bool own_slip =
        pure_slip || std::any_of(cues.begin(), cues.end(), [](const customer::CueHit& c) {
          return c.family == "cue.resolved";
        });
    slipped = slipped || pure_slip;
    // Read only for a message with damage told in it: most have none.
    std::optional<bool> job;
    const bool damage_told = std::any_of(cues.begin(), cues.end(), [](const customer::CueHit& c) {
      return c.family == "delivery.damaged";
    });
    const auto damage_is_job = [&] {
      if (!job) job = damage_told && customer::damage_is_the_job(model);
      return *job;
    };
    // "My Lightroom crashes" told earlier, then "I don't believe it's the application, it's just
    // my old computer": the customer's later word makes the earlier harms theirs too.
    if (customer::says_not_us(model, cues))
      std::erase_if(out.intents, [](const Intent& i) { return is_harm(i.id); });
    // "You were brilliant, I'll tell everyone", "where can I leave a review?": talk of reviews
    // in a warm message that holds nothing against us is praise, not a threat.
    const bool praise =
        compound >= 0.5 && std::none_of(cues.begin(), cues.end(), [](const auto& c) {
          return (is_threat(c.family) && c.family != "review-threat") || is_harm(c.family) ||
                 c.family == "cue.exasperation" || c.family == "problem.reported" ||
                 c.family == "cancellation";
        });
    for (const auto& cue : cues) {
      if (praise && cue.family == "review-threat") continue;
      // A problem counts when the customer raised it after the agent's last reply: one the
      // agent has answered ("thanks, that worked!") is owed no new apology.
      if (cue.family == "problem.reported" && (own_slip || !r.unaddressed[k])) continue;
      // Silence the agent has since broken with an answer is owed no new line for it.
      if (cue.family == "contact.unanswered" && !r.unaddressed[k]) continue;
      if (is_harm(cue.family) && in_slip(cue.bytes)) continue;
      // Damage to a thing of theirs, not a fault in our product or service ("please fix this!"
      // about our app asks us to mend our own).
      if ((cue.family == "delivery.damaged" || cue.family == "problem.reported") && damage_is_job())
        continue;
      // Owning a slip is no new complaint; anything else the lexicon finds is.
      last_raises = last_raises || (last && cue.family != "cue.self-error" &&
                                    cue.family != "cue.resolved" && cue.family != "cue.courtesy" &&
                                    cue.family != "cue.not-us" && cue.family != "problem.reported");
      if (!has_family(cue.family)) families.push_back(cue.family);
      if (!recurrence && (cue.family == "cue.recurring" || cue.family == "cue.recurring-weak"))
        recurrence = Intent{"problem.recurring", index, cue.bytes};
      if (cue.family == "cue.exasperation") ++r.exasperation;
      heated = heated || cue.family == "cue.exasperation" || cue.family == "cue.repeat" ||
               cue.family == "cue.recurring" || is_threat(cue.family) ||
               cue.family == "broken-promise" || cue.family == "billing.refund-late" ||
               (cue.family == "delivery.late" && !asks_where(text, cue.bytes)) ||
               cue.family == "delivery.lost" || cue.family == "service.failure";
      if (cue.family.starts_with("cue.")) continue;
      if (!out.has_intent(cue.family))
        out.intents.push_back({std::string(cue.family), index, cue.bytes});
    }
    // "The skip was booked for 9-11. It's 2:30 now": lateness told by the clock alone.
    if (const auto late = customer::due_time_passed(model);
        late && !out.has_intent("delivery.late") && !own_slip) {
      out.intents.push_back({"delivery.late", index, *late});
      heated = true;
      last_raises = last_raises || last;
    }
    if (r.unaddressed[k]) {  // calm: no heated cue, no "!!" or shouting, no strong negativity
      read_since_answer = true;
      heated_since_answer = heated_since_answer || heated || words.shout.longest_mark_run > 1 ||
                            words.shout.caps_words > 1 || compound <= -0.5;
    }
    const auto stated = customer::stated_wait_minutes(text);
    if (stated && (!r.stated_wait || *stated > *r.stated_wait)) r.stated_wait = stated;
    if (!r.wait_start) {  // the oldest message that names a start: the longest wait
      r.wait_start = customer::stated_wait_start(text);
      if (!r.wait_start) r.wait_start = customer::request_then_silence_start(text, cues);
      r.wait_start_message = k;
    }
    const customer::Shouting& s = words.shout;
    // The last message reads as a plain question: it asks (one '?', not "??"), without
    // shouting, exasperation or a threat. VADER and the length term score such questions as
    // mildly negative ("no tracking link yet. Is that normal?"); frustration should not.
    if (last) {
      r.last_asks = text.find('?') != std::string_view::npos && s.longest_mark_run <= 1;
      r.calm_question = r.last_asks && !heated && s.caps_words <= 1 && !stated;
      // "Is there a setting I need to change?": a calm how-to question is owed an answer, not an
      // apology, whatever problem words surround it.
      if (const auto how_to = customer::asks_how_to(model, cues);
          how_to && r.calm_question && r.unanswered[k])
        out.intents.push_back({"how-to", index, *how_to});
    }
    r.shout.caps_share = std::max(r.shout.caps_share, s.caps_share);
    r.shout.caps_words += s.caps_words;
    r.shout.longest_mark_run = std::max(r.shout.longest_mark_run, s.longest_mark_run);
    r.shout.exclamations += s.exclamations;
    english.add(words.english);
    if (r.unaddressed[k]) {  // a problem the agent has answered is not read
      read_texts.push_back(text);
      scoped = scoped || !problem_scope.empty();
      if (problem_scope.empty())
        learned.add(model);
      else
        learned.add(TextModel(problem_scope));
    }
  }
  // Sentiment: the mean over the customer's recent messages (frustration persists across
  // turns; a polite last line after three angry ones is still an upset customer).
  out.sentiment = compound_sum / static_cast<double>(r.picked.size());
  // "Again" and "still" mean repeat contact only about a problem ("still broken"), not in
  // "try again" or "can I still download them".
  // "Where's my parcel? It's for Friday." asked calmly, with no days or hours told, asks where
  // it is; with time passed ("it's been 12 days") it tells of a late delivery.
  if (r.calm_question && r.last_time_words == 0 && !r.stated_wait)
    std::erase_if(out.intents, [&](const Intent& i) {
      return i.id == "delivery.late" &&
             asks_where(std::string_view(history[i.message_index].text), i.evidence);
    });
  // A threat or a request for a manager that the agent has since answered (a reply more than a
  // holding line came after it), with the customer carrying on calmly since ("Great, that's
  // sorted. While I'm here, do you sell gift cards?"), is no longer owed an acknowledgement. With
  // no message of the customer's since that reply, or a heated one, it still is.
  if (read_since_answer && !heated_since_answer)
    std::erase_if(out.intents, [&](const Intent& i) {
      if (!is_threat(i.id)) return false;
      const auto at = std::find(r.picked.begin(), r.picked.end(), i.message_index);
      return at != r.picked.end() &&
             !r.unaddressed[static_cast<std::size_t>(at - r.picked.begin())];
    });
  r.harmed = std::any_of(out.intents.begin(), out.intents.end(),
                         [](const Intent& i) { return is_harm(i.id); });
  // Repeat contact is having to write to us again; a fault that recurs ("every time I open
  // it") or a count of something else is not, though it weighs the same as a grievance.
  out.repeat_contact = has_family("cue.repeat") || (r.harmed && has_family("cue.repeat-weak"));
  r.recurring = has_family("cue.recurring") || (r.harmed && has_family("cue.recurring-weak"));
  if (out.has_intent("product.bug") && (out.repeat_contact || r.recurring)) {
    const Intent& bug = *std::find_if(out.intents.begin(), out.intents.end(),
                                      [](const Intent& i) { return i.id == "product.bug"; });
    out.intents.push_back({"product.bug.recurring", bug.message_index, bug.evidence});
  } else if (r.recurring && !out.repeat_contact && recurrence) {
    // The apology it is owed names the recurrence (apology.owed.recurring), not a new contact.
    out.intents.push_back(*recurrence);
  }
  r.last_answers =
      r.picked.back() > 0 && history[r.picked.back() - 1].role == Role::agent && !last_raises;
  out.english_confidence = english.confidence();
  const auto learned_p = learned.customer_probabilities();
  out.problem_report = learned_p.problem;
  out.feeling_report = learned_p.feeling;
  if (scoped) {
    customer::WordModelReading feeling;
    for (const std::string_view t : read_texts) feeling.add(TextModel(t));
    out.feeling_report = feeling.customer_probabilities().feeling;
  }
  // Apologising for asking a favour is courtesy: read like owning a slip.
  r.own_slip = slipped;
  r.self_error = slipped || has_family("cue.courtesy");
  out.grievance = grievance(r, out);
  return r;
}

CustomerSignals customer::finish_signals(const HistoryReading& r, const Context& ctx) {
  CustomerSignals out = r.signals;
  if (!out.has_customer) return out;
  // Waiting by timestamps: from the first unanswered customer message to now. Messages
  // without a time, and times after `now`, don't count. What the customer says they waited
  // counts when it is longer.
  const bool now_known = ctx.now.time_since_epoch().count() != 0;
  for (std::size_t k = 0; k < r.picked.size(); ++k) {
    if (r.picked[k] >= ctx.history.size()) break;  // not the history it was read from
    const Message& m = ctx.history[r.picked[k]];
    if (!r.unanswered[k] || !m.at || !now_known || *m.at > ctx.now) continue;
    out.waited_minutes = std::chrono::duration<double>(ctx.now - *m.at).count() / 60.0;
    break;
  }
  if (r.stated_wait && (!out.waited_minutes || *r.stated_wait > *out.waited_minutes))
    out.waited_minutes = r.stated_wait;
  // A wait stated by when it began is placed against the time its message was written.
  if (r.wait_start && r.wait_start_message < r.picked.size() &&
      r.picked[r.wait_start_message] < ctx.history.size()) {
    const Message& m = ctx.history[r.picked[r.wait_start_message]];
    const auto written = m.at ? *m.at : ctx.now;
    const bool known = m.at || now_known;
    if (const auto since =
            known ? customer::minutes_since(*r.wait_start, written, now_known ? ctx.now : written)
                  : std::nullopt;
        since && (!out.waited_minutes || *since > *out.waited_minutes))
      out.waited_minutes = since;
  }

  // Frustration: a weighted sum of cues, squashed to 0..1. The weights were fitted for rank
  // correlation with the annotators of the TWCS frustration set (docs/quality.md): how
  // negative the conversation has been weighs most, then harm, threats, exasperation words,
  // negations ("no refund", "haven't heard") and length.
  int threats = 0;
  for (const auto& i : out.intents) threats += is_threat(i.id);
  // Mild negativity is VADER noise on plain support questions ("no rush", "wrong address");
  // only what goes beyond -0.3 counts.
  double raw =
      0.15 * std::max(0.0, -r.last_compound - 0.3) + 0.55 * std::max(0.0, -out.sentiment - 0.3);
  raw -= 0.2 * std::max(0.0, out.sentiment);  // a warm customer is not a frustrated one
  raw += 0.12 * std::min(r.exasperation, 3) + 0.15 * r.shout.caps_share;
  raw += 0.12 * std::min(threats, 2) + (r.harmed ? 0.1 : 0.0);
  raw += 0.05 * std::log1p(out.last_customer_words) + 0.06 * std::min(r.negations, 4);
  raw += (out.has_intent("broken-promise") ? 0.1 : 0.0) +
         (out.repeat_contact || r.recurring ? 0.05 : 0.0);
  raw += 0.04 * std::min(r.shout.longest_mark_run, 3);
  // Fitted later on the latest message alone (even dialogues of the TWCS set, docs/quality.md):
  // talk of hours and days when no wait was read otherwise, thanks (a calmer customer) and
  // whether the message answers the agent.
  const bool long_wait = out.waited_minutes && *out.waited_minutes >= 30;
  if (long_wait)
    raw += 0.15;
  else
    raw += 0.05 * std::min(r.last_time_words, 3);
  if (r.last_thanks) raw -= 0.17;
  // A reply to the agent that raises nothing new mostly supplies what was asked; the complaint
  // came in the message that opened the thread.
  if (r.last_answers) raw -= 0.06;
  if (r.calm_question && r.picked.size() == 1) raw -= 0.1;
  // Owning a slip of their own ("I typed the wrong postcode") reads negative to VADER but is not
  // frustration with us.
  if (r.self_error && !r.harmed) raw -= 0.25;
  out.frustration = std::clamp(1.0 - std::exp(-1.6 * std::max(0.0, raw)), 0.0, 1.0);
  return out;
}

CustomerSignals analyze_customer(const Context& ctx) {
  return customer::finish_signals(customer::read_history(ctx.history), ctx);
}

}  // namespace tactful
