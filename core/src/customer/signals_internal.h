// Pieces of the customer analysis, each pure and linear in its input. Internal to core.
#pragma once

#include <chrono>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tactful/customer.h"
#include "tactful/text.h"

namespace tactful::customer {

// One match of the intent lexicon in a message: its family id ("billing.refund", "cue.repeat")
// and the bytes it covers.
struct CueHit {
  std::string_view family;
  Span bytes;
};

// Whether `t` is a word token whose normal form is one of `words`.
inline bool word_is(const Token& t, std::initializer_list<std::string_view> words) {
  if (t.kind != TokenKind::word) return false;
  for (std::string_view w : words)
    if (t.norm == w) return true;
  return false;
}

// Every non-negated lexicon match in `text` (whose model is `model`).
std::vector<CueHit> find_cues(const TextModel& model);

// The customer as the doer of a lapse ("I completely forgot to book", "we overslept", "I feel so
// stupid"; customer/own_lapse.cc): one `cue.self-error` hit per sentence that tells one.
void find_own_lapse(const TextModel& model, std::vector<CueHit>& out);

// Work of ours that has failed, told in plain words (customer/our_work.cc): "the seam you glued
// has opened again", "the varnish started flaking after a week". One `problem.reported` hit per
// sentence that tells one.
void find_our_work_failed(const TextModel& model, std::vector<CueHit>& out);

// A problem word in a hypothetical, a worry or a how-to question, or what the customer left
// undone (customer/cues.cc): no report of harm. `first` is the hit's first token.
bool not_a_report(const TextModel& model, std::size_t first);

// Whether the role word at token `role` ("manager", "supervisor") asks for someone of ours
// (customer/role_title.cc). Not when it names the customer's own job or boss: a sign-off ("Ruth
// Adeyemi, Practice Manager"), "I'm the site manager", "my manager". Not when it is only told
// of: its sentence must ask (a verb of asking or a question word before it, "now"/"please"/
// "needs to"/"!" after it) or be a few words around it ("Manager please."); "the manager at your
// other shop was lovely" and "I spoke to your manager last week" ask for no one. True for any
// token that is not a role word.
bool role_asks_for_ours(const TextModel& model, std::size_t role);

// Whether an agent's message only holds the thread ("Let me ask the workshop.", "Looking
// into it now."; customer/holding_reply.cc): a problem told before it is still unanswered.
bool holding_reply(std::string_view text);
// The phrases holding_reply looks for, lower-case (for its tests).
std::span<const std::string_view> holding_phrases();

// RE2's \s ([\t\n\f\r ], not \v) and \w (ASCII letters, digits, '_'; what its \b reads), as the
// stated-wait readers that stand in for their regexes test bytes.
inline bool re2_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
inline bool re2_word(char c) {
  const char l = static_cast<char>(c | 0x20);
  return (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// Minutes the customer says they waited ("on hold for an hour", "3 days and no answer").
std::optional<double> stated_wait_minutes(std::string_view text);
// The same in one step: each regex asked for its captures directly (RE2::FindAndConsume).
// Several times slower; kept as the definition the two-step form is tested against.
std::optional<double> stated_wait_minutes_reference(std::string_view text);
// The captures of waiting.cc's amount regex, (?i)\b AMOUNT, matched at `begin` of `text` and
// ending by `end`: the amount ("an", "2.5", "a couple of"), "and a half " before the unit, the
// unit, " and a half" after it (empty spans for the halves not there). `amount_at` reads them by
// hand (wait_amount.cc) and is for ASCII texts only; `amount_at_reference` asks RE2 (waiting.cc).
// Both give the first parse by the regex's priorities; nullopt when none ends by `end`.
struct AmountCaptures {
  Span amount, half_before, unit, half_after;
  friend bool operator==(const AmountCaptures&, const AmountCaptures&) = default;
};
std::optional<AmountCaptures> amount_at(std::string_view text, std::size_t begin, std::size_t end);
std::optional<AmountCaptures> amount_at_reference(std::string_view text, std::size_t begin,
                                                  std::size_t end);
// Where a match of the amount regex can start in an ASCII text (customer/amount_starts.cc),
// over-approximated: `may_start_an_amount` is true at every byte a match can start at, and a
// match whose unit starts at `unit` starts at or after amount_window_start(text, unit).
bool may_start_an_amount(std::string_view text, std::size_t at);
// The first byte in [from, to) where may_start_an_amount is true, or `to`.
std::size_t next_amount_start(std::string_view text, std::size_t from, std::size_t to);
std::size_t amount_window_start(std::string_view text, std::size_t unit);
// Whether the duration a wait regex matched at [begin, end) of `text` is no wait for us to
// answer (wait_for_us.cc): a wait still to come for a rebooking, "a day's pay", a finished wait
// for a thing ("waited an hour for your tow"), waiting in for a visit, time since an event.
bool no_wait_for_us(std::string_view text, std::size_t begin, std::size_t end);

// When the customer says a wait began ("waiting since Monday", "no reply since 9am", "on hold
// since this morning"), without a date: placed against the time of writing by minutes_since.
struct WaitStart {
  enum class Kind : unsigned char {
    clock,          // value: minutes after midnight, the same day (or the day before)
    weekday,        // value: 0 = Sunday .. 6 = Saturday, the last such day before
    from_midnight,  // value: minutes from the midnight that began the day of writing (< 0: before)
  } kind;
  int value;
  bool operator==(const WaitStart&) const = default;
};
std::optional<WaitStart> stated_wait_start(std::string_view text);
// A request made at a point in time, then silence in the same sentence ("I emailed on Monday and
// nobody has replied", "sent my form last week and haven't heard back"): the start is the
// request's time, read from the `cue.request-time` and `cue.silence` hits of find_cues.
std::optional<WaitStart> request_then_silence_start(std::string_view text,
                                                    std::span<const CueHit> cues);
// Minutes from the start to `until` (the draft's time, or `written` when earlier), for a
// message written at `written` (UTC: the customer's own clock is not known, so a clock time
// placed over 18 hours back is not trusted). nullopt when it comes to no time at all.
std::optional<double> minutes_since(const WaitStart& start, std::chrono::sys_seconds written,
                                    std::chrono::sys_seconds until);

// The learned problem reading reads a message without the sentences that tell the customer's own
// slip ("I forgot my password", "my dad lost his phone"; customer/problem_scope.cc), unless the
// sentence also points at us ("... but your reset link never came"). Returns the text with those
// sentences blanked, or "" when none is; adds the bytes of each blanked sentence to *pure_slips.
std::string problem_text(const TextModel& model, std::span<const CueHit> cues,
                         std::vector<Span>* pure_slips);
// The customer says the trouble is not ours ("I don't believe it's the app, it's just my old
// computer") in a sentence that does not also point at us.
bool says_not_us(const TextModel& model, std::span<const CueHit> cues);
// The message asks us to do or price a job ("could you look at it this Friday?", "how much to
// reglaze it?") and nothing in it makes the damaged thing ours: the damage it tells is the job, not
// a harm of ours ("hail dented the bonnet"). job_request.cc.
bool damage_is_the_job(const TextModel& model);
// Lateness told by the clock in one message: a time we were due by ("due between 9 and 11",
// "booked for 9:30") and a time now past it ("It's 2:30."). The span of the time now, or none.
// due_time.cc.
std::optional<Span> due_time_passed(const TextModel& model);
// Sentence `sentence` of `model` asks what the customer can do, ending in one '?': "how do I
// ...", "is there a way ...", "can I ...", "what do I ...", or a hypothetical ("if I cancel now,
// do I get a refund?").
bool how_to_question(const TextModel& model, std::size_t sentence);
// The message leads with a how-to question (or announces one first) and tells no harm, threat
// or exasperation: the customer asks how to do something (intent "how-to"). Its bytes, or
// nullopt.
std::optional<Span> asks_how_to(const TextModel& model, std::span<const CueHit> cues);

// Share-based confidence (0..1) that the customer writes English, counted over the models of
// their messages (already tokenized for the other signals). Tokens never cross a line break,
// so this equals counting over the messages joined with '\n'.
struct EnglishCounts {
  int words = 0, english = 0, non_latin = 0, accented = 0;
  void add(const EnglishCounts& message);  // another message's counts
  double confidence() const;
};

// Share of words written in capitals (of words with at least 3 letters), and the longest run
// of "!"/"?" marks, for frustration.
struct Shouting {
  double caps_share = 0;
  int caps_words = 0;
  int longest_mark_run = 0;
  int exclamations = 0;
};

// What one walk over a message's tokens reads (customer/message_words.cc), for the readers that
// each walked them before: its English counts, its shouting, and whether sentiment_text must
// copy the text to leave out a URL, an email, a placeholder, an id or an upper-case "PO".
struct MessageWords {
  EnglishCounts english;
  Shouting shout;
  bool hides_from_sentiment = false;
};
MessageWords read_message_words(const TextModel& model);
// The function words EnglishCounts counts (for its tests).
std::span<const std::string_view> function_words();

// What the customer's messages say, whatever the time of the draft: `signals` is complete but
// for the waiting time by timestamps and the frustration that depends on it. Reading is most
// of the customer analysis; splitting it off lets a caller read a conversation's history once
// and finish it for every draft (PreparedHistory).
struct HistoryReading {
  CustomerSignals signals;          // waited_minutes and frustration not yet set
  std::vector<std::size_t> picked;  // the customer messages read, oldest first
  std::vector<char> unanswered;     // by picked index: after the agent's last message
  // By picked index: after the agent's last message that answers something, not one that only
  // holds the thread ("let me check"; holding_reply). The problem readings read these.
  std::vector<char> unaddressed;
  std::optional<double> stated_wait;
  std::optional<WaitStart> wait_start;  // the earliest-read start of a wait, and its message
  std::size_t wait_start_message = 0;   // by picked index
  double last_compound = 0;
  int exasperation = 0, negations = 0;
  // The latest message on its own: what the annotators of the TWCS frustration set weighed
  // beyond the sentiment (docs/quality.md).
  int last_time_words = 0;    // "hours", "days", "waiting": how long it has taken
  bool last_thanks = false;   // thanks, not "thanks for nothing"
  bool last_answers = false;  // it follows an agent's message and the lexicon finds nothing in it
  Shouting shout;
  bool calm_question = false;    // the last customer message is a plain question
  bool last_asks = false;        // the last customer message asks (one '?', not "??")
  bool last_challenges = false;  // it asks "why", "where" or "how come": a complaint's question
  bool last_holds_us = false;  // it tells of us: "your treatment", "you cancelled" (not "can you")
  bool harmed = false, self_error = false;
  bool own_slip = false;   // some message tells a pure slip of the customer's own
  bool recurring = false;  // a fault that recurs, told without a repeat contact
};
HistoryReading read_history(std::span<const Message> history);

// Adds to `r` what the latest customer message's words tell on their own: its negations, words
// of elapsed time, thanks (not "thanks for nothing"), a complaint's question ("why", "how come")
// and a statement about us ("your", "you" not asking a favour). One pass over its tokens.
void read_last_words(const TextModel& model, HistoryReading& r);

// The signals for a draft at ctx.now: waiting (timestamps of ctx.history, whose roles must be
// those the reading was made from, or stated) and frustration.
CustomerSignals finish_signals(const HistoryReading& reading, const Context& ctx);

}  // namespace tactful::customer
