// Fuzzes the native request parser and, when a request parses, the whole analysis and the
// response writer: no input may crash, hang or produce invalid JSON.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  tactful::RequestLimits limits;
  limits.max_draft_chars = 20000;
  auto parsed = tactful::parse_suggest_request(input, limits);
  if (auto* error = std::get_if<tactful::RequestError>(&parsed)) {
    if (error->message.empty()) std::abort();  // every refusal says why
    return 0;
  }
  auto& request = std::get<tactful::SuggestRequest>(parsed);
  static const tactful::Engine engine(tactful::RuleSet::builtin());
  const tactful::Report report =
      engine.analyze(request.context(), request.draft_view(), request.options());
  for (const auto& s : report.suggestions) {
    if (s.span.end > request.draft.size() || s.span.begin > s.span.end) std::abort();
    if (s.utf16.begin > s.utf16.end) std::abort();
  }
  const std::string json = tactful::report_to_json(report, request);
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseValidateEncodingFlag>(json.data(), json.size());
  if (doc.HasParseError()) std::abort();
  return 0;
}
