// Rule documents as JSON, and diffs between two of them.
#include "rule_doc.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "json_out.h"

namespace tactful::server {
namespace {

void sort_entries(RuleDoc& doc) {
  std::sort(doc.entries.begin(), doc.entries.end(), [](const DocEntry& a, const DocEntry& b) {
    return std::tie(a.kind, a.team, a.id) < std::tie(b.kind, b.team, b.id);
  });
}

void write_entry(JsonOut& j, const DocEntry& e) {
  j.begin_object().field("kind", e.kind).field("team", e.team).field("id", e.id);
}

}  // namespace

Result<std::string> compact_json(std::string_view json) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(json.data(),
                                                                                  json.size());
  if (d.HasParseError())
    return Error{"invalid JSON at byte " + std::to_string(d.GetErrorOffset()) + ": " +
                 rapidjson::GetParseError_En(d.GetParseError())};
  return to_json_text(d);
}

std::string doc_to_json(const RuleDoc& doc) {
  JsonOut j;
  j.begin_object();
  for (const char* kind : {"rule", "override"}) {
    j.key(std::string(kind) + "s").begin_array();
    for (const auto& e : doc.entries) {
      if (e.kind != kind) continue;
      j.begin_object().field("team", e.team).field("id", e.id).key(kind).raw(e.body).end_object();
    }
    j.end_array();
  }
  j.end_object();
  return j.take();
}

Result<RuleDoc> doc_from_json(std::string_view json) {
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag>(json.data(), json.size());
  if (d.HasParseError() || !d.IsObject()) return Error{"a stored rule document is not JSON"};
  RuleDoc doc;
  for (const char* kind : {"rule", "override"}) {
    const std::string list = std::string(kind) + "s";
    if (!d.HasMember(list.c_str()) || !d[list.c_str()].IsArray()) continue;
    for (const auto& e : d[list.c_str()].GetArray()) {
      if (!e.IsObject() || !e.HasMember("id") || !e["id"].IsString() || !e.HasMember(kind))
        return Error{"a stored rule document has a malformed entry"};
      DocEntry entry{kind, e.HasMember("team") && e["team"].IsString() ? e["team"].GetString() : "",
                     e["id"].GetString(), to_json_text(e[kind])};
      doc.entries.push_back(std::move(entry));
    }
  }
  sort_entries(doc);
  return doc;
}

RuleDoc doc_from_items(const std::vector<Item>& items) {
  RuleDoc doc;
  for (const auto& it : items) doc.entries.push_back({it.kind, it.team, it.id, it.body});
  sort_entries(doc);
  return doc;
}

std::vector<Item> items_from_doc(const RuleDoc& doc) {
  std::vector<Item> out;
  for (const auto& e : doc.entries) {
    Item it;
    it.kind = e.kind;
    it.team = e.team;
    it.id = e.id;
    it.body = e.body;
    out.push_back(std::move(it));
  }
  return out;
}

std::string doc_diff_json(const RuleDoc& a, const RuleDoc& b) {
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, const DocEntry*> before, after;
  for (const auto& e : a.entries) before[{e.kind, e.team, e.id}] = &e;
  for (const auto& e : b.entries) after[{e.kind, e.team, e.id}] = &e;
  JsonOut j;
  j.begin_object().key("added").begin_array();
  for (const auto& [k, e] : after)
    if (!before.count(k)) {
      write_entry(j, *e);
      j.key("after").raw(e->body).end_object();
    }
  j.end_array().key("removed").begin_array();
  for (const auto& [k, e] : before)
    if (!after.count(k)) {
      write_entry(j, *e);
      j.key("before").raw(e->body).end_object();
    }
  j.end_array().key("changed").begin_array();
  for (const auto& [k, e] : after) {
    auto it = before.find(k);
    if (it == before.end() || it->second->body == e->body) continue;
    write_entry(j, *e);
    j.key("before").raw(it->second->body).key("after").raw(e->body).end_object();
  }
  j.end_array().end_object();
  return j.take();
}

}  // namespace tactful::server
