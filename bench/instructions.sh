#!/usr/bin/env bash
# Instructions per call of the engine and of the /v1/suggest JSON path, counted by valgrind's
# callgrind (docs/performance.md). Counts are repeatable on a loaded, shared machine, where
# times are not. Each case runs twice, with N and 2N calls; the count per call is the
# difference divided by N, so start-up, rule loading and RE2's lazily built DFAs (the first
# calls) cancel out.
#
# N is 100. jemalloc (the binary's allocator) returns freed pages to the system on a clock
# (its dirty and muzzy decay, 10 s by default), and under valgrind a run lasts long enough for
# that to happen a varying number of times: the same code read 186,428 and 200,851 for
# draft600-prepared on two runs. The counted runs therefore set MALLOC_CONF so that jemalloc
# never decays (a caller's own MALLOC_CONF wins); the figures are then the calls' own work and
# repeat from run to run.
#
# Only the calls are counted (callgrind's --toggle-collect on analyze_once and suggest_once, the
# benchmark's non-inlined call wrappers), not the process around them: the run's teardown frees
# the rule set through jemalloc, and what that costs depends on the heap the calls left behind,
# so it moved the whole-run difference by -1,000 to +3,800 per call between builds whose calls
# did not change that way (docs/performance.md, "Fourteenth round").
#
#   bench/instructions.sh                       every case, N=100
#   N=200 bench/instructions.sh draft600        one case
#   BENCH=../old/build/release/bench/tactful_bench bench/instructions.sh   another build
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${BENCH:-}"  # another build's tactful_bench, to compare two builds by the same method
N="${N:-100}"
command -v valgrind >/dev/null || { echo "instructions: valgrind is missing (apt-get install valgrind)"; exit 1; }
if [[ -z "$BENCH" ]]; then
  BENCH="$ROOT/build/release/bench/tactful_bench"
  if [[ ! -f "$ROOT/build/release/CMakeCache.txt" ]]; then (cd "$ROOT" && cmake --preset release >/dev/null); fi
  cmake --build "$ROOT/build/release" --target tactful_bench >/dev/null
fi

cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(draft600 draft600-prepared draft600-nohistory builtin600 suggest-json suggest-json-prepared)

collected() {  # calls case -> total instructions of the run
  MALLOC_CONF="${MALLOC_CONF:-dirty_decay_ms:-1,muzzy_decay_ms:-1}" \
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
      --toggle-collect='*analyze_once*' --toggle-collect='*suggest_once*' "$BENCH" --calls "$1" "$2" 2>&1 >/dev/null |
    awk '/Collected :/ {print $NF}'
}

printf '| %-20s | %14s |\n' case "instructions/call"
printf '|%s|%s|\n' "----------------------" "----------------:"
for c in "${cases[@]}"; do
  a=$(collected "$N" "$c")
  b=$(collected $((2 * N)) "$c")
  printf '| %-20s | %14s |\n' "$c" "$(( (b - a) / N ))"
done
