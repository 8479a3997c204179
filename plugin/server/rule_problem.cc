// Locating core's error messages as JSON paths.
#include "rule_problem.h"

#include "json_out.h"

namespace tactful::server {
namespace {

std::string join_path(std::string_view prefix, std::string_view field) {
  if (field.empty()) return std::string(prefix);
  std::string out(prefix);
  // A field's own dotted path ("when.teams", "examples.flag[0].draft") maps onto JSON path
  // steps as is; a swap phrase (any text) is quoted as a bracketed key.
  if (field.starts_with("swap.") && field.size() > 5) {
    out += ".swap[\"";
    for (char c : field.substr(5)) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"]";
  }
  if (!field.starts_with("[")) out += ".";
  return out + std::string(field);
}

// The text between `open` and the next "'" + `close`, advancing `pos` past it.
std::string_view between(std::string_view s, std::string_view open, std::string_view close,
                         std::size_t& pos) {
  const auto a = s.find(open, pos);
  if (a == std::string_view::npos) return {};
  const auto start = a + open.size();
  const auto b = s.find(close, start);
  if (b == std::string_view::npos) return {};
  pos = b + close.size();
  return s.substr(start, b - start);
}

}  // namespace

RuleProblem problem_from_error(std::string_view message, std::string_view prefix) {
  RuleProblem p;
  std::size_t pos = 0;
  std::string_view rule = between(message, "rule '", "': ", pos);
  if (!rule.empty() && rule.front() != '#') p.rule = std::string(rule);
  std::size_t field_pos = pos;
  const std::string_view field = between(message, "field '", "': ", field_pos);
  if (!field.empty()) {
    p.path = join_path(prefix, field);
    p.message = std::string(message.substr(field_pos));
  } else {
    p.path = std::string(prefix);
    p.message = std::string(message.substr(rule.empty() ? 0 : pos));
  }
  return p;
}

RuleProblem problem_from_example_failure(std::string_view line, std::string_view prefix) {
  RuleProblem p;
  std::size_t pos = 0;
  p.rule = std::string(between(line, "rule '", "': ", pos));
  const std::string_view rest = line.substr(pos);
  const auto space = rest.find(' ');
  if (rest.starts_with("examples.") && space != std::string_view::npos) {
    p.path = join_path(prefix, rest.substr(0, space));
    p.message = std::string(rest.substr(space + 1));
  } else {
    p.path = std::string(prefix);
    p.message = std::string(rest);
  }
  return p;
}

std::string problems_json(const std::vector<RuleProblem>& problems) {
  JsonOut j;
  j.begin_array();
  for (const auto& p : problems) {
    j.begin_object().field("rule", p.rule).field("team", p.team).field("path", p.path);
    j.field("message", p.message).end_object();
  }
  j.end_array();
  return j.take();
}

}  // namespace tactful::server
