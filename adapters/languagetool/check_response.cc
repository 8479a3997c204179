// Writing LanguageTool's /v2/check response from a Report.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>

#include "../json_strings.h"
#include "languages.h"
#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/languagetool.h"

namespace tactful::lt {
namespace {

using Writer = JsonWriter;

void put(Writer& w, std::string_view s) {
  adapters_internal::write_utf8(w, s);
}

// "policy-language" → "Policy language".
std::string category_name(std::string_view id) {
  std::string out(id);
  for (char& c : out)
    if (c == '-' || c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

// Moves `pos` back (or forward) over `count` code points of `text`, staying on boundaries.
std::size_t step_back(std::string_view text, std::size_t pos, int count) {
  while (pos > 0 && count > 0) {
    --pos;
    while (pos > 0 && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
    --count;
  }
  return pos;
}
std::size_t step_forward(std::string_view text, std::size_t pos, int count) {
  while (pos < text.size() && count > 0) {
    pos += decode_utf8(text, pos).length;
    --count;
  }
  return pos;
}

// The sentence of `plain` around byte `at`, from the text model's sentences.
std::string_view sentence_at(const TextModel& model, std::size_t at) {
  const auto& ss = model.sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), at,
                             [](std::size_t v, const auto& s) { return v < s.bytes.begin; });
  if (it == ss.begin()) return {};
  --it;
  return model.text.substr(it->bytes.begin, it->bytes.size());
}

void write_language(Writer& w, const CheckRequest& request, double confidence) {
  const Language* l = find_language(request.language_code);
  const std::string_view name = l ? l->name : "English (US)";
  w.Key("language");
  w.StartObject();
  w.Key("name");
  put(w, name);
  w.Key("code");
  put(w, request.language_code);
  w.Key("detectedLanguage");
  w.StartObject();
  w.Key("name");
  put(w, name);
  w.Key("code");
  put(w, request.language_code);
  w.Key("confidence");
  w.Double(std::round(confidence * 100) / 100);
  w.EndObject();
  w.EndObject();
}

}  // namespace

std::string check_json(const Report& report, const CheckRequest& request,
                       std::string_view version) {
  const std::string& plain = request.text.plain();
  const std::string& original = request.text.original();
  const Utf16Index index(original);
  const TextModel model(plain);

  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  w.Key("software");
  w.StartObject();
  w.Key("name");
  w.String("tactful");
  w.Key("version");
  put(w, version);
  w.Key("buildDate");
  w.Null();
  w.Key("apiVersion");
  w.Int(1);
  w.Key("premium");
  w.Bool(false);
  w.Key("status");
  w.String("");
  w.EndObject();
  w.Key("warnings");
  w.StartObject();
  w.Key("incompleteResults");
  w.Bool(false);
  w.EndObject();
  write_language(w, request, request.auto_language ? report.customer.english_confidence : 1.0);

  w.Key("matches");
  w.StartArray();
  for (const Suggestion& s : report.suggestions) {
    // An insertion becomes a replacement of the words it is anchored on.
    Span plain_span = s.span;
    std::vector<std::string> values;
    if (s.insert) {
      const std::size_t at = std::min(s.insert->at, plain.size());
      plain_span = {std::min(at, s.span.begin), std::max(at, s.span.end)};
      values.push_back(plain.substr(plain_span.begin, at - plain_span.begin) + s.insert->text +
                       plain.substr(at, plain_span.end - at));
    }
    for (const auto& r : s.replacements) values.push_back(r);
    const Span o = request.text.to_original(plain_span);
    const std::size_t u_begin = index.to_utf16(o.begin);
    const std::size_t u_length = std::max<std::size_t>(1, index.to_utf16(o.end) - u_begin);

    w.StartObject();
    w.Key("message");
    put(w, s.message);
    w.Key("shortMessage");
    put(w, category_name(s.category));
    w.Key("replacements");
    w.StartArray();
    for (const auto& v : values) {
      w.StartObject();
      w.Key("value");
      put(w, v);
      w.EndObject();
    }
    w.EndArray();
    w.Key("offset");
    w.Uint64(u_begin);
    w.Key("length");
    w.Uint64(u_length);
    const std::size_t c_begin = step_back(original, o.begin, 40);
    const std::size_t c_end = step_forward(original, o.end, 40);
    const std::string_view ctx = std::string_view(original).substr(c_begin, c_end - c_begin);
    w.Key("context");
    w.StartObject();
    w.Key("text");
    put(w, ctx);
    w.Key("offset");
    w.Uint64(u_begin - index.to_utf16(c_begin));
    w.Key("length");
    w.Uint64(u_length);
    w.EndObject();
    w.Key("sentence");
    put(w, sentence_at(model, plain_span.begin));
    w.Key("type");
    w.StartObject();
    w.Key("typeName");
    w.String("Hint");
    w.EndObject();
    w.Key("rule");
    w.StartObject();
    w.Key("id");
    put(w, to_lt_rule_id(s.rule));
    w.Key("description");
    put(w, s.why);
    w.Key("issueType");
    w.String("style");
    w.Key("category");
    w.StartObject();
    w.Key("id");
    put(w, to_lt_category_id(s.category));
    w.Key("name");
    put(w, category_name(s.category));
    w.EndObject();
    w.EndObject();
    w.Key("ignoreForIncompleteSentence");
    w.Bool(false);
    w.Key("contextForSureMatch");
    w.Int(0);
    w.EndObject();
  }
  w.EndArray();
  w.Key("sentenceRanges");
  w.StartArray();
  for (const auto& sentence : model.sentences) {
    const Span o = request.text.to_original(sentence.bytes);
    w.StartArray();
    w.Uint64(index.to_utf16(o.begin));
    w.Uint64(index.to_utf16(o.end));
    w.EndArray();
  }
  w.EndArray();
  w.EndObject();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tactful::lt
