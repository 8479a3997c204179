// Fuzzes every webhook parser, the markup converters and the verifier: no input may crash,
// hang, throw or break an event's guarantees (message events have text and a conversation id,
// and their text is valid UTF-8); no random signature may verify.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tactful/adapters/webhooks/auth.h"
#include "tactful/adapters/webhooks/markup.h"
#include "tactful/adapters/webhooks/parse.h"

namespace wh = tactful::webhooks;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  wh::Headers headers{{"X-HelpScout-Event", "convo.agent.reply.created"},
                      {"X-Zammad-Trigger", "t"}};
  wh::ParseOptions options;
  options.headers = &headers;
  options.integration = "fuzz";
  for (wh::Vendor v : {wh::Vendor::chatwoot, wh::Vendor::zendesk, wh::Vendor::intercom,
                       wh::Vendor::front, wh::Vendor::freshdesk, wh::Vendor::zammad,
                       wh::Vendor::helpscout, wh::Vendor::livechat, wh::Vendor::generic}) {
    auto r = wh::parse(v, input, options);
    if (!r.ok()) {
      if (r.error().message.empty()) std::abort();  // every refusal says why
      continue;
    }
    const wh::NormalizedEvent& e = r.value();
    if (e.is_message() && (e.text.empty() || e.conversation_id.empty())) std::abort();
    if (wh::valid_utf8(e.text) != e.text) std::abort();
  }
  const std::string html = wh::html_to_text(input), md = wh::markdown_to_text(input);
  if (wh::valid_utf8(html) != html || wh::valid_utf8(md) != md) std::abort();

  // The verifier: the input's first line is the signature, the second the timestamp, the rest
  // the body. Guessing an HMAC is infeasible, so success means a bug.
  const std::size_t nl1 = input.find('\n');
  const std::size_t nl2 = nl1 == std::string_view::npos ? nl1 : input.find('\n', nl1 + 1);
  const std::string_view sig = input.substr(0, nl1);
  const std::string_view ts =
      nl1 == std::string_view::npos ? std::string_view() : input.substr(nl1 + 1, nl2 - nl1 - 1);
  const std::string_view body =
      nl2 == std::string_view::npos ? std::string_view() : input.substr(nl2 + 1);
  const auto now = std::chrono::sys_seconds{std::chrono::seconds{1768471500}};
  static const auto deliveries = std::make_shared<wh::DeliveryDeduper>(1024);
  for (auto scheme : {wh::SignatureScheme::chatwoot, wh::SignatureScheme::zendesk,
                      wh::SignatureScheme::intercom, wh::SignatureScheme::front_app,
                      wh::SignatureScheme::front_rule, wh::SignatureScheme::zammad,
                      wh::SignatureScheme::helpscout, wh::SignatureScheme::generic}) {
    wh::IntegrationAuth auth;
    auth.vendor = scheme == wh::SignatureScheme::front_rule  ? wh::Vendor::front
                  : scheme == wh::SignatureScheme::front_app ? wh::Vendor::front
                  : scheme == wh::SignatureScheme::chatwoot  ? wh::Vendor::chatwoot
                  : scheme == wh::SignatureScheme::zendesk   ? wh::Vendor::zendesk
                  : scheme == wh::SignatureScheme::intercom  ? wh::Vendor::intercom
                  : scheme == wh::SignatureScheme::zammad    ? wh::Vendor::zammad
                  : scheme == wh::SignatureScheme::helpscout ? wh::Vendor::helpscout
                                                             : wh::Vendor::generic;
    auth.method = wh::AuthMethod::signature;
    auth.scheme = scheme;
    auth.secret = "fuzz-secret-that-no-input-knows";
    auth.deliveries = deliveries;
    wh::Headers h;
    for (std::string_view name :
         {"X-Chatwoot-Signature", "X-Zendesk-Webhook-Signature", "X-Hub-Signature",
          "X-Front-Signature", "X-HelpScout-Signature", "X-Tactful-Signature"})
      h.add(name, sig);
    for (std::string_view name : {"X-Chatwoot-Timestamp", "X-Zendesk-Webhook-Signature-Timestamp",
                                  "X-Front-Request-Timestamp", "X-Tactful-Timestamp"})
      h.add(name, ts);
    if (wh::verify(auth, h, body, now).ok()) std::abort();
  }
  wh::IntegrationAuth basic;
  basic.method = wh::AuthMethod::basic_auth;
  basic.basic_user = "u";
  basic.basic_password = "p-that-no-input-knows";
  (void)wh::verify(basic, wh::Headers{{"Authorization", std::string(sig)}}, body, now);
  wh::IntegrationAuth livechat;
  livechat.vendor = wh::Vendor::livechat;
  livechat.method = wh::AuthMethod::body_secret;
  livechat.secret = "s";
  (void)wh::verify(livechat, {}, input, now);
  return 0;
}
