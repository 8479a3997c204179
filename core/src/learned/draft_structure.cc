// The sentence shapes of blame: each word is classed once (you, us, cause, duty, document,
// pointing, a past "be", a negation) by a probe of a small hash set of the listed words; the
// shapes are then a few boolean tests per sentence.
#include "learned/draft_structure.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/hashed_word_set.h"

namespace tactful::draft {

using namespace shape_classes;

namespace {

// The word lists of eval/blame_structure.py (YOU, US, CAUSE, DUTY, DOC, POINT, BE_PAST,
// NEGATION): change both together, then refit the blame column.
struct Listed {
  std::uint32_t cls;
  std::string_view words;  // separated by single spaces
};
constexpr Listed kListed[] = {
    {kYou, "you you'd you're you've your yours yourself"},
    {kUs, "i i'd i'll i'm i've me my our us we we'd we'll we're we've"},
    {kCause,
     "because cause caused causing down due hence led means meant reason result resulted since so "
     "therefore why"},
    {kDuty,
     "accepted advised agreed asked confirmed expected given had has have informed must need "
     "needed needs obliged received required responsibility responsible should signed supposed "
     "told"},
    {kDoc,
     "agreement booklet brochure checklist conditions confirmation contract description email faq "
     "form guide handbook instructions invoice label leaflet letter listing manual notice page "
     "policy print quote receipt sign signs small terms waiver website"},
    {kPoint,
     "according clearly displayed explained mentioned noted outlined per printed said says shown "
     "specified stated states written"},
    {kBePast, "was wasn't were weren't"},
    {kNegation, "never not"},
};

}  // namespace

// The classes of the listed words by hash (a word in two lists has both bits), in a set a
// quarter full, without a filter (the listed words are among the commonest, so a filter would
// pass most words on to the probe anyway): one or two probes per word of the draft, where a
// binary search of the ~140 words took eight (the reading runs once per learned rule that
// flags, so this is paid several times a call). Built at compile time.
constexpr ClassSet shape_classes::kClasses = [] {
  ClassSet set;
  for (const Listed& l : kListed) {
    for (std::string_view rest = l.words; !rest.empty();) {
      const std::size_t space = std::min(rest.find(' '), rest.size());
      set.add(rest.substr(0, space), l.cls);
      rest.remove_prefix(std::min(space + 1, rest.size()));
    }
  }
  return set;
}();
static_assert(kClasses.ok());

std::uint32_t ShapeReader::shapes() const {
  const bool you = seen_ & kYou, us = seen_ & kUs, cause = seen_ & kCause, duty = seen_ & kDuty;
  const bool doc = seen_ & kDoc, point = seen_ & kPoint;
  const std::array<bool, kShapes> shows = {you && !us,
                                           you && cause,
                                           you && duty,
                                           doc && (you || point),
                                           doc && point,
                                           you && !us && (cause || duty),
                                           you && !us && passive_};
  std::uint32_t out = 0;
  for (std::size_t k = 0; k < kShapes; ++k)
    if (shows[k]) out |= 1u << k;
  return out;
}

std::uint32_t sentence_shapes(const TextModel& text, std::span<const char> token_skipped,
                              std::size_t s) {
  const auto& sentence = text.sentences[s];
  const auto& tokens = text.tokens;
  ShapeReader reader;
  for (std::size_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const bool counts =
        tokens[i].kind == TokenKind::word && !(i < token_skipped.size() && token_skipped[i]);
    if (counts)
      reader.word(tokens[i]);
    else
      reader.gap();
  }
  return reader.shapes();
}

}  // namespace tactful::draft
