// What agents did with hints, from the feedback table: per rule, per category, per day, and the
// empathy-score trend per team or agent. Read-only, on its own SQLite connection.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sqlite_db.h"
#include "tactful/result.h"

namespace tactful::server {

struct AnalyticsFilter {
  std::string tenant;
  std::string from, to;        // inclusive days, YYYY-MM-DD ("" = unbounded)
  std::string team;            // "" = every team
  std::string rule, category;  // daily only: one rule or one category ("" = all)
};

// Counts for one rule, one category or one day. Acceptance counts an edit as taken: the agent
// used the hint's point in their own words.
struct Counts {
  std::string key;       // the rule id, category or day
  std::string category;  // rules only
  std::int64_t shown = 0, accepted = 0, dismissed = 0, edited = 0, muted = 0;
  std::int64_t acted() const { return accepted + edited + dismissed; }
  std::optional<double> acceptance_rate() const;  // (accepted + edited) / acted
  std::optional<double> dismissal_rate() const;   // dismissed / acted
};

struct EmpathyPoint {
  std::string day, who;  // who: a team or an agent id
  double average = 0;
  std::int64_t samples = 0;
};

class Analytics {
 public:
  // `category_of` names the category of a rule whose feedback rows did not carry one.
  using CategoryOf = std::function<std::string(const std::string& rule)>;
  static Result<std::unique_ptr<Analytics>> open(const std::string& data_dir);

  // Per rule, noisiest first: most dismissed, then highest dismissal rate, then id. `muted`
  // is how many agents mute the rule (never who).
  Result<std::vector<Counts>> rules(const AnalyticsFilter& f, const CategoryOf& category_of);
  // Per category, the same order.
  Result<std::vector<Counts>> categories(const AnalyticsFilter& f, const CategoryOf& category_of);
  // Per day (UTC), oldest first; every day from `from` to `to` when both are given.
  Result<std::vector<Counts>> daily(const AnalyticsFilter& f, const CategoryOf& category_of);
  // Average empathy score per day and team ("team") or agent ("agent"), from feedback that
  // carried a score.
  Result<std::vector<EmpathyPoint>> empathy(const AnalyticsFilter& f, const std::string& by);

 private:
  Analytics() = default;
  std::unique_ptr<Database> db_;
};

// The days from `from` to `to` inclusive (YYYY-MM-DD), at most 3,660; nullopt if malformed.
std::optional<std::vector<std::string>> day_range(const std::string& from, const std::string& to);
bool valid_day(const std::string& day);

}  // namespace tactful::server
