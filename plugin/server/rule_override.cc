// Parsing and applying overrides.
#include "rule_override.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tactful/rule_set.h"

#include "json_out.h"

namespace tactful::server {
namespace {

std::optional<std::string> strings(const rapidjson::Value& v, std::vector<std::string>& out) {
  if (!v.IsArray()) return "expected an array of strings";
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    if (!v[i].IsString() || v[i].GetStringLength() == 0)
      return "item " + std::to_string(i) + " is not a non-empty string";
    out.emplace_back(v[i].GetString(), v[i].GetStringLength());
  }
  return std::nullopt;
}

// Examples are parsed by core's own pack parser, so they mean exactly what they mean in a pack:
// they are put into a throwaway rule with one dummy example of each kind appended (a pack rule
// needs both), which are then dropped.
std::vector<RuleProblem> parse_examples(const rapidjson::Value& v, std::string_view prefix,
                                        Override& out) {
  const std::string path = std::string(prefix) + ".examples";
  if (!v.IsObject()) return {{"", "", path, "expected {\"flag\": [...], \"pass\": [...]}"}};
  rapidjson::Document d;
  d.SetObject();
  auto& a = d.GetAllocator();
  rapidjson::Value flag(rapidjson::kArrayType), pass(rapidjson::kArrayType);
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    const std::string key = it->name.GetString();
    if ((key != "flag" && key != "pass") || !it->value.IsArray())
      return {{"", "", path + "." + key,
               key == "flag" || key == "pass" ? "expected an array"
                                              : "unknown field (known: flag, pass)"}};
    for (const auto& ex : it->value.GetArray())
      (key == "flag" ? flag : pass).PushBack(rapidjson::Value(ex, a), a);
  }
  const std::size_t nflag = flag.Size(), npass = pass.Size();
  flag.PushBack("[[x]]", a);
  pass.PushBack("y", a);
  const std::string pack =
      R"({"schema":1,"rules":[{"id":"override","kind":"phrase","category":"x","message":"x",)"
      R"("why":"x","phrases":["x"],"examples":{"flag":)" +
      to_json_text(flag) + R"(,"pass":)" + to_json_text(pass) + "}}]}";
  auto parsed = parse_pack({"override", pack});
  if (!parsed.ok()) {
    RuleProblem p = problem_from_error(parsed.error().message, prefix);
    p.rule.clear();
    return {p};
  }
  auto& rule = parsed->rules.front();
  out.flag_examples.assign(rule.flag_examples.begin(), rule.flag_examples.begin() + nflag);
  out.pass_examples.assign(rule.pass_examples.begin(), rule.pass_examples.begin() + npass);
  return {};
}

}  // namespace

std::vector<RuleProblem> parse_override(std::string_view json, std::string_view prefix,
                                        Override& out) {
  const std::string root(prefix);
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                  json.size());
  if (d.HasParseError())
    return {{"", "", root,
             "invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(d.GetParseError())}};
  if (!d.IsObject()) return {{"", "", root, "an override is a JSON object"}};
  std::vector<RuleProblem> problems;
  auto fail = [&](const std::string& field, std::string what) {
    problems.push_back({"", "", root + "." + field, std::move(what)});
  };
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    const std::string key = it->name.GetString();
    const auto& v = it->value;
    if (key == "enabled") {
      if (!v.IsBool())
        fail(key, "expected true or false");
      else
        out.enabled = v.GetBool();
    } else if (key == "severity") {
      const std::string s = v.IsString() ? v.GetString() : "";
      if (s == "hint")
        out.severity = Severity::hint;
      else if (s == "suggestion")
        out.severity = Severity::suggestion;
      else if (s == "warning")
        out.severity = Severity::warning;
      else
        fail(key, "expected one of hint, suggestion, warning");
    } else if (key == "exceptions" || key == "phrases") {
      if (auto e = strings(v, key == "exceptions" ? out.exceptions : out.phrases)) fail(key, *e);
    } else if (key == "examples") {
      for (auto& p : parse_examples(v, root, out)) problems.push_back(std::move(p));
    } else if (key == "note") {
      if (!v.IsString())
        fail(key, "expected a string");
      else
        out.note = v.GetString();
    } else {
      fail(key, "unknown field (known: enabled, severity, exceptions, phrases, examples, note)");
    }
  }
  return problems;
}

std::optional<std::string> apply_override(const Override& o, Rule& rule) {
  if (o.severity) rule.severity = *o.severity;
  if (!o.exceptions.empty()) {
    if (rule.kind == RuleKind::repeat) return std::string("a repeat rule takes no exceptions");
    rule.exceptions.insert(rule.exceptions.end(), o.exceptions.begin(), o.exceptions.end());
  }
  if (!o.phrases.empty()) {
    if (rule.kind != RuleKind::phrase && rule.kind != RuleKind::require)
      return std::string("only phrase and require rules take more phrases (this is a ") +
             to_string(rule.kind) + " rule)";
    rule.phrases.insert(rule.phrases.end(), o.phrases.begin(), o.phrases.end());
  }
  rule.flag_examples.insert(rule.flag_examples.end(), o.flag_examples.begin(),
                            o.flag_examples.end());
  rule.pass_examples.insert(rule.pass_examples.end(), o.pass_examples.begin(),
                            o.pass_examples.end());
  return std::nullopt;
}

}  // namespace tactful::server
