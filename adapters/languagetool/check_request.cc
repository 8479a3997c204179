// Reading a /v2/check request from its form parameters.
#include <algorithm>
#include <set>

#include "languages.h"
#include "tactful/adapters/languagetool.h"

namespace tactful::lt {
namespace {

std::vector<std::string> split_list(const std::string* value) {
  std::vector<std::string> out;
  if (!value) return out;
  std::size_t pos = 0;
  while (pos <= value->size()) {
    std::size_t comma = value->find(',', pos);
    if (comma == std::string::npos) comma = value->size();
    std::string item = value->substr(pos, comma - pos);
    const auto b = item.find_first_not_of(" \t"), e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    pos = comma + 1;
  }
  return out;
}

bool truthy(const std::string* v) {
  return v && (*v == "true" || *v == "TRUE" || *v == "True" || *v == "1");
}

}  // namespace

AnalyzeOptions CheckRequest::options() const {
  AnalyzeOptions o;
  o.disabled_rules = disabled_rules;
  o.disabled_categories = disabled_categories;
  o.enabled_only = enabled_only;
  return o;
}

std::variant<CheckRequest, LtError> parse_check(const FormParams& params, const RuleSet& rules,
                                                const LtLimits& limits) {
  CheckRequest r;
  const std::string* language = params.get("language");
  if (!language || language->empty())
    return LtError{400, "Missing 'language' parameter. Use 'auto' or a code from /v2/languages."};
  if (*language == "auto") {
    r.auto_language = true;
  } else if (const Language* l = find_language(*language)) {
    r.language_code = l->long_code;
  } else {
    return LtError{400, "'" + language->substr(0, 40) +
                            "' is not a language code known to tactful (see /v2/languages)"};
  }

  const std::string* text = params.get("text");
  const std::string* data = params.get("data");
  if (text && data) return LtError{400, "Set only one of the parameters 'text' or 'data'"};
  if (!text && !data) return LtError{400, "Missing 'text' or 'data' parameter"};
  if (text) {
    r.text = AnnotatedText::from_text(*text);
  } else {
    auto parsed = parse_annotated_data(*data);
    if (!parsed.ok()) return LtError{400, parsed.error().message};
    r.text = std::move(parsed).value();
  }
  const std::size_t units = Utf16Index(r.text.original()).utf16_length();
  if (limits.max_text_chars && units > limits.max_text_chars)
    return LtError{413, "Your text exceeds the limit of " + std::to_string(limits.max_text_chars) +
                            " characters (it's " + std::to_string(units) + " characters)."};

  for (auto& id : split_list(params.get("disabledRules")))
    r.disabled_rules.push_back(from_lt_rule_id(id));
  for (auto& id : split_list(params.get("disabledCategories")))
    r.disabled_categories.push_back(normalize_category(id));

  if (truthy(params.get("enabledOnly"))) {
    const auto enabled_rules = split_list(params.get("enabledRules"));
    std::set<std::string> categories;
    for (auto& c : split_list(params.get("enabledCategories")))
      categories.insert(normalize_category(c));
    if (enabled_rules.empty() && categories.empty())
      return LtError{400, "enabledOnly=true needs enabledRules or enabledCategories"};
    for (auto& id : enabled_rules) r.enabled_only.push_back(from_lt_rule_id(id));
    for (const Rule& rule : rules.rules())
      if (categories.count(normalize_category(rule.category))) r.enabled_only.push_back(rule.id);
    // Rules that do not exist enable nothing; keep the list non-empty so "only" still holds.
    if (r.enabled_only.empty()) r.enabled_only.push_back("");
  }
  return r;
}

}  // namespace tactful::lt
