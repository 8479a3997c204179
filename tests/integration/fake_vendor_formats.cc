// Each helpdesk's wire format, as the fake vendor speaks it.
#include "fake_vendor_formats.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <functional>

namespace tactful::testing::fake {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

std::string path_of(const std::string& target) {
  return target.substr(0, target.find('?'));
}

// The path segment after `name` ("conversations", "tickets", "by_ticket"), without ".json".
std::string segment_after(const std::string& target, const std::string& name) {
  const std::string path = path_of(target);
  const std::string key = "/" + name + "/";
  const auto at = path.find(key);
  if (at == std::string::npos) return "";
  std::string seg = path.substr(at + key.size());
  seg = seg.substr(0, seg.find('/'));
  if (seg.ends_with(".json")) seg.resize(seg.size() - 5);
  return seg;
}

const rapidjson::Value* at(const rapidjson::Value* v, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    if (!v || !v->IsObject() || !v->HasMember(k)) return nullptr;
    v = &(*v)[k];
  }
  return v;
}

std::string json_field(const std::string& body, std::initializer_list<const char*> keys) {
  rapidjson::Document doc;
  doc.Parse(body.c_str(), body.size());
  if (doc.HasParseError()) return "";
  const rapidjson::Value* v = at(&doc, keys);
  if (!v) return "";
  if (v->IsString()) return std::string(v->GetString(), v->GetStringLength());
  if (v->IsUint64()) return std::to_string(v->GetUint64());
  return "";
}

template <typename Fill>
std::string write(Fill fill) {
  rapidjson::StringBuffer buf;
  Writer w(buf);
  fill(w);
  return std::string(buf.GetString(), buf.GetSize());
}

void str(Writer& w, const std::string& s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

// Items as [{id_key: n, text_key: note, extra...}] in the given order.
void items(Writer& w, const std::vector<std::string>& notes, const char* text_key,
           const std::function<void(Writer&)>& extra, bool newest_first) {
  w.StartArray();
  for (std::size_t k = 0; k < notes.size(); ++k) {
    const std::size_t i = newest_first ? notes.size() - 1 - k : k;
    w.StartObject();
    w.Key("id");
    w.Uint64(i + 1);
    w.Key(text_key);
    str(w, notes[i]);
    extra(w);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

bool is_create(Vendor vendor, const std::string& method, const std::string& target) {
  if (vendor == Vendor::livechat) return path_of(target).ends_with("/send_event");
  return method != "GET";
}

std::string conversation_of(Vendor vendor, const std::string& target, const std::string& body) {
  switch (vendor) {
    case Vendor::zendesk:
    case Vendor::freshdesk:
      return segment_after(target, "tickets");
    case Vendor::zammad:
      return target.find("/by_ticket/") != std::string::npos ? segment_after(target, "by_ticket")
                                                             : json_field(body, {"ticket_id"});
    case Vendor::livechat:
      return json_field(body, {"chat_id"});
    default:
      return segment_after(target, "conversations");
  }
}

std::string note_text(Vendor vendor, const std::string& body) {
  switch (vendor) {
    case Vendor::chatwoot:
      return json_field(body, {"content"});
    case Vendor::zendesk:
      return json_field(body, {"ticket", "comment", "body"});
    case Vendor::helpscout:
      return json_field(body, {"text"});
    case Vendor::livechat:
      return json_field(body, {"event", "text"});
    default:
      return json_field(body, {"body"});
  }
}

Answer created(Vendor vendor, const std::string& conversation, int id) {
  const std::string n = std::to_string(id);
  switch (vendor) {
    case Vendor::chatwoot:
      return {200, {}, R"({"id":)" + n + R"(,"private":true})"};
    case Vendor::zendesk:
      return {200,
              {},
              R"({"ticket":{"id":)" + conversation +
                  R"(},"audit":{"id":9000,"events":[{"type":"Comment","id":)" + n + "}]}}"};
    case Vendor::intercom:
      return {200,
              {},
              R"({"type":"conversation","id":")" + conversation +
                  R"(","conversation_parts":{"conversation_parts":[{"id":")" + n + R"("}]}})"};
    case Vendor::front:
      return {201, {}, R"({"id":"com_)" + n + R"("})"};
    case Vendor::helpscout:
      return {201, {{"Resource-ID", n}}, ""};
    case Vendor::livechat:
      return {200, {}, R"({"event_id":"E)" + n + R"("})"};
    default:  // freshdesk, zammad
      return {201, {}, R"({"id":)" + n + "}"};
  }
}

Answer listed(Vendor vendor, const std::string& conversation, const std::vector<std::string>& notes,
              const std::string& target, std::size_t page_size, const std::string& base) {
  const auto none = [](Writer&) {};
  switch (vendor) {
    case Vendor::chatwoot:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("meta");
                w.StartObject();
                w.EndObject();
                w.Key("payload");
                items(
                    w, notes, "content",
                    [](Writer& x) {
                      x.Key("private");
                      x.Bool(true);
                    },
                    false);
                w.EndObject();
              })};
    case Vendor::zendesk:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("comments");
                items(
                    w, notes, "body",
                    [](Writer& x) {
                      x.Key("public");
                      x.Bool(false);
                    },
                    true);
                w.EndObject();
              })};
    case Vendor::intercom:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("id");
                str(w, conversation);
                w.Key("conversation_parts");
                w.StartObject();
                w.Key("conversation_parts");
                items(
                    w, notes, "body",
                    [](Writer& x) {
                      x.Key("part_type");
                      x.String("note");
                    },
                    false);
                w.EndObject();
                w.EndObject();
              })};
    case Vendor::front:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("_results");
                items(w, notes, "body", none, true);
                w.EndObject();
              })};
    case Vendor::freshdesk: {
      std::size_t page = 1;
      for (const char* key : {"?page=", "&page="})
        if (auto p = target.find(key); p != std::string::npos)
          page = std::max<std::size_t>(1, std::stoul(target.substr(p + 6)));
      const std::size_t begin = std::min(notes.size(), (page - 1) * page_size);
      const std::size_t end = std::min(notes.size(), begin + page_size);
      const std::vector<std::string> slice(notes.begin() + begin, notes.begin() + end);
      Answer a{200, {}, write([&](Writer& w) {
                 items(
                     w, slice, "body",
                     [](Writer& x) {
                       x.Key("private");
                       x.Bool(true);
                     },
                     false);
               })};
      if (end < notes.size())
        a.headers.emplace_back("Link", "<" + base + path_of(target) + "?per_page=100&page=" +
                                           std::to_string(page + 1) + ">; rel=\"next\"");
      return a;
    }
    case Vendor::zammad:
      return {200, {}, write([&](Writer& w) {
                items(
                    w, notes, "body",
                    [](Writer& x) {
                      x.Key("internal");
                      x.Bool(true);
                    },
                    false);
              })};
    case Vendor::helpscout:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("_embedded");
                w.StartObject();
                w.Key("threads");
                items(
                    w, notes, "body",
                    [](Writer& x) {
                      x.Key("type");
                      x.String("note");
                    },
                    true);
                w.EndObject();
                w.EndObject();
              })};
    case Vendor::livechat:
      return {200, {}, write([&](Writer& w) {
                w.StartObject();
                w.Key("id");
                str(w, conversation);
                w.Key("thread");
                w.StartObject();
                w.Key("events");
                items(
                    w, notes, "text",
                    [](Writer& x) {
                      x.Key("visibility");
                      x.String("agents");
                    },
                    false);
                w.EndObject();
                w.EndObject();
              })};
    case Vendor::generic:
      break;
  }
  return {404, {}, ""};
}

notes::NoteTarget target_for(Vendor vendor, const std::string& base) {
  switch (vendor) {
    case Vendor::chatwoot:
      return {vendor, base, {{"api_access_token", "cw-token"}, {"account_id", "3"}}};
    case Vendor::zendesk:
      return {vendor, base, {{"email", "agent@example.com"}, {"api_token", "zd-token"}}};
    case Vendor::intercom:
      return {vendor, base, {{"access_token", "ic-token"}, {"admin_id", "814860"}}};
    case Vendor::front:
      return {vendor, base, {{"api_token", "fr-token"}}};
    case Vendor::freshdesk:
      return {vendor, base, {{"api_key", "fd-key"}}};
    case Vendor::zammad:
      return {vendor, base, {{"api_token", "zm-token"}}};
    case Vendor::helpscout:
      return {vendor, base, {{"access_token", "hs-token"}}};
    case Vendor::livechat:
      return {vendor, base, {{"access_token", "dal:lc-token"}}};
    case Vendor::generic:
      break;
  }
  return {vendor, base, {}};
}

}  // namespace tactful::testing::fake
