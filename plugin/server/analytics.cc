// Analytics queries over the feedback table.
#include "analytics.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "feedback_store.h"

namespace tactful::server {
namespace {

// One row per (day, rule): the finest grain every report is summed from. The day is the UTC
// date of the stored RFC 3339 time.
constexpr const char* kRows = R"sql(
SELECT substr(at, 1, 10), rule, coalesce(max(category), ''),
       sum(action = 'shown'), sum(action = 'accepted'), sum(action = 'dismissed'),
       sum(action = 'edited')
FROM feedback
WHERE tenant = ?1 AND (?2 = '' OR at >= ?2) AND (?3 = '' OR at < ?3)
  AND (?4 = '' OR team = ?4)
GROUP BY 1, 2
)sql";

struct Row {
  std::string day, rule, category;
  std::int64_t shown, accepted, dismissed, edited;
};

// "2026-11-23" -> the day after, as the exclusive bound of a range of RFC 3339 times.
std::string next_day(const std::string& day) {
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(day.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(day.substr(5, 2)))},
                           std::chrono::day{static_cast<unsigned>(std::stoi(day.substr(8, 2)))}};
  const year_month_day next{sys_days{ymd} + days{1}};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(next.year()),
                static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
  return buf;
}

void add(Counts& c, const Row& r) {
  c.shown += r.shown;
  c.accepted += r.accepted;
  c.dismissed += r.dismissed;
  c.edited += r.edited;
}

std::vector<Counts> noisiest_first(std::map<std::string, Counts> by_key) {
  std::vector<Counts> out;
  for (auto& [k, c] : by_key) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const Counts& a, const Counts& b) {
    if (a.dismissed != b.dismissed) return a.dismissed > b.dismissed;
    return a.dismissal_rate().value_or(0) > b.dismissal_rate().value_or(0);
  });
  return out;
}

}  // namespace

std::optional<double> Counts::acceptance_rate() const {
  if (acted() == 0) return std::nullopt;
  return static_cast<double>(accepted + edited) / static_cast<double>(acted());
}
std::optional<double> Counts::dismissal_rate() const {
  if (acted() == 0) return std::nullopt;
  return static_cast<double>(dismissed) / static_cast<double>(acted());
}

bool valid_day(const std::string& day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (day[i] < '0' || day[i] > '9') return false;
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(day.substr(0, 4))},
                           month{static_cast<unsigned>(std::stoi(day.substr(5, 2)))},
                           std::chrono::day{static_cast<unsigned>(std::stoi(day.substr(8, 2)))}};
  return ymd.ok();
}

std::optional<std::vector<std::string>> day_range(const std::string& from, const std::string& to) {
  if (!valid_day(from) || !valid_day(to)) return std::nullopt;
  std::vector<std::string> out;
  for (std::string d = from; d <= to; d = next_day(d)) {
    if (out.size() >= 3660) return std::nullopt;
    out.push_back(d);
  }
  return out;
}

Result<std::unique_ptr<Analytics>> Analytics::open(const std::string& data_dir) {
  auto path = database_path(data_dir);
  if (!path.ok()) return path.error();
  auto db = Database::open(*path);
  if (!db.ok()) return db.error();
  std::unique_ptr<Analytics> a(new Analytics());
  a->db_ = std::move(db).value();
  return a;
}

namespace {

Result<std::vector<Row>> rows(Database& db, const AnalyticsFilter& f) {
  auto s = db.prepare(kRows);
  if (!s.ok()) return s.error();
  s->bind(1, f.tenant).bind(2, f.from).bind(3, f.to.empty() ? "" : next_day(f.to)).bind(4, f.team);
  std::vector<Row> out;
  for (;;) {
    auto r = s->step();
    if (!r.ok()) return r.error();
    if (!*r) return out;
    out.push_back({s->text(0), s->text(1), s->text(2), s->integer(3), s->integer(4), s->integer(5),
                   s->integer(6)});
  }
}

}  // namespace

Result<std::vector<Counts>> Analytics::rules(const AnalyticsFilter& f,
                                             const CategoryOf& category_of) {
  auto found = rows(*db_, f);
  if (!found.ok()) return found.error();
  std::map<std::string, Counts> by_rule;
  for (const Row& r : *found) {
    Counts& c = by_rule[r.rule];
    c.key = r.rule;
    if (c.category.empty()) c.category = r.category.empty() ? category_of(r.rule) : r.category;
    add(c, r);
  }
  auto m = db_->prepare("SELECT rule, count(*) FROM mutes WHERE tenant = ? GROUP BY rule");
  if (!m.ok()) return m.error();
  m->bind(1, f.tenant);
  for (;;) {
    auto r = m->step();
    if (!r.ok()) return r.error();
    if (!*r) break;
    Counts& c = by_rule[m->text(0)];
    if (c.key.empty()) {
      c.key = m->text(0);
      c.category = category_of(c.key);
    }
    c.muted = m->integer(1);
  }
  return noisiest_first(std::move(by_rule));
}

Result<std::vector<Counts>> Analytics::categories(const AnalyticsFilter& f,
                                                  const CategoryOf& category_of) {
  auto per_rule = rules(f, category_of);
  if (!per_rule.ok()) return per_rule.error();
  std::map<std::string, Counts> by_category;
  for (const Counts& r : *per_rule) {
    const std::string key = r.category.empty() ? "(unknown)" : r.category;
    Counts& c = by_category[key];
    c.key = key;
    c.shown += r.shown;
    c.accepted += r.accepted;
    c.dismissed += r.dismissed;
    c.edited += r.edited;
    c.muted += r.muted;
  }
  return noisiest_first(std::move(by_category));
}

Result<std::vector<Counts>> Analytics::daily(const AnalyticsFilter& f,
                                             const CategoryOf& category_of) {
  auto found = rows(*db_, f);
  if (!found.ok()) return found.error();
  std::map<std::string, Counts> by_day;
  if (!f.from.empty() && !f.to.empty())
    if (auto days = day_range(f.from, f.to))
      for (const auto& d : *days) by_day[d].key = d;
  for (const Row& r : *found) {
    if (!f.rule.empty() && r.rule != f.rule) continue;
    if (!f.category.empty() &&
        (r.category.empty() ? category_of(r.rule) : r.category) != f.category)
      continue;
    Counts& c = by_day[r.day];
    c.key = r.day;
    add(c, r);
  }
  std::vector<Counts> out;
  for (auto& [d, c] : by_day) out.push_back(std::move(c));
  return out;
}

Result<std::vector<EmpathyPoint>> Analytics::empathy(const AnalyticsFilter& f,
                                                     const std::string& by) {
  const std::string column = by == "agent" ? "agent_id" : "team";
  auto s = db_->prepare(
      "SELECT substr(at, 1, 10), coalesce(" + column +
      ", ''), avg(empathy), count(empathy) "
      "FROM feedback WHERE tenant = ?1 AND empathy IS NOT NULL AND (?2 = '' OR at >= ?2) "
      "AND (?3 = '' OR at < ?3) AND (?4 = '' OR team = ?4) GROUP BY 1, 2 ORDER BY 2, 1");
  if (!s.ok()) return s.error();
  s->bind(1, f.tenant).bind(2, f.from).bind(3, f.to.empty() ? "" : next_day(f.to)).bind(4, f.team);
  std::vector<EmpathyPoint> out;
  for (;;) {
    auto r = s->step();
    if (!r.ok()) return r.error();
    if (!*r) return out;
    out.push_back({s->text(0), s->text(1), s->real(2), s->integer(3)});
  }
}

}  // namespace tactful::server
