// parse(): the shared steps around each vendor's parser.
#include "tactful/adapters/webhooks/parse.h"

#include "json_reader.h"
#include "tactful/adapters/webhooks/markup.h"

namespace tactful::webhooks {
namespace {

// Vendors that send their delivery id as a header rather than in the body.
std::string_view delivery_header(Vendor vendor) {
  switch (vendor) {
    case Vendor::chatwoot:
      return "X-Chatwoot-Delivery";
    case Vendor::zendesk:
      return "X-Zendesk-Webhook-Invocation-Id";
    case Vendor::zammad:
      return "X-Zammad-Delivery";
    case Vendor::generic:
      return "X-Tactful-Delivery";
    default:
      return "";
  }
}

}  // namespace

Result<NormalizedEvent> parse(Vendor vendor, std::string_view body, const ParseOptions& options) {
  auto doc = detail::parse_body(body, options.max_body_bytes);
  if (!doc.ok()) return doc.error();
  const detail::Node root{&doc.value(), ""};
  Result<NormalizedEvent> event = Error{"unknown vendor"};
  switch (vendor) {
    case Vendor::chatwoot:
      event = detail::parse_chatwoot(root, options);
      break;
    case Vendor::zendesk:
      event = detail::parse_zendesk(root, options);
      break;
    case Vendor::intercom:
      event = detail::parse_intercom(root, options);
      break;
    case Vendor::front:
      event = detail::parse_front(root, options);
      break;
    case Vendor::freshdesk:
      event = detail::parse_freshdesk(root, options);
      break;
    case Vendor::zammad:
      event = detail::parse_zammad(root, options);
      break;
    case Vendor::helpscout:
      event = detail::parse_helpscout(root, options);
      break;
    case Vendor::livechat:
      event = detail::parse_livechat(root, options);
      break;
    case Vendor::generic:
      event = detail::parse_generic(root, options);
      break;
  }
  if (!event.ok()) return event;
  NormalizedEvent& e = event.value();
  e.vendor = vendor;
  e.integration = options.integration;
  if (e.delivery_id.empty() && options.headers && !delivery_header(vendor).empty())
    if (auto id = options.headers->get(delivery_header(vendor))) e.delivery_id = std::string(*id);
  if (e.is_message()) {
    // Text from a JSON string may hold bytes an escaped lone surrogate decoded to.
    e.text = valid_utf8(e.text);
    if (e.conversation_id.empty()) return Error{"no conversation id in the event"};
    if (e.text.empty()) {
      e.kind = EventKind::ignored;
      e.ignored_reason = "the message has no text (attachments only?)";
    }
  }
  return event;
}

}  // namespace tactful::webhooks
