// Admin routes: the working copy's custom rules and overrides, with their edit history.
#include "admin_http.h"
#include "admin_tokens.h"
#include "handlers_admin.h"
#include "json_out.h"
#include "rule_doc.h"
#include "rule_override.h"
#include "services.h"
#include "tenant_rules.h"

namespace tactful::server {
namespace {

const char* body_key(const std::string& kind) {
  return kind == "rule" ? "rule" : "override";
}

void write_item(JsonOut& j, const Item& it) {
  j.field("id", it.id).field("team", it.team).field("version", it.version);
  j.field("updated_at", it.updated_at).field("updated_by", it.updated_by);
  j.key(body_key(it.kind)).raw(it.body);
}

void write_history(JsonOut& j, const std::vector<HistoryEntry>& history) {
  j.key("history").begin_array();
  for (const auto& h : history) {
    j.begin_object().field("version", h.version).field("at", h.at).field("by", h.by);
    j.field("deleted", h.body.empty()).key("body").raw(h.body).end_object();
  }
  j.end_array();
}

// An example's draft as an admin writes it, with the [[marked]] words put back.
std::string marked_draft(const Example& e) {
  if (!e.marked || e.marked->end > e.draft.size() || e.marked->begin > e.marked->end)
    return e.draft;
  return e.draft.substr(0, e.marked->begin) + "[[" +
         e.draft.substr(e.marked->begin, e.marked->size()) + "]]" + e.draft.substr(e.marked->end);
}

// A base rule as the console's browser shows it: what it says, why, what it looks for and
// its examples (the rule's documentation: they run as tests whenever it loads).
void write_builtin(JsonOut& j, const Rule& r) {
  j.begin_object().field("id", r.id).field("kind", to_string(r.kind));
  j.field("category", r.category).field("severity", to_string(r.severity));
  j.field("message", r.message).field("why", r.why).field("source", r.source);
  auto list = [&](const char* name, const std::vector<std::string>& items) {
    j.key(name).begin_array();
    for (const auto& x : items) j.str(x);
    j.end_array();
  };
  list("phrases", r.phrases);
  list("exceptions", r.exceptions);
  if (!r.regex.empty()) j.field("regex", r.regex);
  if (r.kind == RuleKind::learned)
    j.field("head", r.head).key("min_probability").real(r.min_probability);
  if (r.waived_by) {
    j.key("waived_by").begin_object().field("head", r.waived_by->head);
    j.key("min_probability").real(r.waived_by->min_probability).end_object();
  }
  j.key("examples").begin_object().key("flag").begin_array();
  for (const auto& e : r.flag_examples) j.str(marked_draft(e));
  j.end_array().key("pass").begin_array();
  for (const auto& e : r.pass_examples) j.str(e.draft);
  j.end_array().end_object().end_object();
}

// The team a request names (`?team=`): "" or one of the tenant's teams.
std::variant<std::string, HttpResponse> team_param(const HttpRequest& req, Services& s,
                                                   const AdminCaller& caller) {
  const std::string team = query_value(query_params(req), "team");
  if (team.empty()) return team;
  if (!valid_slug(team)) return json_error(400, "team: not a team id");
  auto t = s.admin->team(caller.token.tenant, team);
  if (!t.ok()) {
    if (t.error().kind == StoreError::Kind::not_found)
      return json_error(404, "no team '" + team + "' (create it: POST /v1/admin/teams)");
    return store_error(t.error(), s);
  }
  return team;
}

std::shared_ptr<const RuleSet> base_rules(Services& s) {
  return s.engines.get()->snapshot();
}

// Checks a body's shape for `kind` and returns its compact JSON and id, or the 422/400.
std::variant<std::pair<std::string, std::string>, HttpResponse> checked_body(
    const HttpRequest& req, Services& s, const AdminCaller& caller, const std::string& kind,
    const std::string& team, const std::string& path_id) {
  auto compact = compact_json(req.body);
  if (!compact.ok()) return json_error(400, compact.error().message);
  const auto base = base_rules(s);
  std::vector<RuleProblem> problems;
  std::string id = path_id;
  if (kind == "rule") {
    Rule r;
    problems = parse_custom_rule(*compact, "$", r);
    if (problems.empty()) {
      if (!path_id.empty() && r.id != path_id)
        problems.push_back(
            {r.id, team, "$.id", "the body's id differs from the path's '" + path_id + "'"});
      else if (base->find(r.id))
        problems.push_back({r.id, team, "$.id",
                            "'" + r.id +
                                "' is a built-in rule: override it instead "
                                "(PUT /v1/admin/overrides/" +
                                r.id + ")"});
      id = r.id;
    }
  } else {
    Override o;
    problems = parse_override(*compact, "$", o);
    bool exists = base->find(path_id) != nullptr;
    if (!exists) {
      auto custom = s.admin->item(caller.token.tenant, "rule", "", path_id);
      exists = custom.ok();
      if (!exists && !team.empty())
        exists = s.admin->item(caller.token.tenant, "rule", team, path_id).ok();
    }
    if (!exists)
      problems.push_back({path_id, team, "$", "there is no rule '" + path_id + "' to override"});
  }
  for (auto& p : problems) {
    p.team = team;
    if (p.rule.empty()) p.rule = id;
  }
  if (!problems.empty())
    return problems_response("the " + std::string(body_key(kind)) + " is not valid", problems);
  return std::make_pair(std::move(compact).value(), id);
}

// GET: the working copy's items of `kind`; POST (rules only): create one.
HttpResponse list_or_create(const HttpRequest& req, Services& s, const std::string& kind) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  auto team = team_param(req, s, caller);
  if (auto* e = std::get_if<HttpResponse>(&team)) return *e;
  if (req.method == "POST") {
    auto body = checked_body(req, s, caller, kind, std::get<std::string>(team), "");
    if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
    auto& [json, id] = std::get<std::pair<std::string, std::string>>(body);
    Item it;
    it.kind = kind;
    it.team = std::get<std::string>(team);
    it.id = id;
    it.body = json;
    auto stored = s.admin->put_item(caller.actor(), std::move(it), 0);
    if (!stored.ok()) return store_error(stored.error(), s);
    JsonOut j;
    j.begin_object();
    write_item(j, *stored);
    j.key("problems").raw(problems_json(validate_rule(stored->body, *base_rules(s), "$")));
    j.end_object();
    return json_response(201, j.take());
  }
  auto items = s.admin->items(caller.token.tenant, kind);
  if (!items.ok()) return store_error(items.error(), s);
  const std::string only = query_value(query_params(req), "team", "*");
  JsonOut j;
  j.begin_object().key(kind == "rule" ? "rules" : "overrides").begin_array();
  for (const auto& it : *items) {
    if (only != "*" && it.team != only) continue;
    j.begin_object();
    write_item(j, it);
    j.end_object();
  }
  j.end_array();
  if (kind == "rule") {  // what can be overridden
    j.key("builtin").begin_array();
    for (const auto& r : base_rules(s)->rules()) write_builtin(j, r);
    j.end_array();
  }
  j.end_object();
  return json_response(200, j.take());
}

HttpResponse one_item(const HttpRequest& req, Services& s, const std::string& kind,
                      std::string_view prefix) {
  ADMIN_AUTH(caller, req.method == "GET" ? Access::read : Access::write);
  const auto params = path_params(req.path, prefix);
  if (params.size() != 1 || params[0].empty() || params[0].size() > 200)
    return json_error(404, "no such rule");
  const std::string& id = params[0];
  auto team_or = team_param(req, s, caller);
  if (auto* e = std::get_if<HttpResponse>(&team_or)) return *e;
  const std::string team = std::get<std::string>(team_or);
  if (req.method == "GET") {
    auto it = s.admin->item(caller.token.tenant, kind, team, id);
    if (!it.ok()) return store_error(it.error(), s);
    auto history = s.admin->history(caller.token.tenant, kind, team, id);
    if (!history.ok()) return store_error(history.error(), s);
    JsonOut j;
    j.begin_object();
    write_item(j, *it);
    write_history(j, *history);
    j.end_object();
    return json_response(200, j.take());
  }
  if (req.method == "DELETE") {
    auto gone = s.admin->delete_item(caller.actor(), kind, team, id);
    if (!gone.ok()) return store_error(gone.error(), s);
    JsonOut j;
    j.begin_object().field("deleted", true);
    write_item(j, *gone);
    j.end_object();
    return json_response(200, j.take());
  }
  // PUT: create or replace; ?version=N makes a stale write a 409.
  const std::string expected = query_value(query_params(req), "version");
  std::int64_t version = -1;
  if (!expected.empty()) {
    if (expected.size() > 12 || expected.find_first_not_of("0123456789") != std::string::npos)
      return json_error(400, "version: expected the version you are replacing (0 = create)");
    version = std::stoll(expected);
  }
  auto body = checked_body(req, s, caller, kind, team, id);
  if (auto* e = std::get_if<HttpResponse>(&body)) return *e;
  Item it;
  it.kind = kind;
  it.team = team;
  it.id = id;
  it.body = std::get<std::pair<std::string, std::string>>(body).first;
  auto stored = s.admin->put_item(caller.actor(), std::move(it), version);
  if (!stored.ok()) return store_error(stored.error(), s);
  const auto base = base_rules(s);
  JsonOut j;
  j.begin_object();
  write_item(j, *stored);
  j.key("problems")
      .raw(problems_json(kind == "rule"   ? validate_rule(stored->body, *base, "$")
                         : base->find(id) ? validate_override(stored->body, id, *base, "$")
                                          : std::vector<RuleProblem>{}));
  j.end_object();
  return json_response(stored->version == 1 ? 201 : 200, j.take());
}

}  // namespace

HttpResponse handle_admin_rules(const HttpRequest& req, Services& s) {
  return list_or_create(req, s, "rule");
}

HttpResponse handle_admin_overrides(const HttpRequest& req, Services& s) {
  return list_or_create(req, s, "override");
}

HttpResponse handle_admin_rule(const HttpRequest& req, Services& s) {
  return one_item(req, s, "rule", "/v1/admin/rules/");
}

HttpResponse handle_admin_override(const HttpRequest& req, Services& s) {
  return one_item(req, s, "override", "/v1/admin/overrides/");
}

HttpResponse handle_admin_rule_history(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  const auto params = path_params(req.path, "/v1/admin/rules/");
  if (params.size() != 2 || params[1] != "history") return json_error(404, "no such route");
  const std::string kind = query_value(query_params(req), "kind", "rule");
  if (kind != "rule" && kind != "override")
    return json_error(400, "kind: expected rule or override");
  auto team = team_param(req, s, caller);
  if (auto* e = std::get_if<HttpResponse>(&team)) return *e;
  auto history =
      s.admin->history(caller.token.tenant, kind, std::get<std::string>(team), params[0]);
  if (!history.ok()) return store_error(history.error(), s);
  if (history->empty()) return json_error(404, "no history for '" + params[0].substr(0, 200) + "'");
  JsonOut j;
  j.begin_object().field("id", params[0]).field("team", std::get<std::string>(team));
  j.field("kind", kind);
  write_history(j, *history);
  j.end_object();
  return json_response(200, j.take());
}

}  // namespace tactful::server
