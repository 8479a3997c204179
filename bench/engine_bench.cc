// Engine benchmarks (Google Benchmark) for DESIGN.md's "Numbers to hit": a 600-character draft
// with 5 history messages against the built-in packs + 1,000 admin rules in <= 20 us (median,
// one core), and cost linear in draft length. Run them all with bench/run.sh.
//
// `tactful_bench --write-pack FILE` writes the generated admin pack (for `tactful test-rules`);
// `tactful_bench --write-drafts DIR` and `tactful_bench --throughput FILE ...` are the
// throughput mode used for the alex comparison (throughput.cc); `tactful_bench --calls N CASE`
// is the instruction-count mode (calls.cc, bench/instructions.sh); any other arguments go to
// Google Benchmark.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

#include "bench_inputs.h"
#include "tactful/engine.h"

namespace tactful::bench {
namespace {

const Engine& admin_engine() {
  static const Engine engine(load_rules_or_die(true));
  return engine;
}

const Engine& builtin_engine() {
  static const Engine engine(load_rules_or_die(false));
  return engine;
}

void run_draft(benchmark::State& state, const Engine& engine, std::string_view text) {
  const Context ctx = context_with_history();
  const Draft draft{text, {}};
  std::size_t hints = 0;
  for (auto _ : state) {
    Report report = engine.analyze(ctx, draft);
    hints = report.suggestions.size();
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.counters["hints"] = static_cast<double>(hints);
}

// The design's target: 600 characters, 5 history messages, built-in + 1,000 admin rules.
void BM_Draft600(benchmark::State& state) {
  run_draft(state, admin_engine(), draft600());
}
BENCHMARK(BM_Draft600);

// The same draft and conversation with the history prepared once (PreparedHistory): what each
// keystroke after the first costs when the caller keeps the history's reading, as the server's
// history cache does for POST /v1/suggest and the WebSocket.
void BM_Draft600PreparedHistory(benchmark::State& state) {
  const Context ctx = context_with_history();
  const PreparedHistory history(ctx.history);
  const Draft draft{draft600(), {}};
  std::size_t hints = 0;
  for (auto _ : state) {
    Report report = admin_engine().analyze(ctx, draft, {}, history);
    hints = report.suggestions.size();
    benchmark::DoNotOptimize(report);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(draft.text.size()));
  state.counters["hints"] = static_cast<double>(hints);
}
BENCHMARK(BM_Draft600PreparedHistory);

// For information: the same without the conversation (what the history costs per check).
void BM_Draft600NoHistory(benchmark::State& state) {
  const Draft draft{draft600(), {}};
  for (auto _ : state) benchmark::DoNotOptimize(admin_engine().analyze(Context{}, draft));
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(draft.text.size()));
}
BENCHMARK(BM_Draft600NoHistory);

// Cost against draft length (same rules and history); the fitted complexity must be O(N).
void BM_DraftLength(benchmark::State& state) {
  const std::string text = draft_of_length(static_cast<std::size_t>(state.range(0)));
  run_draft(state, admin_engine(), text);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_DraftLength)->RangeMultiplier(10)->Range(100, 100000)->Complexity(benchmark::oN);

// For information: the same beyond the design's range (100 kB .. 1 MB), with the complexity
// Google Benchmark fits best (O(1), lg N, N, N lg N, N^2, N^3) rather than one imposed.
void BM_DraftLengthLong(benchmark::State& state) {
  BM_DraftLength(state);
}
BENCHMARK(BM_DraftLengthLong)
    ->Arg(100000)
    ->Arg(300000)
    ->Arg(1000000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oAuto);

// The same draft and history with the built-in packs only.
void BM_BuiltinOnly600(benchmark::State& state) {
  run_draft(state, builtin_engine(), draft600());
}
BENCHMARK(BM_BuiltinOnly600);

// Compiling the built-in packs, examples included (what a start-up or reload costs).
void BM_CompileBuiltin(benchmark::State& state) {
  for (auto _ : state) {
    auto set = RuleSet::load(builtin_packs());
    if (!set.ok()) {
      state.SkipWithError(set.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_CompileBuiltin)->Unit(benchmark::kMillisecond);

// Compiling the built-in packs + the 1,000 generated admin rules (what publishing costs).
void BM_CompileWithAdmin(benchmark::State& state) {
  std::vector<PackSource> packs = builtin_packs();
  packs.push_back(admin_pack());
  for (auto _ : state) {
    auto set = RuleSet::load(packs);
    if (!set.ok()) {
      state.SkipWithError(set.error().message.c_str());
      break;
    }
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_CompileWithAdmin)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tactful::bench

int main(int argc, char** argv) {
  const std::string_view mode = argc > 1 ? argv[1] : "";
  if (mode == "--write-drafts") {
    return argc == 3 ? tactful::bench::write_draft_files(argv[2]) : 2;
  }
  if (mode == "--write-pack") {
    if (argc != 3) return 2;
    std::ofstream(argv[2], std::ios::binary) << tactful::bench::admin_pack().json;
    return 0;
  }
  if (mode == "--throughput") return tactful::bench::run_throughput(argc, argv);
  if (mode == "--calls") return tactful::bench::run_calls(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
