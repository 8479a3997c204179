// One builder per vendor: the endpoint, authentication and body each vendor documents for a
// private note (docs/notes.md, "Per vendor", has the sources), and its read-only list call.
#include "vendor_requests.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "../json_strings.h"
#include "tactful/adapters/json_writer.h"
#include "tactful/adapters/webhooks/crypto.h"
#include "url.h"

namespace tactful::notes::detail {
namespace {

using webhooks::Vendor;
using Writer = JsonWriter;

bool has_control(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}

std::string basic(std::string_view user, std::string_view password) {
  return "Basic " + webhooks::to_base64(std::string(user) + ":" + std::string(password));
}

// Writes a JSON object with `fill(writer)` and returns it.
template <typename Fill>
std::string json(Fill fill) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  w.StartObject();
  fill(w);
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

void key(Writer& w, const char* k) {
  w.Key(k);
}
void str(Writer& w, std::string_view v) {
  adapters_internal::write_utf8(w, v);
}

// The header fields every request carries after its authentication.
void finish(HttpRequestSpec& out, bool post, bool has_body) {
  out.headers.emplace_back("Accept", "application/json");
  if (post || has_body) out.headers.emplace_back("Content-Type", "application/json");
}

void chatwoot(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string token = c.need("api_access_token");
  const std::string account = c.need("account_id");
  if (!c.failed() && !check_id(account, "chatwoot credential 'account_id'", true).ok())
    c.fail("chatwoot credential 'account_id' must be a number (digits only)");
  out.url = in.base + "/api/v1/accounts/" + account + "/conversations/" +
            encode_segment(in.conversation_id) + "/messages";
  out.headers.emplace_back("api_access_token", token);
  if (in.post) {
    out.method = "POST";
    out.body = json([&](Writer& w) {
      key(w, "content");
      str(w, in.text);
      key(w, "message_type");
      w.String("outgoing");
      key(w, "private");
      w.Bool(true);
    });
  } else {
    out.method = "GET";
  }
  finish(out, in.post, false);
}

void zendesk(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const auto email = c.maybe("email");
  const auto api_token = c.maybe("api_token");
  const auto oauth = c.maybe("oauth_token");
  if (email && api_token)
    out.headers.emplace_back("Authorization", basic(*email + "/token", *api_token));
  else if (oauth)
    out.headers.emplace_back("Authorization", "Bearer " + *oauth);
  else if (!c.failed())
    c.fail(std::string("zendesk credential '") + (email ? "api_token" : "email") +
           "' is missing (give 'email' and 'api_token', or 'oauth_token')");
  const std::string ticket = in.base + "/api/v2/tickets/" + encode_segment(in.conversation_id);
  if (in.post) {
    out.method = "PUT";
    out.url = ticket + ".json";
    out.body = json([&](Writer& w) {
      key(w, "ticket");
      w.StartObject();
      key(w, "comment");
      w.StartObject();
      key(w, "body");
      str(w, in.text);
      key(w, "public");
      w.Bool(false);
      w.EndObject();
      w.EndObject();
    });
  } else {
    out.method = "GET";
    out.url = ticket + "/comments.json?sort_order=desc";
  }
  finish(out, in.post, false);
}

void intercom(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string token = c.need("access_token");
  const std::string admin = c.need("admin_id");
  const std::string version = c.maybe("intercom_version").value_or("2.11");
  const std::string conversation = in.base + "/conversations/" + encode_segment(in.conversation_id);
  out.headers.emplace_back("Authorization", "Bearer " + token);
  out.headers.emplace_back("Intercom-Version", version);
  if (in.post) {
    out.method = "POST";
    out.url = conversation + "/reply";
    out.body = json([&](Writer& w) {
      key(w, "message_type");
      w.String("note");
      key(w, "type");
      w.String("admin");
      key(w, "admin_id");
      str(w, admin);
      key(w, "body");
      str(w, html_lines(in.text));
    });
  } else {
    out.method = "GET";
    out.url = conversation;
  }
  finish(out, in.post, false);
}

void front(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string token = c.need("api_token");
  const auto author = c.maybe("author_id");
  out.url = in.base + "/conversations/" + encode_segment(in.conversation_id) + "/comments";
  out.headers.emplace_back("Authorization", "Bearer " + token);
  if (in.post) {
    out.method = "POST";
    out.body = json([&](Writer& w) {
      if (author) {
        key(w, "author_id");
        str(w, *author);
      }
      key(w, "body");
      str(w, in.text);
    });
  } else {
    out.method = "GET";
  }
  finish(out, in.post, false);
}

void freshdesk(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string key_value = c.need("api_key");
  const std::string ticket = in.base + "/api/v2/tickets/" + encode_segment(in.conversation_id);
  out.headers.emplace_back("Authorization", basic(key_value, "X"));
  if (in.post) {
    out.method = "POST";
    out.url = ticket + "/notes";
    out.body = json([&](Writer& w) {
      key(w, "body");
      str(w, html_lines(in.text));
      key(w, "private");
      w.Bool(true);
    });
  } else {
    out.method = "GET";
    out.url = ticket + "/conversations?per_page=100";
  }
  finish(out, in.post, false);
}

void zammad(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string token = c.need("api_token");
  out.headers.emplace_back("Authorization", "Token token=" + token);
  if (in.post) {
    out.method = "POST";
    out.url = in.base + "/api/v1/ticket_articles";
    out.body = json([&](Writer& w) {
      key(w, "ticket_id");
      w.Uint64(std::stoull(std::string(in.conversation_id)));  // checked: 1-18 digits
      key(w, "body");
      str(w, in.text);
      key(w, "content_type");
      w.String("text/plain");
      key(w, "type");
      w.String("note");
      key(w, "internal");
      w.Bool(true);
    });
  } else {
    out.method = "GET";
    out.url = in.base + "/api/v1/ticket_articles/by_ticket/" + encode_segment(in.conversation_id);
  }
  finish(out, in.post, false);
}

void helpscout(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const std::string token = c.need("access_token");
  const auto user = c.maybe("user_id");
  if (user && !check_id(*user, "helpscout credential 'user_id'", true).ok())
    c.fail("helpscout credential 'user_id' must be a number (digits only)");
  const std::string conversation =
      in.base + "/v2/conversations/" + encode_segment(in.conversation_id);
  out.headers.emplace_back("Authorization", "Bearer " + token);
  if (in.post) {
    out.method = "POST";
    out.url = conversation + "/notes";
    out.body = json([&](Writer& w) {
      key(w, "text");
      str(w, html_lines(in.text));
      if (user && !c.failed()) {
        key(w, "user");
        w.Uint64(std::stoull(*user));
      }
    });
  } else {
    out.method = "GET";
    out.url = conversation + "/threads";
  }
  finish(out, in.post, false);
}

void livechat(const BuildInput& in, Credentials& c, HttpRequestSpec& out) {
  const auto token = c.maybe("access_token");
  const auto account = c.maybe("account_id");
  const auto pat = c.maybe("personal_access_token");
  const auto region = c.maybe("region");
  if (token)
    out.headers.emplace_back("Authorization", "Bearer " + *token);
  else if (account && pat)
    out.headers.emplace_back("Authorization", basic(*account, *pat));
  else if (!c.failed())
    c.fail(std::string("livechat credential '") +
           (account ? "personal_access_token" : "access_token") +
           "' is missing (give 'access_token', or 'account_id' and 'personal_access_token')");
  if (region) out.headers.emplace_back("X-Region", *region);
  out.method = "POST";  // LiveChat's Web API is all POST actions, reads included
  const std::string action = in.base + "/v3.6/agent/action/";
  if (in.post) {
    out.url = action + "send_event";
    out.body = json([&](Writer& w) {
      key(w, "chat_id");
      str(w, in.conversation_id);
      key(w, "event");
      w.StartObject();
      key(w, "type");
      w.String("message");
      key(w, "text");
      str(w, in.text);
      key(w, "visibility");
      w.String("agents");
      w.EndObject();
    });
  } else {
    out.url = action + "get_chat";
    out.body = json([&](Writer& w) {
      key(w, "chat_id");
      str(w, in.conversation_id);
    });
  }
  finish(out, in.post, true);
}

}  // namespace

std::string Credentials::need(std::string_view key) {
  auto v = maybe(key);
  if (!v && !failed())
    fail(std::string(vendor_) + " credential '" + std::string(key) + "' is missing");
  return v.value_or("");
}

std::optional<std::string> Credentials::maybe(std::string_view key) {
  if (failed()) return std::nullopt;
  const auto it = map_.find(std::string(key));
  if (it == map_.end() || it->second.empty()) return std::nullopt;
  if (has_control(it->second)) {
    fail(std::string(vendor_) + " credential '" + std::string(key) +
         "' holds a line break or control character");
    return std::nullopt;
  }
  return it->second;
}

void Credentials::fail(std::string message) {
  if (!error_) error_ = Error{std::move(message)};
}

bool numeric_ids(Vendor vendor) {
  switch (vendor) {
    case Vendor::chatwoot:
    case Vendor::zendesk:
    case Vendor::freshdesk:
    case Vendor::zammad:
    case Vendor::helpscout:
      return true;
    default:
      return false;
  }
}

void build_vendor_request(Vendor vendor, const BuildInput& in, Credentials& creds,
                          HttpRequestSpec& out) {
  switch (vendor) {
    case Vendor::chatwoot:
      return chatwoot(in, creds, out);
    case Vendor::zendesk:
      return zendesk(in, creds, out);
    case Vendor::intercom:
      return intercom(in, creds, out);
    case Vendor::front:
      return front(in, creds, out);
    case Vendor::freshdesk:
      return freshdesk(in, creds, out);
    case Vendor::zammad:
      return zammad(in, creds, out);
    case Vendor::helpscout:
      return helpscout(in, creds, out);
    case Vendor::livechat:
      return livechat(in, creds, out);
    case Vendor::generic:
      break;
  }
  creds.fail("the generic vendor has no note API");
}

}  // namespace tactful::notes::detail
