// Admin route: analytics per rule, per category, per day and the empathy trend, as JSON or CSV.
#include <cstdio>

#include "admin_http.h"
#include "csv.h"
#include "handlers_admin.h"
#include "json_out.h"
#include "services.h"

namespace tactful::server {
namespace {

std::string rate(std::optional<double> r) {
  if (!r) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *r);
  return buf;
}

std::string counts_csv(const std::vector<Counts>& rows, const char* key, bool with_category) {
  std::vector<std::string> header = {key};
  if (with_category) header.push_back("category");
  for (const char* h :
       {"shown", "accepted", "edited", "dismissed", "muted", "acceptance_rate", "dismissal_rate"})
    header.push_back(h);
  std::string out = csv_line(header);
  for (const auto& c : rows) {
    std::vector<std::string> f = {c.key};
    if (with_category) f.push_back(c.category);
    for (auto n : {c.shown, c.accepted, c.edited, c.dismissed, c.muted})
      f.push_back(std::to_string(n));
    f.push_back(rate(c.acceptance_rate()));
    f.push_back(rate(c.dismissal_rate()));
    out += csv_line(f);
  }
  return out;
}

std::string counts_json(const std::vector<Counts>& rows, const char* list, const char* key,
                        bool with_category, const AnalyticsFilter& f) {
  JsonOut j;
  j.begin_object().field("from", f.from).field("to", f.to).field("team", f.team);
  j.key(list).begin_array();
  for (const auto& c : rows) {
    j.begin_object().field(key, c.key);
    if (with_category) j.field("category", c.category);
    j.field("shown", c.shown).field("accepted", c.accepted).field("edited", c.edited);
    j.field("dismissed", c.dismissed).field("muted", c.muted);
    j.key("acceptance_rate");
    if (auto r = c.acceptance_rate())
      j.real(*r);
    else
      j.null();
    j.key("dismissal_rate");
    if (auto r = c.dismissal_rate())
      j.real(*r);
    else
      j.null();
    j.end_object();
  }
  j.end_array().end_object();
  return j.take();
}

HttpResponse csv_response(std::string body, const std::string& name) {
  HttpResponse res{200, "text/csv; charset=utf-8", std::move(body), {}};
  res.headers.emplace_back("Content-Disposition",
                           "attachment; filename=\"tactful-" + name + ".csv\"");
  return res;
}

}  // namespace

HttpResponse handle_admin_analytics(const HttpRequest& req, Services& s) {
  ADMIN_AUTH(caller, Access::read);
  const auto params = path_params(req.path, "/v1/admin/analytics/");
  const std::string report = params.size() == 1 ? params[0] : "";
  if (report != "rules" && report != "categories" && report != "daily" && report != "empathy")
    return json_error(404, "no analytics report '" + report.substr(0, 40) +
                               "' (known: rules, categories, daily, empathy)");
  const auto q = query_params(req);
  AnalyticsFilter f;
  f.tenant = caller.token.tenant;
  f.from = query_value(q, "from");
  f.to = query_value(q, "to");
  f.team = query_value(q, "team");
  f.rule = query_value(q, "rule");
  f.category = query_value(q, "category");
  if ((!f.from.empty() && !valid_day(f.from)) || (!f.to.empty() && !valid_day(f.to)))
    return json_error(400, "from, to: expected days as YYYY-MM-DD");
  if (!f.from.empty() && !f.to.empty() && f.from > f.to) return json_error(400, "from is after to");
  if (report == "daily" && !f.from.empty() && !f.to.empty() && !day_range(f.from, f.to))
    return json_error(400, "at most 3,660 days at once");
  const std::string format = query_value(q, "format", "json");
  if (format != "json" && format != "csv") return json_error(400, "format: expected json or csv");
  const bool csv = format == "csv";

  const auto serving = s.tenants.get(caller.token.tenant);
  const auto global = s.engines.get();
  auto category_of = [&](const std::string& rule) -> std::string {
    const Rule* r = serving ? serving->tenant->rules().find(rule) : nullptr;
    if (!r) r = global->rules().find(rule);
    return r ? r->category : "";
  };
  if (report == "empathy") {
    const std::string by = query_value(q, "by", "team");
    if (by != "team" && by != "agent") return json_error(400, "by: expected team or agent");
    auto points = s.analytics->empathy(f, by);
    if (!points.ok()) return store_error({StoreError::Kind::failed, points.error().message}, s);
    if (csv) {
      std::string out = csv_line({"day", by, "average_empathy", "samples"});
      for (const auto& p : *points)
        out += csv_line({p.day, p.who, rate(p.average), std::to_string(p.samples)});
      return csv_response(std::move(out), "empathy-by-" + by);
    }
    JsonOut j;
    j.begin_object().field("by", by).key("points").begin_array();
    for (const auto& p : *points) {
      j.begin_object().field("day", p.day).field(by, p.who).key("average").real(p.average);
      j.field("samples", p.samples).end_object();
    }
    j.end_array().end_object();
    return json_response(200, j.take());
  }
  Result<std::vector<Counts>> rows = report == "rules" ? s.analytics->rules(f, category_of)
                                     : report == "categories"
                                         ? s.analytics->categories(f, category_of)
                                         : s.analytics->daily(f, category_of);
  if (!rows.ok()) return store_error({StoreError::Kind::failed, rows.error().message}, s);
  const bool per_rule = report == "rules";
  const char* key = per_rule ? "rule" : report == "categories" ? "category" : "day";
  if (csv) return csv_response(counts_csv(*rows, key, per_rule), report);
  return json_response(
      200, counts_json(*rows, report == "daily" ? "days" : report.c_str(), key, per_rule, f));
}

}  // namespace tactful::server
