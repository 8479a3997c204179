// Work of ours that has failed, told in plain words: "the seam you glued has opened again", "the
// pump you fitted is leaking", "the varnish has started flaking after a week". Read by the shape
// of the sentence rather than by listed phrases, since every trade names its work and its faults
// differently. Two shapes:
//  - our work, then a fault: "you" + a past verb ("the hinge you replaced", "you rewired it and"),
//    "your <doer> <past verb>" ("the tiles your team laid") or "after your/the repair|service|...",
//    with a fault word in the same sentence;
//  - an early failure: a fault word, then "after|within|in" + an amount ("after two washes",
//    "within a minute", "in a month") or "on the second <use>", the time it lasted being the
//    complaint. A sentence that
//    names someone else as the doer ("the shelf my brother put up") tells of no work of ours.
// Either gives one `problem.reported` hit per sentence. Questions, hypotheticals and worries are
// no report (not_a_report), and a slip of the customer's own or a problem the agent has answered
// are dropped later, as for every other problem hit (customer.cc).
#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "customer/signals_internal.h"
#include "text/hashed_word_set.h"

namespace tactful::customer {
namespace {

// Said, asked or agreed: verbs after "you" that tell of talk, not of work on the customer's thing.
bool talk_verb(const Token& t) {
  return word_is(t, {"said",       "asked",    "told",    "mentioned",   "wanted",  "needed",
                     "offered",    "emailed",  "called",  "phoned",      "rang",    "agreed",
                     "suggested",  "promised", "quoted",  "explained",   "advised", "confirmed",
                     "replied",    "answered", "booked",  "charged",     "billed",  "used",
                     "tried",      "expected", "noticed", "recommended", "claimed", "guaranteed",
                     "advertised", "listed"});
}

// A past verb of work done on or for the customer's thing: regular "-ed" forms and the common
// irregular ones ("sold", "hung", "sewn").
bool work_verb(const Token& t) {
  if (t.kind != TokenKind::word || talk_verb(t)) return false;
  if (t.norm.size() >= 5 && t.norm.ends_with("ed")) return true;
  return word_is(
      t, {"sold",    "sent",   "made",     "built",  "hung",  "laid",     "cut",     "sewn",
          "sewed",   "put",    "fit",      "set",    "dug",   "reground", "rebuilt", "rewound",
          "brought", "gave",   "did",      "done",   "fixed", "shod",     "spun",    "wove",
          "woven",   "strung", "restrung", "ground", "bound", "rebound",  "taught",  "rehung",
          "relaid",  "remade", "resewn",   "reset",  "refit", "resent"});
}

// Nouns of a job done for the customer: "after your repair", "after the service".
bool job_noun(const Token& t) {
  return word_is(
      t, {"repair",    "repairs",     "service",  "servicing", "fitting",      "installation",
          "install",   "refit",       "overhaul", "work",      "alterations",  "alteration",
          "treatment", "visit",       "clean",    "valet",     "regrind",      "rehair",
          "resole",    "restoration", "rewire",   "respray",   "reupholstery", "upholstery",
          "tuning",    "mot",         "makeover", "fix",       "job"});
}

// The words that say the thing has failed or is wrong.
constexpr std::string_view kFaultWords[] = {
    "stopped",    "stops",      "peeling",   "peeled",     "peels",        "lifting",
    "lifted",     "sticking",   "sticks",    "stuck",      "jams",         "jammed",
    "jamming",    "drifts",     "drifting",  "drifted",    "rusted",       "rusting",
    "rusts",      "slack",      "loose",     "leaking",    "leaks",        "leaked",
    "leaky",      "cracked",    "cracking",  "split",      "splitting",    "broke",
    "broken",     "snapped",    "burnt",     "burned",     "blown",        "failed",
    "fails",      "failing",    "died",      "dead",       "rubbing",      "rubs",
    "wobbles",    "wobbling",   "wobbly",    "squeaks",    "squeaking",    "rattles",
    "rattling",   "dripping",   "drips",     "faded",      "fading",       "flaking",
    "flaked",     "chipped",    "chipping",  "torn",       "tore",         "ripped",
    "frayed",     "fraying",    "wrong",     "worse",      "derails",      "crooked",
    "wonky",      "blotchy",    "patchy",    "bubbling",   "bubbled",      "sagging",
    "sags",       "sagged",     "slipping",  "slips",      "overheats",    "overheating",
    "tripping",   "blocked",    "clogged",   "scratchy",   "scratchier",   "shrunk",
    "shrank",     "warped",     "collapsed", "falling",    "fell",         "bent",
    "misaligned", "unravelled", "unraveled", "separating", "delaminating", "buckled",
    "buckling",   "seized",     "corroded",  "cloudy",     "smeared",      "smudged",
    "uneven",     "lopsided",   "crumbling", "crumbled",   "perished",     "disintegrated",
    "smoked",     "smoking",    "undone",    "pooling",    "seeping",      "seeps",
    "seeped"};

// The words after which a fault is read from the words around them: "scratchier than before",
// "doesn't close", "no longer holds", "opened again", "came apart".
constexpr std::string_view kPivotWords[] = {"than",  "doesn't", "won't", "isn't", "aren't", "don't",
                                            "can't", "no",      "again", "apart", "undone", "open"};

// Every word of a customer message is looked up in these: the 1,024-bit filter turns most away
// in a few instructions, and the word itself is compared once after the probe (a hash alone could
// be another word's).
constexpr auto kFaultSet = HashedWordSet<8, 16>::of(kFaultWords);
constexpr auto kPivotSet = HashedWordSet<5, 16>::of(kPivotWords);
static_assert(kFaultSet.ok() && kPivotSet.ok());

bool fault_word(const Token& t) {
  return t.kind == TokenKind::word && kFaultSet.contains(t.hash, t.norm);
}

bool pivot_word(const Token& t) {
  return t.kind == TokenKind::word && kPivotSet.contains(t.hash, t.norm);
}

// "Scratchier than before", "louder than it was": a comparative with "than before|it was|when".
bool worse_than_before(const TextModel& model, std::size_t i, std::size_t end) {
  const auto& tokens = model.tokens;
  if (i + 2 >= end || !word_is(tokens[i + 1], {"than"})) return false;
  const Token& t = tokens[i];
  return t.kind == TokenKind::word && t.norm.size() > 4 && t.norm.ends_with("er") &&
         word_is(tokens[i + 2], {"before", "it", "they", "when", "ever"});
}

// "Opened again", "came apart", "split open": a thing that gave way. "Worked again" does not.
bool gave_way(const TextModel& model, std::size_t i, std::size_t end) {
  const auto& tokens = model.tokens;
  if (i + 1 >= end || tokens[i].kind != TokenKind::word) return false;
  if (word_is(tokens[i + 1], {"apart", "undone", "open"}))
    return word_is(tokens[i], {"came", "come", "comes", "coming", "split", "burst", "gone", "went",
                               "fallen", "fell", "falling", "ripped", "torn", "tore"});
  return word_is(tokens[i + 1], {"again"}) &&
         word_is(tokens[i], {"opened", "opens", "opening", "gone", "went", "happened", "happening",
                             "started", "starting", "back", "out", "off", "up"});
}

// "Doesn't close", "won't start", "no longer holds": the thing does not do its job.
bool does_not_work(const TextModel& model, std::size_t i, std::size_t end) {
  const auto& tokens = model.tokens;
  if (i + 1 >= end) return false;
  const bool neg = word_is(tokens[i], {"doesn't", "won't", "isn't", "aren't", "don't", "can't"}) ||
                   (word_is(tokens[i], {"no"}) && word_is(tokens[i + 1], {"longer"}));
  const std::size_t v = i + 1 + word_is(tokens[i + 1], {"longer"});
  return neg && v < end &&
         word_is(tokens[v],
                 {"work",   "works",   "working", "fit",   "fits",   "close", "closes", "open",
                  "opens",  "lock",    "locks",   "start", "starts", "hold",  "holds",  "stay",
                  "stays",  "run",     "runs",    "heat",  "heats",  "drain", "drains", "flush",
                  "charge", "charges", "turn",    "turns", "seal",   "seals", "grip"});
}

// An amount of time or use after "after", "within" or "in": "a week", "two swims", "3 days",
// "a couple of uses". For "in", a unit of time must follow ("in a month", not "in a box").
bool early_amount(const TextModel& model, std::size_t i, std::size_t end) {
  const auto& tokens = model.tokens;
  // "On the second firing", "on its third wash": the count of uses it lasted.
  if (word_is(tokens[i], {"on"}) && i + 3 < end &&
      word_is(tokens[i + 1], {"the", "its", "their", "my", "our", "his", "her"}) &&
      word_is(tokens[i + 2], {"first", "second", "third", "fourth", "fifth"}) &&
      tokens[i + 3].kind == TokenKind::word)
    return true;
  if (!word_is(tokens[i], {"after", "within", "in"}) || i + 2 >= end) return false;
  if (i > 0 && word_is(tokens[i - 1], {"for"})) return false;
  std::size_t k = i + 1;
  if (word_is(tokens[k], {"just", "only", "barely", "less", "under", "about", "around"})) ++k;
  if (k < end && word_is(tokens[k], {"than"})) ++k;
  if (k + 1 >= end) return false;
  if (word_is(tokens[k], {"a", "couple"}) && k + 2 < end &&
      word_is(tokens[k + 1], {"couple", "few"}))
    k += 2 + word_is(tokens[k + 2], {"of"});
  else if (tokens[k].kind == TokenKind::number ||
           word_is(tokens[k], {"a", "an", "one", "two", "three", "four", "five", "six", "seven",
                               "eight", "nine", "ten", "twelve", "its", "the", "her", "his"}))
    ++k;
  else
    return false;
  if (k < end && word_is(tokens[k], {"first", "second", "third", "single", "few"})) ++k;
  if (k >= end || tokens[k].kind != TokenKind::word) return false;
  if (!word_is(tokens[i], {"in"})) return true;
  return word_is(tokens[k], {"day", "days", "week", "weeks", "month", "months", "fortnight", "hour",
                             "hours", "minute", "minutes", "morning", "night", "nights"});
}

// "It stuck last time", "it used to leak", "before you fixed it": the fault told is from before
// our work, not what it did.
bool fault_from_before(const TextModel& model, const TextModel::Sentence& s) {
  const auto& tokens = model.tokens;
  for (std::size_t i = s.first_token; i + 1 < s.end_token; ++i) {
    const Token& t = tokens[i];
    if (word_is(t, {"previously", "originally"}) ||
        (word_is(t, {"before"}) && word_is(tokens[i + 1], {"you", "your", "the", "it"})) ||
        (word_is(t, {"last", "used"}) &&
         word_is(tokens[i + 1], {"time", "year", "one", "to", "winter", "summer"})))
      return true;
  }
  return false;
}

// "The shelf my brother put up", "the tiles our builder laid", "an older one (not yours)",
// "someone else fitted it": someone else did the work.
bool others_did_it(const TextModel& model, const TextModel::Sentence& s) {
  const auto& tokens = model.tokens;
  for (std::size_t i = s.first_token; i < s.end_token; ++i) {
    const Token& t = tokens[i];
    if (word_is(t, {"someone", "somebody"}) ||
        (word_is(t, {"not"}) && i + 1 < s.end_token &&
         word_is(tokens[i + 1], {"yours", "you", "your", "ours"})))
      return true;
  }
  for (std::size_t i = s.first_token; i + 2 < s.end_token; ++i) {
    if (!word_is(tokens[i], {"my", "our", "another", "a"})) continue;
    if (!word_is(tokens[i + 1],
                 {"brother",  "sister",    "husband",  "wife",     "partner", "dad",
                  "father",   "mum",       "mom",      "mother",   "son",     "daughter",
                  "friend",   "neighbour", "neighbor", "builder",  "plumber", "electrician",
                  "handyman", "mechanic",  "landlord", "uncle",    "cousin",  "company",
                  "firm",     "garage",    "shop",     "previous", "old",     "local"}))
      continue;
    if (work_verb(tokens[i + 2]) || word_is(tokens[i + 2], {"who", "had", "has"})) return true;
  }
  return false;
}

// "No more slipping", "not cracked or faded at all", "has stopped dripping", "no longer leaks":
// the fault word is denied (a negation up to four words before it, in the same clause), or says
// a fault has ended (praise of the work, not a complaint).
bool denied(const TextModel& model, std::size_t i, std::size_t first) {
  const auto& tokens = model.tokens;
  for (std::size_t k = i; k-- > first && k + 4 >= i;) {
    const Token& t = tokens[k];
    if (t.kind != TokenKind::word || word_is(t, {"but", "yet", "though"})) return false;
    if (word_is(t, {"no", "not", "never", "without", "longer", "more", "nothing", "anything",
                    "hardly", "barely", "stopped", "stops", "none"}) ||
        t.norm.ends_with("n't"))
      return true;
  }
  return false;
}

// The first token of a mention of our work in the sentence ("the X you <past verb>", "your
// <doer> <past verb>", "after your/the <job>"), or SIZE_MAX.
std::size_t our_work_at(const TextModel& model, const TextModel::Sentence& s) {
  const auto& tokens = model.tokens;
  const std::size_t end = s.end_token;
  for (std::size_t i = s.first_token; i < end; ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::word) continue;
    std::size_t v = i + 1;
    // "You" as the doer of the work, not asked for it ("can you fit a new one?", "if you sent
    // it").
    const bool asked =
        i > s.first_token &&
        word_is(tokens[i - 1], {"can", "could", "would", "will", "do", "did", "should", "please",
                                "to", "if", "when", "once", "unless", "have", "had", "thank"});
    if (word_is(t, {"you", "you've"}) && !asked) {
      while (v < end && word_is(tokens[v], {"have", "guys", "just", "only", "recently", "lot",
                                            "kindly", "had"}))
        ++v;
      if (v < end && work_verb(tokens[v])) return i;
    } else if (word_is(t, {"your"})) {
      // "The carpet your team laid", "the boiler your engineer fitted".
      while (v < end && v <= i + 2 && tokens[v].kind == TokenKind::word && !work_verb(tokens[v]))
        ++v;
      if (v > i + 1 && v < end && v <= i + 3 && work_verb(tokens[v])) return i;
    } else if (word_is(t, {"after"}) && i + 2 < end &&
               word_is(tokens[i + 1], {"your", "the", "its", "their"}) && job_noun(tokens[i + 2])) {
      return i;
    }
  }
  return SIZE_MAX;
}

}  // namespace

void find_our_work_failed(const TextModel& model, std::vector<CueHit>& out) {
  const auto& tokens = model.tokens;
  for (const auto& s : model.sentences) {
    const std::size_t end = s.end_token;
    // The first fault of the sentence; most sentences have none, and are read no further.
    std::size_t fault = SIZE_MAX;
    for (std::size_t i = s.first_token; i < end && fault == SIZE_MAX; ++i) {
      const Token& t = tokens[i];
      if (fault_word(t)) {
        const bool ended =
            word_is(t, {"stopped", "stops"}) && i + 1 < end &&
            tokens[i + 1].norm.ends_with("ing") &&
            !word_is(tokens[i + 1], {"working", "charging", "heating", "cooling", "running",
                                     "holding", "closing", "opening", "locking"});
        if (!ended && !denied(model, i, s.first_token)) fault = i;
      } else if (pivot_word(t)) {
        if (i > s.first_token &&
            (worse_than_before(model, i - 1, end) || gave_way(model, i - 1, end)))
          fault = i - 1;
        else if (does_not_work(model, i, end))
          fault = i;
      }
    }
    if (fault == SIZE_MAX || fault_from_before(model, s)) continue;
    const std::size_t ours = our_work_at(model, s);
    std::size_t early = SIZE_MAX;
    for (std::size_t i = fault + 1; i < end && early == SIZE_MAX; ++i)
      if (tokens[i].kind == TokenKind::word && early_amount(model, i, end)) early = i;
    const bool our_work = ours != SIZE_MAX;
    if (!our_work && (early == SIZE_MAX || others_did_it(model, s))) continue;
    const std::size_t first = our_work ? std::min(ours, fault) : fault;
    if (not_a_report(model, first)) continue;
    out.push_back({"problem.reported", {tokens[first].bytes.begin, tokens[end - 1].bytes.end}});
  }
}

}  // namespace tactful::customer
