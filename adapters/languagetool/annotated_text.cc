// LanguageTool's annotated `data` text: text and markup parts, and the mapping of offsets in the
// checked (plain) text back to the text as the client sent it.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>

#include "tactful/adapters/lt_form.h"

namespace tactful::lt {

AnnotatedText AnnotatedText::from_text(std::string text) {
  AnnotatedText t;
  t.add_text(text);
  return t;
}

void AnnotatedText::add_text(std::string_view text) {
  if (text.empty()) return;
  segments_.push_back({plain_.size(), plain_.size() + text.size(), original_.size(),
                       original_.size() + text.size(), true});
  plain_.append(text);
  original_.append(text);
}

void AnnotatedText::add_markup(std::string_view markup, std::string_view interpret_as) {
  segments_.push_back({plain_.size(), plain_.size() + interpret_as.size(), original_.size(),
                       original_.size() + markup.size(), false});
  plain_.append(interpret_as);
  original_.append(markup);
}

Span AnnotatedText::to_original(Span s) const {
  if (segments_.empty()) return {0, 0};
  // The segment holding plain byte `p`: the last one starting at or before it whose plain range
  // is non-empty (markup without interpretAs occupies no plain bytes).
  auto find = [&](std::size_t p, bool is_end) -> const Segment* {
    const Segment* found = nullptr;
    auto it = std::upper_bound(segments_.begin(), segments_.end(), p,
                               [](std::size_t v, const Segment& g) { return v < g.plain_begin; });
    while (it != segments_.begin()) {
      --it;
      const bool inside = is_end ? (it->plain_begin < p && p <= it->plain_end)
                                 : (it->plain_begin <= p && p < it->plain_end);
      if (inside) {
        found = &*it;
        break;
      }
      if (it->plain_end < p) break;
    }
    return found;
  };
  auto map = [&](std::size_t p, bool is_end) -> std::size_t {
    if (const Segment* g = find(p, is_end)) {
      if (g->is_text) return g->original_begin + (p - g->plain_begin);
      return is_end ? g->original_end : g->original_begin;
    }
    return p >= plain_.size() ? original_.size() : 0;
  };
  const std::size_t begin = map(std::min(s.begin, plain_.size()), false);
  const std::size_t end = map(std::min(std::max(s.end, s.begin), plain_.size()), true);
  return {begin, std::max(begin, end)};
}

Result<AnnotatedText> parse_annotated_data(std::string_view json) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (doc.HasParseError())
    return Error{"could not parse 'data' as JSON at byte " + std::to_string(doc.GetErrorOffset()) +
                 ": " + rapidjson::GetParseError_En(doc.GetParseError())};
  if (!doc.IsObject()) return Error{"'data' must be a JSON object with 'text' or 'annotation'"};
  const bool has_text = doc.HasMember("text"), has_annotation = doc.HasMember("annotation");
  if (has_text == has_annotation)
    return Error{"'data' needs exactly one of 'text' and 'annotation'"};
  auto str = [](const rapidjson::Value& v) {
    return sanitize_utf8(std::string_view(v.GetString(), v.GetStringLength()));
  };
  AnnotatedText t;
  if (has_text) {
    if (!doc["text"].IsString()) return Error{"'data.text' must be a string"};
    t.add_text(str(doc["text"]));
    return t;
  }
  const rapidjson::Value& items = doc["annotation"];
  if (!items.IsArray()) return Error{"'data.annotation' must be an array"};
  for (rapidjson::SizeType i = 0; i < items.Size(); ++i) {
    const rapidjson::Value& item = items[i];
    const std::string at = "'data.annotation[" + std::to_string(i) + "]'";
    if (!item.IsObject()) return Error{at + " must be an object with 'text' or 'markup'"};
    const auto text = item.FindMember("text"), markup = item.FindMember("markup");
    const bool t_ok = text != item.MemberEnd(), m_ok = markup != item.MemberEnd();
    if (t_ok == m_ok) return Error{at + " needs exactly one of 'text' and 'markup'"};
    if (t_ok) {
      if (!text->value.IsString()) return Error{at + ".text must be a string"};
      t.add_text(str(text->value));
      continue;
    }
    if (!markup->value.IsString()) return Error{at + ".markup must be a string"};
    std::string interpret;
    const auto as = item.FindMember("interpretAs");
    if (as != item.MemberEnd()) {
      if (!as->value.IsString()) return Error{at + ".interpretAs must be a string"};
      interpret = str(as->value);
    }
    t.add_markup(str(markup->value), interpret);
  }
  return t;
}

}  // namespace tactful::lt
