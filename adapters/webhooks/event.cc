// Names of vendors and roles, and the bridge from a NormalizedEvent to core's Message.
#include <array>
#include <utility>

#include "tactful/adapters/webhooks/event.h"

namespace tactful::webhooks {
namespace {

constexpr std::array<std::pair<std::string_view, Vendor>, 9> kVendors{{
    {"chatwoot", Vendor::chatwoot},
    {"zendesk", Vendor::zendesk},
    {"intercom", Vendor::intercom},
    {"front", Vendor::front},
    {"freshdesk", Vendor::freshdesk},
    {"zammad", Vendor::zammad},
    {"helpscout", Vendor::helpscout},
    {"livechat", Vendor::livechat},
    {"generic", Vendor::generic},
}};

}  // namespace

std::string_view vendor_name(Vendor vendor) {
  for (const auto& [name, v] : kVendors)
    if (v == vendor) return name;
  return "unknown";
}

std::optional<Vendor> vendor_from_name(std::string_view name) {
  if (name == "help-scout") return Vendor::helpscout;
  for (const auto& [n, v] : kVendors)
    if (n == name) return v;
  return std::nullopt;
}

std::string_view author_role_name(AuthorRole role) {
  switch (role) {
    case AuthorRole::customer:
      return "customer";
    case AuthorRole::agent:
      return "agent";
    case AuthorRole::bot:
      return "bot";
    case AuthorRole::system:
      return "system";
    case AuthorRole::unknown:
      break;
  }
  return "unknown";
}

Message NormalizedEvent::to_message() const {
  Message m;
  switch (author_role) {
    case AuthorRole::agent:
    case AuthorRole::bot:
      m.role = Role::agent;
      break;
    case AuthorRole::system:
      m.role = Role::system;
      break;
    case AuthorRole::customer:
    case AuthorRole::unknown:
      m.role = Role::customer;
      break;
  }
  m.text = text;
  m.at = created_at;
  return m;
}

}  // namespace tactful::webhooks
