// The LanguageTool-compatible API (/v2/check, /v2/languages) as pure functions: form parameters
// in, a validated request out; a Report in, LanguageTool's JSON out. No sockets, no clocks.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tactful/adapters/lt_form.h"
#include "tactful/engine.h"
#include "tactful/report.h"
#include "tactful/rule_set.h"

namespace tactful::lt {

// A refusal: the HTTP status LanguageTool would use (400 bad parameters, 413 text too long) and
// the message; the body on the wire is "Error: " + message as text/plain.
struct LtError {
  int status = 400;
  std::string message;
};

struct LtLimits {
  std::size_t max_text_chars = 20000;  // UTF-16 units of the original text (with markup)
};

// A validated /v2/check request. `disabled_rules` and `enabled_only` hold tactful rule ids.
struct CheckRequest {
  AnnotatedText text;
  std::string language_code = "en-US";  // what the response reports
  bool auto_language = false;
  std::vector<std::string> disabled_rules, disabled_categories, enabled_only;
  AnalyzeOptions options() const;
};

// Reads the check parameters: `language` (required: a code of languages() or "auto"), exactly
// one of `text` / `data`, enabledRules, disabledRules, enabledCategories, disabledCategories,
// enabledOnly. Everything else (level, mode, motherTongue, preferredVariants, username, apiKey,
// useragent, ...) is accepted and ignored. Rule and category ids are those check_json writes.
std::variant<CheckRequest, LtError> parse_check(const FormParams& params, const RuleSet& rules,
                                                const LtLimits& limits = {});

// The /v2/check response: software, warnings, language, matches (offsets in UTF-16 units of the
// original text, each with context, sentence, type.typeName "Hint" and rule), sentenceRanges.
std::string check_json(const Report& report, const CheckRequest& request, std::string_view version);

// The /v2/languages response: [{"name","code","longCode"}] sorted by name.
std::string languages_json();

// Rule ids as LanguageTool clients see them. tactful ids go out unchanged unless they look like
// a spelling rule (MORFOLOGIK_*, HUNSPELL_*, *_SPELLER_RULE, *_SPELLING_RULE), which editors
// would offer to "add to dictionary": those are wrapped as "TACTFUL.<id>.HINT". from_lt_rule_id
// undoes it, so ids round-trip through disabledRules.
bool looks_like_spelling_rule(std::string_view id);
std::string to_lt_rule_id(std::string_view id);
std::string from_lt_rule_id(std::string_view id);

// Category ids as clients see them: "policy-language" → "POLICY_LANGUAGE". Parsing accepts
// either form, case-insensitively.
std::string to_lt_category_id(std::string_view category);
std::string normalize_category(std::string_view id);

}  // namespace tactful::lt
