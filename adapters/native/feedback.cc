// Parsing the native feedback JSON.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "tactful/adapters/native_feedback.h"
#include "tactful/text.h"

namespace tactful {
namespace {

constexpr std::size_t kMaxField = 200;

bool valid_rule_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxField) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

Result<Feedback> parse_feedback(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                    json.size());
  if (doc.HasParseError())
    return Error{"invalid JSON at byte " + std::to_string(doc.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(doc.GetParseError())};
  if (!doc.IsObject()) return Error{"the feedback must be a JSON object"};
  Feedback f;
  for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
    const std::string key(it->name.GetString(), it->name.GetStringLength());
    if (key == "empathy") {
      if (it->value.IsNull()) continue;
      if (!it->value.IsInt() || it->value.GetInt() < 0 || it->value.GetInt() > 100)
        return Error{"empathy: expected an integer 0..100 (the draft's empathy score)"};
      f.empathy = it->value.GetInt();
      continue;
    }
    std::string* out = key == "rule"              ? &f.rule
                       : key == "action"          ? &f.action
                       : key == "category"        ? &f.category
                       : key == "suggestion_id"   ? &f.suggestion_id
                       : key == "conversation_id" ? &f.conversation_id
                       : key == "agent_id"        ? &f.agent_id
                       : key == "team"            ? &f.team
                                                  : nullptr;
    if (!out)
      return Error{"unknown field '" + sanitize_utf8(key.substr(0, 64)) +
                   "' (known: rule, action, category, suggestion_id, conversation_id, agent_id, "
                   "team, empathy)"};
    if (it->value.IsNull()) continue;
    if (!it->value.IsString()) return Error{key + ": expected a string"};
    const std::string_view v(it->value.GetString(), it->value.GetStringLength());
    if (v.size() > kMaxField) return Error{key + ": longer than 200 bytes"};
    if (sanitize_utf8(v) != v) return Error{key + ": invalid UTF-8"};
    out->assign(v);
  }
  if (f.rule.empty()) return Error{"missing 'rule' (the id of the hint's rule)"};
  if (!valid_rule_id(f.rule)) return Error{"rule: not a rule id (letters, digits, '.', '-', '_')"};
  if (f.action.empty()) return Error{"missing 'action' (accepted, dismissed, edited or shown)"};
  if (f.action != "accepted" && f.action != "dismissed" && f.action != "edited" &&
      f.action != "shown")
    return Error{"action: '" + sanitize_utf8(f.action.substr(0, 40)) +
                 "' is not one of accepted, dismissed, edited, shown"};
  return f;
}

}  // namespace tactful
