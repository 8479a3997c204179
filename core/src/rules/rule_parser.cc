// Parses one rule object (and one marker set) of a pack; see docs/rules.md for the fields.
#include <set>

#include "pack_json.h"

namespace tactful::pack_json {
namespace {

const std::set<std::string>& fields_for(RuleKind kind) {
  // No "disabled": it was accepted and ignored, so a rule marked disabled kept firing.
  static const std::set<std::string> common = {"id",       "kind",       "category", "severity",
                                               "message",  "why",        "when",     "priority",
                                               "examples", "description"};
  static const std::set<std::string> phrase = {"phrases", "exceptions", "unless_negated",
                                               "replacements", "unless_sentence_has"};
  static const std::set<std::string> substitute = {"swap", "exceptions", "unless_negated",
                                                   "unless_sentence_has"};
  static const std::set<std::string> pattern = {
      "regex", "case_sensitive", "mark", "replacements", "exceptions", "unless_sentence_has"};
  static const std::set<std::string> require = {"phrases",   "patterns",   "markers",  "insert",
                                                "insert_at", "exceptions", "waived_by"};
  static const std::set<std::string> repeat = {"similarity", "min_words"};
  static const std::set<std::string> metric = {"metric", "above", "below", "replacements",
                                               "exceptions"};
  static const std::set<std::string> learned = {"head", "min_probability", "exceptions",
                                                "unless_sentence_has"};
  static const auto merged = [&] {
    std::vector<std::set<std::string>> out;
    for (const auto* s : {&phrase, &substitute, &pattern, &require, &repeat, &metric, &learned}) {
      std::set<std::string> m = common;
      m.insert(s->begin(), s->end());
      out.push_back(std::move(m));
    }
    return out;
  }();
  return merged[static_cast<std::size_t>(kind)];
}

// A require rule's learned waiver: {"head": "...", "min_probability": 0..1}. The head's name is
// checked when the rule set compiles (draft heads live in core's table, not in the parser).
Result<Rule::LearnedWaiver> parse_waiver(const Value& v, const Where& w) {
  if (!v.IsObject())
    return w.at("waived_by", R"(expected {"head": "...", "min_probability": 0..1})");
  Rule::LearnedWaiver out;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    if (key != "head" && key != "min_probability")
      return w.at("waived_by." + key, "unknown field (known: head, min_probability)");
  }
  if (!v.HasMember("head")) return w.at("waived_by.head", "missing: the learned head it reads");
  TRY_ASSIGN(out.head, get_string(v["head"], "waived_by.head", w));
  if (!v.HasMember("min_probability")) return w.at("waived_by.min_probability", "missing");
  TRY_ASSIGN(out.min_probability, get_number(v["min_probability"], "waived_by.min_probability", w));
  if (out.min_probability <= 0 || out.min_probability >= 1)
    return w.at("waived_by.min_probability", "must be in (0, 1)");
  return out;
}

}  // namespace

Result<Rule> parse_rule(const Value& v, const std::string& source, rapidjson::SizeType index) {
  const Where anon(source, "#" + std::to_string(index));
  if (!v.IsObject()) return anon.at("", "a rule is a JSON object");
  Rule r;
  r.source = source;
  const Value* id = v.HasMember("id") ? &v["id"] : nullptr;
  if (!id || !id->IsString() || id->GetStringLength() == 0)
    return anon.at("id", "every rule needs a non-empty string id");
  r.id = std::string(sv(*id));
  const Where w(source, r.id);
  for (char c : r.id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return w.at("id", "use only letters, digits, '.', '-' and '_'");
  }
  if (!v.HasMember("kind")) return w.at("kind", "missing");
  TRY_ASSIGN(r.kind, (parse_enum<RuleKind>(v["kind"], "kind", w,
                                           {{"phrase", RuleKind::phrase},
                                            {"substitute", RuleKind::substitute},
                                            {"pattern", RuleKind::pattern},
                                            {"require", RuleKind::require},
                                            {"repeat", RuleKind::repeat},
                                            {"metric", RuleKind::metric},
                                            {"learned", RuleKind::learned}})));
  const auto& allowed = fields_for(r.kind);
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    if (!allowed.count(key))
      return w.at(key, std::string("unknown field for a ") + to_string(r.kind) + " rule");
  }
  for (const char* required : {"category", "message", "why", "examples"}) {
    if (!v.HasMember(required)) return w.at(required, "missing");
  }
  TRY_ASSIGN(r.category, get_string(v["category"], "category", w));
  if (r.category.empty()) return w.at("category", "is empty");
  TRY_ASSIGN(r.message, get_string(v["message"], "message", w));
  TRY_ASSIGN(r.why, get_string(v["why"], "why", w));
  if (r.message.empty()) return w.at("message", "is empty");
  if (r.why.empty()) return w.at("why", "is empty: say why the hint matters");
  if (v.HasMember("severity")) {
    TRY_ASSIGN(r.severity, (parse_enum<Severity>(v["severity"], "severity", w,
                                                 {{"hint", Severity::hint},
                                                  {"suggestion", Severity::suggestion},
                                                  {"warning", Severity::warning}})));
  }
  if (v.HasMember("priority")) {
    if (!v["priority"].IsInt()) return w.at("priority", "expected an integer");
    r.priority = v["priority"].GetInt();
  }
  if (v.HasMember("when")) TRY_ASSIGN(r.when, parse_when(v["when"], w));
  auto strings = [&](const char* f, std::vector<std::string>& out,
                     bool allow_empty = false) -> std::optional<Error> {
    if (!v.HasMember(f)) return std::nullopt;
    auto res = get_strings(v[f], f, w, allow_empty);
    if (!res.ok()) return res.error();
    out = std::move(res).value();
    return std::nullopt;
  };
  if (auto e = strings("phrases", r.phrases)) return *e;
  if (auto e = strings("exceptions", r.exceptions)) return *e;
  if (auto e = strings("replacements", r.replacements, true)) return *e;
  if (auto e = strings("patterns", r.patterns)) return *e;
  if (auto e = strings("markers", r.markers)) return *e;
  if (auto e = strings("unless_sentence_has", r.unless_sentence_has)) return *e;
  if (v.HasMember("unless_negated"))
    TRY_ASSIGN(r.unless_negated, get_bool(v["unless_negated"], "unless_negated", w));
  if (v.HasMember("swap")) {
    const Value& s = v["swap"];
    if (!s.IsObject() || s.MemberCount() == 0)
      return w.at("swap", "expected an object {phrase: [alternatives]}");
    for (auto it = s.MemberBegin(); it != s.MemberEnd(); ++it) {
      const std::string key(sv(it->name));
      if (key.empty()) return w.at("swap", "empty phrase");
      std::vector<std::string> alts;
      TRY_ASSIGN(alts, get_strings(it->value, "swap." + key, w, true));
      r.swaps.emplace_back(key, std::move(alts));
    }
  }
  if (v.HasMember("regex")) TRY_ASSIGN(r.regex, get_string(v["regex"], "regex", w));
  if (v.HasMember("case_sensitive"))
    TRY_ASSIGN(r.case_sensitive, get_bool(v["case_sensitive"], "case_sensitive", w));
  if (v.HasMember("mark")) {
    if (!v["mark"].IsInt() || v["mark"].GetInt() < 0 || v["mark"].GetInt() > 9)
      return w.at("mark", "expected a capture group number 0..9");
    r.mark_group = v["mark"].GetInt();
  }
  if (v.HasMember("insert")) TRY_ASSIGN(r.insert, get_string(v["insert"], "insert", w));
  if (v.HasMember("insert_at")) {
    TRY_ASSIGN(r.insert_at, (parse_enum<InsertAt>(v["insert_at"], "insert_at", w,
                                                  {{"start", InsertAt::start},
                                                   {"after_greeting", InsertAt::after_greeting},
                                                   {"end", InsertAt::end}})));
  }
  if (v.HasMember("similarity")) {
    TRY_ASSIGN(r.similarity, get_number(v["similarity"], "similarity", w));
    if (r.similarity <= 0 || r.similarity > 1) return w.at("similarity", "must be in (0, 1]");
  }
  if (v.HasMember("min_words")) {
    if (!v["min_words"].IsInt() || v["min_words"].GetInt() < 1 || v["min_words"].GetInt() > 1000)
      return w.at("min_words", "expected an integer 1..1000");
    r.min_words = v["min_words"].GetInt();
  }
  if (v.HasMember("metric")) {
    TRY_ASSIGN(r.metric, (parse_enum<Metric>(v["metric"], "metric", w,
                                             {{"caps_words", Metric::caps_words},
                                              {"exclamations", Metric::exclamations},
                                              {"sentence_words", Metric::sentence_words},
                                              {"word_count", Metric::word_count},
                                              {"paragraph_words", Metric::paragraph_words}})));
  }
  if (v.HasMember("above")) TRY_ASSIGN(r.above, get_number(v["above"], "above", w));
  if (v.HasMember("below")) TRY_ASSIGN(r.below, get_number(v["below"], "below", w));
  if (v.HasMember("head")) TRY_ASSIGN(r.head, get_string(v["head"], "head", w));
  if (v.HasMember("min_probability")) {
    TRY_ASSIGN(r.min_probability, get_number(v["min_probability"], "min_probability", w));
    if (r.min_probability <= 0 || r.min_probability >= 1)
      return w.at("min_probability", "must be in (0, 1)");
  }

  if (v.HasMember("waived_by")) TRY_ASSIGN(r.waived_by, parse_waiver(v["waived_by"], w));

  // Kind-specific required fields.
  switch (r.kind) {
    case RuleKind::phrase:
      if (r.phrases.empty()) return w.at("phrases", "a phrase rule needs at least one phrase");
      break;
    case RuleKind::substitute:
      if (r.swaps.empty()) return w.at("swap", "a substitute rule needs 'swap'");
      break;
    case RuleKind::pattern:
      if (r.regex.empty()) return w.at("regex", "a pattern rule needs a non-empty 'regex'");
      break;
    case RuleKind::require:
      if (r.phrases.empty() && r.patterns.empty() && r.markers.empty())
        return w.at("phrases", "a require rule needs 'phrases', 'patterns' or 'markers'");
      if (r.insert.empty()) return w.at("insert", "a require rule needs the text to 'insert'");
      break;
    case RuleKind::repeat:
      break;
    case RuleKind::metric:
      if (!v.HasMember("metric")) return w.at("metric", "a metric rule needs 'metric'");
      if (!r.above && !r.below) return w.at("above", "a metric rule needs 'above' or 'below'");
      break;
    case RuleKind::learned:
      if (r.head.empty()) return w.at("head", "a learned rule needs the 'head' it reads");
      if (!v.HasMember("min_probability"))
        return w.at("min_probability", "a learned rule needs 'min_probability'");
      break;
  }

  const Value& ex = v["examples"];
  if (!ex.IsObject()) return w.at("examples", "expected {\"flag\": [...], \"pass\": [...]}");
  for (auto it = ex.MemberBegin(); it != ex.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    if (key == "flag") {
      TRY_ASSIGN(r.flag_examples, parse_examples(it->value, "examples.flag", w));
    } else if (key == "pass") {
      TRY_ASSIGN(r.pass_examples, parse_examples(it->value, "examples.pass", w));
    } else {
      return w.at("examples." + key, "unknown field (known: flag, pass)");
    }
  }
  if (r.flag_examples.empty())
    return w.at("examples.flag",
                "needs at least one example the rule flags (a rule no example "
                "shows matching may never match)");
  if (r.pass_examples.empty())
    return w.at("examples.pass", "needs at least one example the rule must not flag");
  return r;
}

Result<MarkerSet> parse_marker_set(const Value& v, const std::string& source,
                                   rapidjson::SizeType index) {
  const Where anon(source, "");
  const std::string at = "markers[" + std::to_string(index) + "]";
  if (!v.IsObject()) return anon.at(at, "expected {id, phrases, exceptions}");
  MarkerSet m;
  m.source = source;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    const std::string f = at + "." + key;
    if (key == "id") {
      TRY_ASSIGN(m.id, get_string(it->value, f, anon));
    } else if (key == "phrases") {
      TRY_ASSIGN(m.phrases, get_strings(it->value, f, anon));
    } else if (key == "exceptions") {
      TRY_ASSIGN(m.exceptions, get_strings(it->value, f, anon));
    } else if (key == "unless_negated") {
      TRY_ASSIGN(m.unless_negated, get_bool(it->value, f, anon));
    } else if (key != "description") {
      return anon.at(f, "unknown field (known: id, phrases, exceptions, unless_negated)");
    }
  }
  if (m.id.empty()) return anon.at(at + ".id", "missing");
  if (m.phrases.empty()) return anon.at(at + ".phrases", "a marker set needs phrases");
  return m;
}

}  // namespace tactful::pack_json
