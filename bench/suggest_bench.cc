// The JSON-to-JSON path of POST /v1/suggest without the HTTP: parse the request body, analyze,
// serialize the report (built-in packs, bench/suggest.json). What a server thread spends per
// request besides reading and writing the socket.
#include <benchmark/benchmark.h>

#include <optional>
#include <string>
#include <variant>

#include "bench_inputs.h"
#include "tactful/adapters/native_json.h"
#include "tactful/engine.h"

namespace tactful::bench {
namespace {

// `prepared`: the history read once beforehand, as the server's history cache does for every
// draft of a conversation after the first (the cache's look-up itself is not included).
void run_suggest(benchmark::State& state, bool prepared) {
  static const Engine engine(load_rules_or_die(false));
  const std::string body = suggest_request_json();
  const RequestLimits limits{20000, 50, 1 << 20};
  std::optional<PreparedHistory> history;
  if (auto first = parse_suggest_request(body, limits);
      prepared && std::holds_alternative<SuggestRequest>(first))
    history.emplace(std::get<SuggestRequest>(first).history);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto parsed = parse_suggest_request(body, limits);
    auto* request = std::get_if<SuggestRequest>(&parsed);
    if (!request) {
      state.SkipWithError("the request was refused");
      break;
    }
    const Report report =
        history ? engine.analyze(request->context(), request->draft_view(), request->options(),
                                 *history)
                : engine.analyze(request->context(), request->draft_view(), request->options());
    std::string json = report_to_json(report, *request);
    bytes = json.size();
    benchmark::DoNotOptimize(json);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["response_bytes"] = static_cast<double>(bytes);
}

void BM_SuggestJson(benchmark::State& state) {
  run_suggest(state, false);
}
BENCHMARK(BM_SuggestJson);

void BM_SuggestJsonPreparedHistory(benchmark::State& state) {
  run_suggest(state, true);
}
BENCHMARK(BM_SuggestJsonPreparedHistory);

}  // namespace
}  // namespace tactful::bench
