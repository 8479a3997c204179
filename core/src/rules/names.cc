#include "tactful/rule.h"

namespace tactful {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::hint:
      return "hint";
    case Severity::suggestion:
      return "suggestion";
    case Severity::warning:
      return "warning";
  }
  return "suggestion";
}

const char* to_string(RuleKind k) {
  switch (k) {
    case RuleKind::phrase:
      return "phrase";
    case RuleKind::substitute:
      return "substitute";
    case RuleKind::pattern:
      return "pattern";
    case RuleKind::require:
      return "require";
    case RuleKind::repeat:
      return "repeat";
    case RuleKind::metric:
      return "metric";
    case RuleKind::learned:
      return "learned";
  }
  return "phrase";
}

const char* to_string(Metric m) {
  switch (m) {
    case Metric::caps_words:
      return "caps_words";
    case Metric::exclamations:
      return "exclamations";
    case Metric::sentence_words:
      return "sentence_words";
    case Metric::word_count:
      return "word_count";
    case Metric::paragraph_words:
      return "paragraph_words";
  }
  return "word_count";
}

}  // namespace tactful
