// Fuzzes the LanguageTool input side: the form parser, the annotated `data` parser and its
// offset mapping, and the /v2/check parameter reader. No input may crash or hang, every
// refusal must say why, and mapped spans must stay inside the original text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tactful/adapters/languagetool.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  tactful::lt::FormParams params;
  if (auto e = tactful::lt::parse_form(input, params)) {
    if (e->message.empty()) std::abort();
    return 0;
  }
  // The raw input as `data` JSON too, so the annotation parser sees unencoded bytes.
  auto annotated = tactful::lt::parse_annotated_data(input);
  if (annotated.ok()) {
    const auto& t = annotated.value();
    for (std::size_t b = 0; b <= t.plain().size() && b < 64; ++b) {
      const tactful::Span o = t.to_original({b, t.plain().size()});
      if (o.begin > o.end || o.end > t.original().size()) std::abort();
    }
  } else if (annotated.error().message.empty()) {
    std::abort();
  }
  static const auto rules = tactful::RuleSet::builtin();
  auto checked = tactful::lt::parse_check(params, *rules);
  if (auto* e = std::get_if<tactful::lt::LtError>(&checked))
    if (e->message.empty() || (e->status != 400 && e->status != 413)) std::abort();
  return 0;
}
