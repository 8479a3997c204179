// The language list of /v2/languages and the lookup /v2/check validates `language` with.
#include "languages.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <string>

#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/languagetool.h"

namespace tactful::lt {
namespace {

// Sorted by name, as LanguageTool sorts them.
constexpr std::array kLanguages = {
    Language{"English", "en", "en"},
    Language{"English (Australian)", "en", "en-AU"},
    Language{"English (Canadian)", "en", "en-CA"},
    Language{"English (GB)", "en", "en-GB"},
    Language{"English (New Zealand)", "en", "en-NZ"},
    Language{"English (South African)", "en", "en-ZA"},
    Language{"English (US)", "en", "en-US"},
};

std::string canonical(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

const Language* find_language(std::string_view code) {
  const std::string want = canonical(code);
  if (want == "en") return &kLanguages[0];
  for (const Language& l : kLanguages)
    if (canonical(l.long_code) == want) return &l;
  return nullptr;
}

std::string languages_json() {
  rapidjson::StringBuffer buffer;
  JsonWriter w(buffer);
  w.StartArray();
  for (const Language& l : kLanguages) {
    w.StartObject();
    w.Key("name");
    w.String(l.name.data(), static_cast<rapidjson::SizeType>(l.name.size()));
    w.Key("code");
    w.String(l.code.data(), static_cast<rapidjson::SizeType>(l.code.size()));
    w.Key("longCode");
    w.String(l.long_code.data(), static_cast<rapidjson::SizeType>(l.long_code.size()));
    w.EndObject();
  }
  w.EndArray();
  return {buffer.GetString(), buffer.GetSize()};
}

}  // namespace tactful::lt
