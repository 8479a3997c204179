// Writing the native response JSON.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cmath>
#include <cstdint>
#include <optional>

#include "../json_strings.h"
#include "../json_text.h"
#include "report_json.h"
#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/native_json.h"

namespace tactful {
namespace {

template <typename Writer>
void write_string(Writer& w, std::string_view s) {
  adapters_internal::write_utf8(w, s);  // no copy unless the text has invalid bytes
}
void write_string(adapters_internal::JsonText& w, std::string_view s) {
  w.Utf8String(s);  // checked and escaped in one pass
}

// UTF-16 offsets into one text. Up to its first non-ASCII byte a byte is a unit, so most offsets
// need no Utf16Index (which allocates and decodes the whole text); one is built only for an
// offset past that.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text)
      : text_(text), ascii_(adapters_internal::ascii_prefix(text)) {}
  std::size_t operator()(std::size_t byte_offset) {
    if (byte_offset <= ascii_) return byte_offset;
    if (!index_) index_.emplace(text_);
    return index_->to_utf16(byte_offset);
  }

 private:
  std::string_view text_;
  std::size_t ascii_;
  std::optional<Utf16Index> index_;
};

double round_to(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

template <typename Writer>
void write_rounded(Writer& w, double v, int digits) {
  w.Double(round_to(v, digits));
}
void write_rounded(adapters_internal::JsonText& w, double v, int digits) {
  w.RoundedDouble(v, digits);  // the same bytes without dtoa
}

template <typename Writer>
void write_report(Writer& w, const Report& report, const SuggestRequest& request,
                  std::optional<std::uint64_t> seq = std::nullopt) {
  w.StartObject();
  if (seq) {
    w.Key("seq");
    w.Uint64(*seq);
  }
  w.Key("suggestions");
  w.StartArray();
  std::optional<Utf16Offsets> draft_utf16;
  for (const Suggestion& s : report.suggestions) {
    w.StartObject();
    w.Key("rule");
    write_string(w, s.rule);
    w.Key("category");
    write_string(w, s.category);
    w.Key("severity");
    w.String(to_string(s.severity));
    w.Key("offset");
    w.Uint64(s.utf16.begin);
    w.Key("length");
    w.Uint64(s.utf16.size());
    w.Key("byte_offset");
    w.Uint64(s.span.begin);
    w.Key("byte_length");
    w.Uint64(s.span.size());
    w.Key("text");
    write_string(w, std::string_view(request.draft).substr(s.span.begin, s.span.size()));
    w.Key("message");
    write_string(w, s.message);
    w.Key("why");
    write_string(w, s.why);
    w.Key("replacements");
    w.StartArray();
    for (const auto& r : s.replacements) write_string(w, r);
    w.EndArray();
    w.Key("insert");
    if (s.insert) {
      if (!draft_utf16) draft_utf16.emplace(request.draft);
      w.StartObject();
      w.Key("text");
      write_string(w, s.insert->text);
      w.Key("offset");
      w.Uint64((*draft_utf16)(s.insert->at));
      w.Key("byte_offset");
      w.Uint64(s.insert->at);
      w.EndObject();
    } else {
      w.Null();
    }
    w.Key("confidence");
    write_rounded(w, s.confidence, 2);
    w.EndObject();
  }
  w.EndArray();

  const CustomerSignals& c = report.customer;
  w.Key("customer");
  w.StartObject();
  w.Key("sentiment");
  write_rounded(w, c.sentiment, 4);
  w.Key("frustration");
  write_rounded(w, c.frustration, 2);
  w.Key("intents");
  w.StartArray();
  for (const Intent& i : c.intents) write_string(w, i.id);
  w.EndArray();
  w.Key("evidence");
  w.StartArray();
  for (const Intent& i : c.intents) {
    if (i.message_index >= request.history.size()) continue;
    const std::string& text = request.history[i.message_index].text;
    Utf16Offsets utf16(text);
    w.StartObject();
    w.Key("intent");
    write_string(w, i.id);
    w.Key("message");
    w.Uint64(i.message_index);
    w.Key("offset");
    const std::size_t begin = utf16(i.evidence.begin);
    w.Uint64(begin);
    w.Key("length");
    w.Uint64(utf16(i.evidence.end) - begin);
    w.Key("text");
    write_string(w, std::string_view(text).substr(i.evidence.begin, i.evidence.size()));
    w.EndObject();
  }
  w.EndArray();
  w.Key("waited_minutes");
  if (c.waited_minutes)
    write_rounded(w, *c.waited_minutes, 1);
  else
    w.Null();
  w.Key("repeat_contact");
  w.Bool(c.repeat_contact);
  w.Key("english_confidence");
  write_rounded(w, c.english_confidence, 2);
  w.EndObject();

  w.Key("scores");
  w.StartObject();
  const std::pair<const char*, const Score*> scores[] = {{"empathy", &report.scores.empathy},
                                                         {"positivity", &report.scores.positivity},
                                                         {"clarity", &report.scores.clarity},
                                                         {"overall", &report.scores.overall}};
  for (const auto& [name, score] : scores) {
    w.Key(name);
    w.Int(score->value);
  }
  w.Key("reasons");
  w.StartObject();
  for (const auto& [name, score] : scores) {
    w.Key(name);
    w.StartArray();
    for (const auto& r : score->reasons) write_string(w, r);
    w.EndArray();
  }
  w.EndObject();
  w.EndObject();

  w.Key("revised");
  write_string(w, report.revised);
  if (request.dropped_history) {
    w.Key("dropped_history");
    w.Uint64(request.dropped_history);
  }
  w.EndObject();
}

// About how long the compact response will be, so its string is allocated once.
std::size_t estimated_size(const Report& report, const SuggestRequest& request) {
  std::size_t n = 1024 + report.revised.size();
  for (const Suggestion& s : report.suggestions) {
    n += 256 + s.rule.size() + s.category.size() + s.message.size() + s.why.size() + s.span.size() +
         (s.insert ? s.insert->text.size() : 0);
    for (const auto& r : s.replacements) n += 4 + r.size();
  }
  for (const Intent& i : report.customer.intents) n += 96 + 2 * i.id.size() + i.evidence.size();
  for (const Score* score : {&report.scores.empathy, &report.scores.positivity,
                             &report.scores.clarity, &report.scores.overall})
    for (const auto& r : score->reasons) n += 4 + r.size();
  return n + (request.dropped_history ? 32 : 0);
}

}  // namespace

std::string report_to_json(const Report& report, const SuggestRequest& request, bool pretty) {
  if (pretty) {
    rapidjson::StringBuffer buffer;
    JsonPrettyWriter w(buffer);
    w.SetIndent(' ', 2);
    write_report(w, report, request);
    return {buffer.GetString(), buffer.GetSize()};
  }
  return native_internal::compact_report_json(report, request, std::nullopt);
}

// The compact form is what every request gets: written straight into the thread's buffer.
std::string native_internal::compact_report_json(const Report& report,
                                                 const SuggestRequest& request,
                                                 std::optional<std::uint64_t> seq) {
  adapters_internal::JsonText w(estimated_size(report, request) + (seq ? 32 : 0));
  write_report(w, report, request, seq);
  return w.take();
}

}  // namespace tactful
