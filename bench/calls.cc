// Instruction-count mode: run one benchmark case a given number of times and nothing else, so
// `valgrind --tool=callgrind` can count the instructions per call as the difference between
// two runs (bench/instructions.sh). Instruction counts are repeatable on a shared, loaded
// machine, where wall-clock times are not.
//
//   tactful_bench --calls N CASE
//
// CASE: draft600 (BM_Draft600's inputs), draft600-nohistory, builtin600, suggest-json (the
// whole JSON-to-JSON path of POST /v1/suggest on bench/suggest.json, built-in packs: parse,
// analyze, serialize). draft600-prepared and suggest-json-prepared are the same with the
// history prepared once beforehand (PreparedHistory), as the server's history cache does for
// every draft after the first of a conversation; the cache's own look-up (a hash and a
// comparison of the history) is not counted. Prints the hints of the last call, a check that
// work was done.
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "bench_inputs.h"
#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"

namespace tactful::bench {
namespace {

int usage() {
  std::fprintf(stderr,
               "usage: tactful_bench --calls N draft600|draft600-nohistory|draft600-prepared|"
               "builtin600|suggest-json|suggest-json-prepared\n");
  return 2;
}

SuggestRequest parse_or_die(std::string_view body) {
  auto parsed = parse_suggest_request(body, RequestLimits{20000, 50, 1 << 20});
  if (auto* e = std::get_if<RequestError>(&parsed)) {
    std::fprintf(stderr, "tactful_bench: %s\n", e->message.c_str());
    std::exit(2);
  }
  return std::move(std::get<SuggestRequest>(parsed));
}

// One POST /v1/suggest without the HTTP: what the handler does between body and response.
// Not inlined, so a profile can collect inside it alone (--toggle-collect='*suggest_once*').
[[gnu::noinline]] std::size_t suggest_once(const Engine& engine, std::string_view body,
                                           std::size_t& bytes_out, const PreparedHistory* history) {
  const SuggestRequest request = parse_or_die(body);
  const Report report =
      history ? engine.analyze(request.context(), request.draft_view(), request.options(), *history)
              : engine.analyze(request.context(), request.draft_view(), request.options());
  bytes_out += report_to_json(report, request).size();
  return report.suggestions.size();
}

[[gnu::noinline]] std::size_t analyze_once(const Engine& engine, const Context& ctx,
                                           const Draft& draft, const PreparedHistory* history) {
  return (history ? engine.analyze(ctx, draft, {}, *history) : engine.analyze(ctx, draft))
      .suggestions.size();
}

}  // namespace

int run_calls(int argc, char** argv) {
  if (argc != 4) return usage();
  const long n = std::strtol(argv[2], nullptr, 10);
  const std::string_view which = argv[3];
  if (n < 0) return usage();
  std::size_t hints = 0, bytes = 0;
  if (which == "draft600" || which == "draft600-nohistory" || which == "draft600-prepared" ||
      which == "builtin600") {
    const Engine engine(load_rules_or_die(which != "builtin600"));
    const Context ctx = which == "draft600-nohistory" ? Context{} : context_with_history();
    const Draft draft{draft600(), {}};
    std::optional<PreparedHistory> history;
    if (which == "draft600-prepared") history.emplace(ctx.history);
    for (long i = 0; i < n; ++i)
      hints = analyze_once(engine, ctx, draft, history ? &*history : nullptr);
  } else if (which == "suggest-json" || which == "suggest-json-prepared") {
    const Engine engine(load_rules_or_die(false));
    const std::string body = suggest_request_json();
    std::optional<PreparedHistory> history;
    if (which == "suggest-json-prepared") history.emplace(parse_or_die(body).history);
    for (long i = 0; i < n; ++i)
      hints = suggest_once(engine, body, bytes, history ? &*history : nullptr);
  } else {
    return usage();
  }
  std::printf("case=%s calls=%ld hints=%zu\n", argv[3], n, hints);
  return 0;
}

}  // namespace tactful::bench
