// Finding a note's marker in each vendor's list of a conversation's notes.
#include "tactful/adapters/notes/reconcile.h"

#include <vector>

#include "json_view.h"
#include "tactful/adapters/notes/marker.h"
#include "url.h"

namespace tactful::notes {
namespace {

using detail::member;
using detail::path;
using detail::string_or_empty;
using detail::Value;
using webhooks::Vendor;

// How one vendor's list answer is read: where the items are, which items are private notes,
// and which fields hold their text.
struct ListShape {
  std::vector<std::string_view> items;  // path to the array; {} = the root is it
  bool missing_is_empty;                // HAL-style answers omit empty lists
  std::string_view private_field;       // boolean that must be true, or ""
  bool private_value;
  std::string_view type_field, type_value;  // string that must equal type_value, or ""
  std::vector<std::string_view> text_fields;
};

ListShape shape_of(Vendor vendor) {
  switch (vendor) {
    case Vendor::chatwoot:  // {"meta":{...},"payload":[{"content","private",...}]}
      return {{"payload"}, false, "private", true, "", "", {"content"}};
    case Vendor::zendesk:  // {"comments":[{"body","html_body","plain_body","public"}]}
      return {{"comments"}, false, "public", false, "", "", {"body", "plain_body", "html_body"}};
    case Vendor::intercom:  // the conversation, parts with part_type "note"
      return {{"conversation_parts", "conversation_parts"},
              true,
              "",
              false,
              "part_type",
              "note",
              {"body"}};
    case Vendor::front:  // {"_results":[{"id","body",...}]} (comments are always internal)
      return {{"_results"}, false, "", false, "", "", {"body"}};
    case Vendor::freshdesk:  // [{"body","body_text","private",...}]
      return {{}, false, "private", true, "", "", {"body_text", "body"}};
    case Vendor::zammad:  // [{"body","internal","type",...}]
      return {{}, false, "internal", true, "", "", {"body"}};
    case Vendor::helpscout:  // {"_embedded":{"threads":[{"type":"note","body"}]}}
      return {{"_embedded", "threads"}, true, "", false, "type", "note", {"body"}};
    case Vendor::livechat:  // get_chat: {"thread":{"events":[{"visibility","text"}]}}
      return {{"thread", "events"}, true, "", false, "visibility", "agents", {"text"}};
    case Vendor::generic:
      break;
  }
  return {{}, false, "", false, "", "", {}};
}

bool is_note(const Value& item, const ListShape& s) {
  if (!item.IsObject()) return false;
  if (!s.private_field.empty()) {
    const Value* p = member(&item, s.private_field);
    if (!p || !p->IsBool() || p->GetBool() != s.private_value) return false;
  }
  if (!s.type_field.empty() && string_or_empty(member(&item, s.type_field)) != s.type_value)
    return false;
  return true;
}

// The URL of the Link header's rel="next" (RFC 8288), if any.
std::optional<std::string> next_link(std::string_view link) {
  std::size_t pos = 0;
  while (pos < link.size()) {
    const std::size_t open = link.find('<', pos);
    if (open == std::string_view::npos) return std::nullopt;
    const std::size_t close = link.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    const std::size_t end = std::min(link.find(",", close), link.size());
    const std::string_view params = link.substr(close + 1, end - close - 1);
    if (params.find("rel=\"next\"") != std::string_view::npos ||
        params.find("rel=next") != std::string_view::npos)
      return std::string(link.substr(open + 1, close - open - 1));
    pos = end + 1;
  }
  return std::nullopt;
}

}  // namespace

Result<ListPage> find_marker(const NoteTarget& target, const HttpRequestSpec& sent,
                             const webhooks::Headers& headers, std::string_view body,
                             std::string_view marker) {
  const std::string what = std::string(webhooks::vendor_name(target.vendor)) + " notes list";
  if (target.vendor == Vendor::generic) return Error{"the generic vendor has no notes list"};
  if (body.size() > kMaxListBytes)
    return Error{what + ": " + std::to_string(body.size()) + " bytes is more than " +
                 std::to_string(kMaxListBytes)};
  auto doc = detail::parse_json(body, what);
  if (!doc.ok()) return doc.error();
  const ListShape shape = shape_of(target.vendor);
  const Value* items = &doc.value();
  for (std::string_view step : shape.items) items = member(items, step);
  ListPage page;
  if (!items && shape.missing_is_empty) return page;
  if (!items || !items->IsArray()) return Error{what + ": the list of notes is missing"};
  for (const auto& item : items->GetArray()) {
    if (!is_note(item, shape)) continue;
    ++page.notes_seen;
    for (std::string_view field : shape.text_fields)
      if (contains_marker(string_or_empty(member(&item, field)), marker)) {
        page.found = true;
        return page;
      }
  }
  if (target.vendor == Vendor::freshdesk)
    if (auto link = headers.get("Link"))
      if (auto url = next_link(*link)) {
        auto base = detail::normalize_base_url(target.vendor, target.base_url);
        if (!base.ok()) return base.error();
        if (!detail::under_base(base.value(), *url))
          return Error{what + ": the next page is not under base_url; not followed"};
        HttpRequestSpec next = sent;
        next.url = *url;
        page.next = std::move(next);
      }
  return page;
}

}  // namespace tactful::notes
