// Typed access to RapidJSON values with errors that name the pack, rule and field.
// Internal to the pack parser.
#pragma once

#include <rapidjson/document.h>

#include <string>
#include <string_view>
#include <vector>

#include "tactful/result.h"
#include "tactful/rule.h"

namespace tactful::pack_json {

using rapidjson::Value;

// Accumulates the location for error messages: "file: rule 'id': field 'x'".
class Where {
 public:
  Where(std::string source, std::string rule)
      : source_(std::move(source)), rule_(std::move(rule)) {}
  Error at(std::string_view field, std::string_view what) const {
    std::string m = source_;
    if (!rule_.empty()) m += ": rule '" + rule_ + "'";
    if (!field.empty()) m += ": field '" + std::string(field) + "'";
    m += ": ";
    m += what;
    return Error{m};
  }

 private:
  std::string source_;
  std::string rule_;
};

inline std::string_view sv(const Value& v) {
  return {v.GetString(), v.GetStringLength()};
}

inline Result<std::string> get_string(const Value& v, std::string_view field, const Where& w) {
  if (!v.IsString()) return w.at(field, "expected a string");
  return std::string(sv(v));
}

inline Result<std::vector<std::string>> get_strings(const Value& v, std::string_view field,
                                                    const Where& w,
                                                    bool allow_empty_items = false) {
  if (!v.IsArray()) return w.at(field, "expected an array of strings");
  std::vector<std::string> out;
  for (rapidjson::SizeType i = 0; i < v.Size(); ++i) {
    const std::string item_field = std::string(field) + "[" + std::to_string(i) + "]";
    if (!v[i].IsString()) return w.at(item_field, "expected a string");
    if (!allow_empty_items && v[i].GetStringLength() == 0) return w.at(item_field, "is empty");
    out.emplace_back(sv(v[i]));
  }
  return out;
}

inline Result<double> get_number(const Value& v, std::string_view field, const Where& w) {
  if (!v.IsNumber()) return w.at(field, "expected a number");
  return v.GetDouble();
}

inline Result<bool> get_bool(const Value& v, std::string_view field, const Where& w) {
  if (!v.IsBool()) return w.at(field, "expected true or false");
  return v.GetBool();
}

#define TRY_ASSIGN(target, expr)     \
  do {                               \
    auto r_ = (expr);                \
    if (!r_.ok()) return r_.error(); \
    target = std::move(r_).value();  \
  } while (0)

template <typename E>
inline Result<E> parse_enum(const Value& v, std::string_view field, const Where& w,
                            std::initializer_list<std::pair<const char*, E>> options) {
  std::string s;
  TRY_ASSIGN(s, get_string(v, field, w));
  std::string known;
  for (const auto& [name, value] : options) {
    if (s == name) return value;
    known += known.empty() ? "" : ", ";
    known += name;
  }
  return w.at(field, "'" + s + "' is not one of " + known);
}

// Parsers of the parts of a pack, shared by the pack and rule parsers.
Result<When> parse_when(const Value& v, const Where& w);
Result<std::vector<Example>> parse_examples(const Value& v, std::string_view field, const Where& w);
Result<Rule> parse_rule(const Value& v, const std::string& source, rapidjson::SizeType index);
Result<MarkerSet> parse_marker_set(const Value& v, const std::string& source,
                                   rapidjson::SizeType index);

}  // namespace tactful::pack_json
