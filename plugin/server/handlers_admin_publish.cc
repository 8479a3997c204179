// Admin routes: validate, dry-run, publish, roll back, and published versions with diffs.
#include <chrono>

#include "admin_http.h"
#include "handlers.h"
#include "handlers_admin.h"
#include "json_out.h"
#include "rule_doc.h"
#include "services.h"
#include "tactful/adapters/native_json.h"
#include "tenant_rules.h"

namespace tactful::server {
namespace {

std::shared_ptr<const RuleSet> base_rules(Services& s) {
  return s.engines.get()->snapshot();
}

Result<RuleDoc> working_doc(Services& s, const std::string& tenant) {
  auto items = s.admin->items(tenant, "");
  if (!items.ok()) return Error{items.error().message};
  return doc_from_items(*items);
}

// Compiles `doc`, records it as the next version and swaps it in; the old rules keep serving
// on any failure. Holds publish_mu so two publishes cannot interleave their swap and record.
HttpResponse publish_doc(Services& s, const AdminCaller& caller, const RuleDoc& doc,
                         const std::string& note, std::int64_t rolled_back_from) {
  const std::lock_guard lock(s.publish_mu);
  const auto started = std::chrono::steady_clock::now();
  CompileResult compiled = compile_tenant(doc, base_rules(s), true);
  if (!compiled.rules) {
    s.log.event("info", "rules_publish_refused",
                "tenant " + caller.token.tenant + ": " + std::to_string(compiled.problems.size()) +
                    " problems; the published rules keep serving");
    return problems_response(rolled_back_from ? "the rollback was refused: that version no longer "
                                                "compiles; the rules in service keep serving"
                                              : "the rules were not published; the rules in "
                                                "service keep serving",
                             compiled.problems);
  }
  const std::vector<Item> items = items_from_doc(doc);
  auto v = s.admin->publish(caller.actor(), doc_to_json(doc), note, rolled_back_from,
                            rolled_back_from ? &items : nullptr);
  if (!v.ok()) return store_error(v.error(), s);
  compiled.rules->version = v->version;
  const std::size_t rules = compiled.rules->tenant->rules().rules().size();
  std::vector<std::string> teams;
  for (const auto& [team, engine] : compiled.rules->teams) teams.push_back(team);
  const auto waived = compiled.rules->waived;
  s.tenants.set(caller.token.tenant, std::move(compiled.rules));
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  s.log.event("info", "rules_published",
              "tenant " + caller.token.tenant + " version " + std::to_string(v->version));
  JsonOut j;
  j.begin_object().field("version", v->version).field("published_at", v->published_at);
  j.field("published_by", v->published_by).field("rules", static_cast<std::int64_t>(rules));
  if (rolled_back_from) j.field("rolled_back_from", rolled_back_from);
  j.key("teams").begin_array();
  for (const auto& t : teams) j.str(t);
  j.end_array().key("waived").begin_array();
  for (const auto& w : waived) j.str(w);
  j.end_array().key("compile_ms").real(ms).end_object();
  return json_response(201, j.take());
}

void write_version(JsonOut& j, const PublishedVersion& v, std::int64_t serving) {
  j.field("version", v.version).field("published_at", v.published_at);
  j.field("published_by", v.published_by).field("note", v.note);
  if (v.rolled_back_from) j.field("rolled_back_from", v.rolled_back_from);
  j.field("serving", v.version == serving);
}

std::optional<std::int64_t> parse_version(const std::string& v) {
  if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(v);
}

// A doc by name: "working" (the unpublished working copy) or a version number.
std::variant<RuleDoc, HttpResponse> named_doc(Services& s, const std::string& tenant,
                                              const std::string& name) {
  if (name == "working") {
    auto doc = working_doc(s, tenant);
    if (!doc.ok()) return store_error({StoreError::Kind::failed, doc.error().message}, s);
    return std::move(doc).value();
  }
  const auto n = parse_version(name);
  if (!n)
    return json_error(400, "'" + name.substr(0, 40) + "' is not a version number or 'working'");
  if (*n == 0) return RuleDoc{};  // before the first publish: nothing
  auto v = s.admin->version(tenant, *n);
  if (!v.ok()) return store_error(v.error(), s);
  auto doc = doc_from_json(v->doc);
  if (!doc.ok()) return store_error({StoreError::Kind::failed, doc.error().message}, s);
  return std::move(doc).value();
}

}  // namespace

HttpResponse handle_admin_validate(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  const auto& d = std::get<rapidjson::Document>(body);
  const auto base = base_rules(s);
  std::vector<RuleProblem> problems;
  std::size_t checked = 0;
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    const std::string key = it->name.GetString();
    const auto& v = it->value;
    if (key == "rule") {
      for (auto& p : validate_rule(to_json_text(v), *base, "$.rule")) problems.push_back(p);
      ++checked;
    } else if (key == "rules" && v.IsArray()) {
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i, ++checked)
        for (auto& p :
             validate_rule(to_json_text(v[i]), *base, "$.rules[" + std::to_string(i) + "]"))
          problems.push_back(p);
    } else if (key == "overrides" && v.IsArray()) {
      for (rapidjson::SizeType i = 0; i < v.Size(); ++i, ++checked) {
        const std::string at = "$.overrides[" + std::to_string(i) + "]";
        const auto& o = v[i];
        if (!o.IsObject() || !o.HasMember("id") || !o["id"].IsString() ||
            !o.HasMember("override")) {
          problems.push_back({"", "", at, "expected {\"id\": RULE, \"override\": {...}}"});
          continue;
        }
        for (auto& p : validate_override(to_json_text(o["override"]), o["id"].GetString(), *base,
                                         at + ".override"))
          problems.push_back(p);
      }
    } else {
      return json_error(400, "unknown or malformed field '" + key.substr(0, 64) +
                                 "' (known: rule, rules: [...], overrides: [{id, override}])");
    }
  }
  if (!checked) return json_error(400, "nothing to validate: send rule, rules or overrides");
  JsonOut j;
  j.begin_object()
      .field("valid", problems.empty())
      .field("checked", static_cast<std::int64_t>(checked));
  j.key("problems").raw(problems_json(problems)).end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_dry_run(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  static constexpr std::string_view kExtra[] = {"rules", "overrides", "use"};
  auto parsed = parse_suggest_request(req.body, request_limits(s.config.limits), kExtra);
  if (auto* e = std::get_if<RequestError>(&parsed))
    return json_error(e->kind == RequestError::Kind::too_large ? 413 : 400, e->message);
  auto& request = std::get<SuggestRequest>(parsed);
  if (!request.now)
    request.now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  const auto& d = std::get<rapidjson::Document>(body);
  const std::string use =
      d.HasMember("use") && d["use"].IsString() ? d["use"].GetString() : "working";
  if (use != "working" && use != "published" && use != "none")
    return json_error(400, "use: expected working, published or none");
  RuleDoc doc;
  if (use == "working") {
    auto w = working_doc(s, caller.token.tenant);
    if (!w.ok()) return store_error({StoreError::Kind::failed, w.error().message}, s);
    doc = std::move(w).value();
  } else if (use == "published") {
    if (auto serving = s.tenants.get(caller.token.tenant)) {
      auto named = named_doc(s, caller.token.tenant, std::to_string(serving->version));
      if (auto* e = std::get_if<HttpResponse>(&named)) return *e;
      doc = std::move(std::get<RuleDoc>(named));
    }
  }
  // The request's rules and overrides join at the request's team level, replacing entries of
  // the same id there.
  std::vector<RuleProblem> warnings;
  const auto base = base_rules(s);
  auto add = [&](const char* field, const std::string& kind) -> std::optional<HttpResponse> {
    if (!d.HasMember(field)) return std::nullopt;
    const auto& list = d[field];
    if (!list.IsArray()) return json_error(400, std::string(field) + ": expected an array");
    for (rapidjson::SizeType i = 0; i < list.Size(); ++i) {
      const std::string at = "$." + std::string(field) + "[" + std::to_string(i) + "]";
      DocEntry e{kind, request.team, "", ""};
      if (kind == "rule") {
        e.body = to_json_text(list[i]);
        Rule r;
        auto problems = parse_custom_rule(e.body, at, r);
        if (!problems.empty()) return problems_response("a rule is not valid", problems);
        e.id = r.id;
        for (auto& p : validate_rule(e.body, *base, at)) warnings.push_back(p);
      } else {
        const auto& o = list[i];
        if (!o.IsObject() || !o.HasMember("id") || !o["id"].IsString() || !o.HasMember("override"))
          return problems_response("an override is not valid",
                                   {{"", "", at, "expected {\"id\": RULE, \"override\": {...}}"}});
        e.id = o["id"].GetString();
        e.body = to_json_text(o["override"]);
      }
      std::erase_if(doc.entries, [&](const DocEntry& x) {
        return x.kind == e.kind && x.team == e.team && x.id == e.id;
      });
      doc.entries.push_back(std::move(e));
    }
    return std::nullopt;
  };
  if (auto e = add("rules", "rule")) return *e;
  if (auto e = add("overrides", "override")) return *e;
  CompileResult compiled = compile_tenant(doc, base, false, &request.team);
  if (!compiled.rules) return problems_response("the rules do not compile", compiled.problems);
  const Engine& engine = compiled.rules->for_team(request.team);
  const Report report = engine.analyze(request.context(), request.draft_view(), request.options());
  JsonOut j;
  j.begin_object().key("report").raw(report_to_json(report, request));
  j.field("rules", static_cast<std::int64_t>(engine.rules().rules().size()));
  j.key("warnings").raw(problems_json(warnings)).end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_publish(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::write);
  std::string note;
  if (!req.body.empty()) {
    auto body = json_body(req);
    if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
    const auto& d = std::get<rapidjson::Document>(body);
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it)
      if (std::string_view(it->name.GetString(), it->name.GetStringLength()) != "note")
        return json_error(400, "unknown field '" + std::string(it->name.GetString()).substr(0, 64) +
                                   "' (known: note)");
    if (d.HasMember("note")) {
      if (!d["note"].IsString() || d["note"].GetStringLength() > 1000)
        return json_error(400, "note: expected a string of at most 1000 bytes");
      note = d["note"].GetString();
    }
  }
  auto doc = working_doc(s, caller.token.tenant);
  if (!doc.ok()) return store_error({StoreError::Kind::failed, doc.error().message}, s);
  return publish_doc(s, caller, *doc, note, 0);
}

HttpResponse handle_admin_rollback(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::write);
  auto body = json_body(req);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  const auto& d = std::get<rapidjson::Document>(body);
  if (!d.HasMember("version") || !d["version"].IsInt64() || d["version"].GetInt64() < 1)
    return json_error(400, "version: expected the published version to roll back to");
  const std::int64_t target = d["version"].GetInt64();
  auto named = named_doc(s, caller.token.tenant, std::to_string(target));
  if (auto* e = std::get_if<HttpResponse>(&named)) return *e;
  const std::string note = d.HasMember("note") && d["note"].IsString() ? d["note"].GetString() : "";
  return publish_doc(s, caller, std::get<RuleDoc>(named), note, target);
}

HttpResponse handle_admin_versions(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  auto versions = s.admin->versions(caller.token.tenant);
  if (!versions.ok()) return store_error(versions.error(), s);
  const auto serving = s.tenants.get(caller.token.tenant);
  const std::int64_t current = serving ? serving->version : 0;
  JsonOut j;
  j.begin_object().field("serving", current).key("versions").begin_array();
  for (const auto& v : *versions) {
    j.begin_object();
    write_version(j, v, current);
    j.end_object();
  }
  j.end_array().end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_version(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  const auto params = path_params(req.path, "/v1/admin/rules/versions/");
  const auto n = params.size() == 1 ? parse_version(params[0]) : std::nullopt;
  if (!n) return json_error(404, "no such version");
  auto v = s.admin->version(caller.token.tenant, *n);
  if (!v.ok()) return store_error(v.error(), s);
  const auto serving = s.tenants.get(caller.token.tenant);
  JsonOut j;
  j.begin_object();
  write_version(j, *v, serving ? serving->version : 0);
  j.key("doc").raw(v->doc).end_object();
  return json_response(200, j.take());
}

HttpResponse handle_admin_diff(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  const auto q = query_params(req);
  const auto serving = s.tenants.get(caller.token.tenant);
  const std::string current = std::to_string(serving ? serving->version : 0);
  const std::string from = query_value(q, "from", current), to = query_value(q, "to", "working");
  auto a = named_doc(s, caller.token.tenant, from);
  if (auto* e = std::get_if<HttpResponse>(&a)) return *e;
  auto b = named_doc(s, caller.token.tenant, to);
  if (auto* e = std::get_if<HttpResponse>(&b)) return *e;
  JsonOut j;
  j.begin_object().field("from", from).field("to", to);
  j.key("diff").raw(doc_diff_json(std::get<RuleDoc>(a), std::get<RuleDoc>(b))).end_object();
  return json_response(200, j.take());
}

}  // namespace tactful::server
