// Fuzzes the note adapters: request building from hostile ids, text and credentials; reading
// vendors' answers (errors, created ids, Retry-After) and their note lists. No input may crash,
// hang or throw; built requests keep their guarantees (no CR/LF in header values, JSON bodies
// that re-parse as valid UTF-8, URLs under the base); every refusal says why.
#include <rapidjson/document.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "tactful/adapters/notes/marker.h"
#include "tactful/adapters/notes/reconcile.h"
#include "tactful/adapters/notes/request.h"
#include "tactful/adapters/notes/response.h"

namespace notes = tactful::notes;
namespace wh = tactful::webhooks;

namespace {

constexpr wh::Vendor kVendors[] = {
    wh::Vendor::chatwoot,  wh::Vendor::zendesk, wh::Vendor::intercom,  wh::Vendor::front,
    wh::Vendor::freshdesk, wh::Vendor::zammad,  wh::Vendor::helpscout, wh::Vendor::livechat};

void check_request(const notes::HttpRequestSpec& r, std::string_view base) {
  for (const auto& [name, value] : r.headers)
    if (value.find_first_of("\r\n") != std::string::npos) std::abort();
  if (!r.url.starts_with(base)) std::abort();
  if (!r.body.empty()) {
    rapidjson::Document doc;
    doc.Parse<rapidjson::kParseValidateEncodingFlag>(r.body.data(), r.body.size());
    if (doc.HasParseError()) {
      std::fprintf(stderr, "fuzz_notes: the body of %s is not JSON: %s\n", r.url.c_str(),
                   r.body.c_str());
      std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  // Lines: conversation id, credential value, note text; the whole input is also an answer.
  const std::size_t nl1 = input.find('\n');
  const std::size_t nl2 = nl1 == std::string_view::npos ? nl1 : input.find('\n', nl1 + 1);
  const std::string_view id = input.substr(0, nl1);
  const std::string_view credential =
      nl1 == std::string_view::npos ? std::string_view() : input.substr(nl1 + 1, nl2 - nl1 - 1);
  const std::string_view text = nl2 == std::string_view::npos ? input : input.substr(nl2 + 1);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1768471500}};
  const std::string marker = notes::marker_for(id, credential);

  for (wh::Vendor v : kVendors) {
    const std::string base = "https://helpdesk.example.com";
    const std::string c(credential);
    notes::NoteTarget t{v,
                        base,
                        {{"api_access_token", c},
                         {"account_id", c},
                         {"email", c},
                         {"api_token", c},
                         {"access_token", c},
                         {"admin_id", c},
                         {"api_key", c},
                         {"user_id", c},
                         {"author_id", c},
                         {"region", c}}};
    auto post = notes::build_note_request(t, id, text, marker);
    if (post.ok())
      check_request(post.value(), base);
    else if (post.error().message.empty())
      std::abort();
    auto list = notes::build_list_request(t, id);
    if (!list.ok()) {
      if (list.error().message.empty()) std::abort();
      continue;
    }
    check_request(list.value(), base);
    const wh::Headers headers{{"Link", std::string(text)},
                              {"Retry-After", std::string(id)},
                              {"X-RateLimit-Reset", std::string(credential)},
                              {"Resource-ID", std::string(credential)}};
    auto page = notes::find_marker(t, list.value(), headers, input, marker);
    if (!page.ok() && page.error().message.empty()) std::abort();
    if (page.ok() && page->next && !page->next->url.starts_with(base)) std::abort();
    for (int status : {200, 201, 404, 429, 500, 503}) {
      const notes::Judgement j = notes::judge_answer(v, status, headers, input, now);
      if (j.reason.find('\n') != std::string::npos) std::abort();
    }
    const std::string e = notes::vendor_error(v, input);
    if (e.size() > 210 || e.find('\n') != std::string::npos) std::abort();
  }
  (void)notes::parse_retry_after(input, now);
  (void)notes::contains_marker(input, marker);
  (void)notes::has_any_marker(input);
  return 0;
}
