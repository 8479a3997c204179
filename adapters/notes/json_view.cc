// Defensive JSON reading for vendor answers.
#include "json_view.h"

#include <rapidjson/error/en.h>

#include "tactful/text.h"

namespace tactful::notes::detail {

Result<rapidjson::Document> parse_json(std::string_view body, std::string_view what) {
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(body.data(),
                                                                                    body.size());
  if (doc.HasParseError())
    return Error{std::string(what) + ": invalid JSON at byte " +
                 std::to_string(doc.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(doc.GetParseError())};
  return doc;
}

const Value* member(const Value* v, std::string_view name) {
  if (!v || !v->IsObject()) return nullptr;
  const auto it = v->FindMember(
      Value(rapidjson::StringRef(name.data(), static_cast<rapidjson::SizeType>(name.size()))));
  return it == v->MemberEnd() ? nullptr : &it->value;
}

const Value* path(const Value* v, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) v = member(v, n);
  return v;
}

std::optional<std::string> scalar_text(const Value* v) {
  if (!v) return std::nullopt;
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  if (v->IsInt64()) return std::to_string(v->GetInt64());
  return std::nullopt;
}

std::string_view string_or_empty(const Value* v) {
  if (!v || !v->IsString()) return {};
  return {v->GetString(), v->GetStringLength()};
}

std::string one_line(std::string_view text, std::size_t max_bytes) {
  std::string out;
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode_utf8(text, i);
    i += d.length;
    if (d.cp < 0x20 || d.cp == 0x7F || d.cp == ' ') {
      space = !out.empty();
      continue;
    }
    std::string piece;
    append_utf8(piece, d.cp);
    const std::size_t need = piece.size() + (space ? 1 : 0);
    if (out.size() + need > max_bytes) {
      out += "...";
      return out;
    }
    if (space) out += ' ';
    space = false;
    out += piece;
  }
  return out;
}

}  // namespace tactful::notes::detail
