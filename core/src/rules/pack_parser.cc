// Parses rule-pack JSON into Rule and MarkerSet values, checking shapes and naming every
// problem by file, rule id and field. Semantics (phrases compile, examples pass) are checked
// later by RuleSet::compile.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <set>
#include <string>

#include "pack_json.h"
#include "tactful/rule_set.h"
#include "tactful/timestamp.h"

namespace tactful {
namespace pack_json {

Result<When> parse_when(const Value& v, const Where& w) {
  if (!v.IsObject()) return w.at("when", "expected an object");
  When when;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    const std::string f = "when." + key;
    const Value& x = it->value;
    if (key == "intents") {
      TRY_ASSIGN(when.intents_any, get_strings(x, f, w));
    } else if (key == "not_intents") {
      TRY_ASSIGN(when.intents_none, get_strings(x, f, w));
    } else if (key == "min_frustration") {
      TRY_ASSIGN(when.min_frustration, get_number(x, f, w));
      if (*when.min_frustration < 0 || *when.min_frustration > 1) return w.at(f, "must be 0..1");
    } else if (key == "max_sentiment") {
      TRY_ASSIGN(when.max_sentiment, get_number(x, f, w));
      if (*when.max_sentiment < -1 || *when.max_sentiment > 1) return w.at(f, "must be -1..1");
    } else if (key == "min_waited_minutes") {
      TRY_ASSIGN(when.min_waited_minutes, get_number(x, f, w));
    } else if (key == "customer_present") {
      TRY_ASSIGN(when.customer_present, get_bool(x, f, w));
    } else if (key == "name_known") {
      TRY_ASSIGN(when.name_known, get_bool(x, f, w));
    } else if (key == "repeat_contact") {
      TRY_ASSIGN(when.repeat_contact, get_bool(x, f, w));
    } else if (key == "grievance") {
      TRY_ASSIGN(when.grievance, get_bool(x, f, w));
    } else if (key == "min_problem_report") {
      TRY_ASSIGN(when.min_problem_report, get_number(x, f, w));
      if (*when.min_problem_report < 0 || *when.min_problem_report > 1)
        return w.at(f, "must be 0..1");
    } else if (key == "min_feeling_report") {
      TRY_ASSIGN(when.min_feeling_report, get_number(x, f, w));
      if (*when.min_feeling_report < 0 || *when.min_feeling_report > 1)
        return w.at(f, "must be 0..1");
    } else if (key == "min_customer_words") {
      double n = 0;
      TRY_ASSIGN(n, get_number(x, f, w));
      if (n < 0 || n > 10000) return w.at(f, "must be 0..10000");
      when.min_customer_words = static_cast<int>(n);
    } else if (key == "teams") {
      TRY_ASSIGN(when.teams, get_strings(x, f, w));
    } else if (key == "channels") {
      TRY_ASSIGN(when.channels, get_strings(x, f, w));
    } else if (key == "draft_has") {
      TRY_ASSIGN(when.draft_has, get_strings(x, f, w));
      if (when.draft_has.empty()) return w.at(f, "must name at least one marker set");
    } else if (key == "draft_flagged") {
      TRY_ASSIGN(when.draft_flagged, get_strings(x, f, w));
      if (when.draft_flagged.empty()) return w.at(f, "must name at least one category");
    } else {
      return w.at(f,
                  "unknown condition (known: intents, not_intents, min_frustration, "
                  "max_sentiment, min_waited_minutes, customer_present, name_known, "
                  "repeat_contact, grievance, min_problem_report, min_feeling_report, "
                  "min_customer_words, teams, channels, draft_has, draft_flagged)");
    }
  }
  return when;
}

Result<Message> parse_message(const Value& v, std::string_view field, const Where& w) {
  if (!v.IsObject()) return w.at(field, "expected a message object {role, text, at}");
  Message m;
  bool has_text = false;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    const std::string f = std::string(field) + "." + key;
    if (key == "role") {
      std::string role;
      TRY_ASSIGN(role, get_string(it->value, f, w));
      if (role == "customer")
        m.role = Role::customer;
      else if (role == "agent")
        m.role = Role::agent;
      else if (role == "system")
        m.role = Role::system;
      else
        return w.at(f, "expected customer, agent or system");
    } else if (key == "text") {
      TRY_ASSIGN(m.text, get_string(it->value, f, w));
      has_text = true;
    } else if (key == "at") {
      std::string at;
      TRY_ASSIGN(at, get_string(it->value, f, w));
      m.at = parse_rfc3339(at);
      if (!m.at) return w.at(f, "expected an RFC 3339 time like 2026-11-22T10:00:00Z");
    } else {
      return w.at(f, "unknown field (known: role, text, at)");
    }
  }
  if (!has_text) return w.at(field, "missing 'text'");
  return m;
}

// "[[" and "]]" mark the span a flag example must be hinted on.
Result<Example> strip_marks(std::string text, std::string_view field, const Where& w) {
  Example ex;
  const auto open = text.find("[[");
  if (open == std::string::npos) {
    if (text.find("]]") != std::string::npos) return w.at(field, "']]' without '[['");
    ex.draft = std::move(text);
    return ex;
  }
  const auto close = text.find("]]", open + 2);
  if (close == std::string::npos) return w.at(field, "'[[' without ']]'");
  if (close == open + 2) return w.at(field, "empty [[ ]] mark");
  ex.marked = Span{open, close - 2};
  ex.draft =
      text.substr(0, open) + text.substr(open + 2, close - open - 2) + text.substr(close + 2);
  if (ex.draft.find("[[") != std::string::npos || ex.draft.find("]]") != std::string::npos)
    return w.at(field, "more than one [[ ]] mark");
  return ex;
}

Result<Example> parse_example(const Value& v, std::string_view field, const Where& w) {
  if (v.IsString()) return strip_marks(std::string(sv(v)), field, w);
  if (!v.IsObject()) return w.at(field, "expected a draft string or {draft, history, ...}");
  Example ex;
  bool has_draft = false;
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    const std::string f = std::string(field) + "." + key;
    const Value& x = it->value;
    if (key == "draft") {
      std::string d;
      TRY_ASSIGN(d, get_string(x, f, w));
      Example marked;
      TRY_ASSIGN(marked, strip_marks(std::move(d), f, w));
      ex.draft = std::move(marked.draft);
      ex.marked = marked.marked;
      has_draft = true;
    } else if (key == "history") {
      if (!x.IsArray()) return w.at(f, "expected an array of messages");
      for (rapidjson::SizeType i = 0; i < x.Size(); ++i) {
        Message m;
        TRY_ASSIGN(m, parse_message(x[i], f + "[" + std::to_string(i) + "]", w));
        ex.history.push_back(std::move(m));
      }
    } else if (key == "team") {
      TRY_ASSIGN(ex.team, get_string(x, f, w));
    } else if (key == "channel") {
      TRY_ASSIGN(ex.channel, get_string(x, f, w));
    } else if (key == "customer_name") {
      TRY_ASSIGN(ex.customer_name, get_string(x, f, w));
    } else if (key == "now") {
      std::string now;
      TRY_ASSIGN(now, get_string(x, f, w));
      auto t = parse_rfc3339(now);
      if (!t) return w.at(f, "expected an RFC 3339 time");
      ex.now = *t;
    } else {
      return w.at(f, "unknown field (known: draft, history, team, channel, customer_name, now)");
    }
  }
  if (!has_draft) return w.at(field, "missing 'draft'");
  return ex;
}

Result<std::vector<Example>> parse_examples(const Value& v, std::string_view field,
                                            const Where& w) {
  if (!v.IsArray()) return w.at(field, "expected an array");
  std::vector<Example> out;
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    Example ex;
    TRY_ASSIGN(ex, parse_example(v[i], std::string(field) + "[" + std::to_string(i) + "]", w));
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace pack_json

Result<Pack> parse_pack(const PackSource& source) {
  using namespace pack_json;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
      source.json.data(), source.json.size());
  const Where top(source.name, "");
  if (doc.HasParseError()) {
    return top.at("", std::string("invalid JSON at byte ") + std::to_string(doc.GetErrorOffset()) +
                          ": " + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) return top.at("", "a rule pack is a JSON object");
  Pack pack;
  bool schema_seen = false;
  for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
    const std::string key(sv(it->name));
    const Value& x = it->value;
    if (key == "schema") {
      if (!x.IsInt() || x.GetInt() != 1) return top.at("schema", "only schema 1 is supported");
      schema_seen = true;
    } else if (key == "pack" || key == "description") {
      if (!x.IsString()) return top.at(key, "expected a string");
    } else if (key == "markers") {
      if (!x.IsArray()) return top.at("markers", "expected an array");
      for (rapidjson::SizeType i = 0; i < x.Size(); ++i) {
        MarkerSet m;
        TRY_ASSIGN(m, parse_marker_set(x[i], source.name, i));
        pack.markers.push_back(std::move(m));
      }
    } else if (key == "rules") {
      if (!x.IsArray()) return top.at("rules", "expected an array");
      for (rapidjson::SizeType i = 0; i < x.Size(); ++i) {
        Rule r;
        TRY_ASSIGN(r, parse_rule(x[i], source.name, i));
        pack.rules.push_back(std::move(r));
      }
    } else {
      return top.at(key, "unknown field (known: schema, pack, description, markers, rules)");
    }
  }
  if (!schema_seen) return top.at("schema", "missing; write \"schema\": 1");
  return pack;
}

}  // namespace tactful
