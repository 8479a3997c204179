#!/usr/bin/env bash
# Engine benchmarks and the alex throughput comparison, in one command (docs/performance.md).
#
#   bench/run.sh                     build release, run every benchmark, print a summary
#   bench/run.sh --benchmark_filter=BM_Draft600   extra arguments go to tactful_bench
#   BENCH_CPU=1 bench/run.sh         pin to another core (default 0; unpinned without taskset)
#   PASSES=9 bench/run.sh            timed passes per throughput measurement (default 5)
#   SKIP_ALEX=1 bench/run.sh         engine benchmarks only
#
# Raw outputs go to build/bench/: machine.txt, engine.json and engine.txt (Google Benchmark),
# drafts/ (the draft files both tools read), throughput.txt (one line per measurement),
# summary.md (what is printed at the end). node_modules for alex go to build/bench/alex/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/build/bench"
PASSES="${PASSES:-5}"
BENCH="$ROOT/build/release/bench/tactful_bench"
cd "$ROOT"

# 1. Build (release preset, 2 jobs: this machine has 2 cores).
cmake --preset release >/dev/null
cmake --build --preset release --target tactful_bench tactful -j 2

# 2. Pin to one core when taskset exists.
PIN=()
if command -v taskset >/dev/null; then PIN=(taskset -c "${BENCH_CPU:-0}"); fi

mkdir -p "$OUT/drafts"
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "mhz: $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "compiler: $(c++ --version | head -1)"
  echo "pinned: ${PIN[*]:-no}"
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$OUT/machine.txt"

# 3. Google Benchmark: 5 repetitions, aggregates only (mean, median, stddev, cv).
"${PIN[@]}" "$BENCH" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out="$OUT/engine.json" --benchmark_out_format=json "$@" | tee "$OUT/engine.txt"

# 4. Throughput over the same draft files: tactful, then alex (node).
"$BENCH" --write-drafts "$OUT/drafts"
FILES=(draft600 len100 len1000 len10000 len100000)
: >"$OUT/throughput.txt"
measure() {  # FILE COMMAND...: appends "file=... <the tool's line>" to throughput.txt
  local file="$1"
  shift
  local line
  line="$("${PIN[@]}" "$@")"
  echo "file=$file $line" | tee -a "$OUT/throughput.txt"
}
for f in "${FILES[@]}"; do
  measure "$f" "$BENCH" --throughput "$OUT/drafts/$f.txt" --rules builtin --passes "$PASSES"
  measure "$f" "$BENCH" --throughput "$OUT/drafts/$f.txt" --rules admin --history \
    --passes "$PASSES"
done

if [[ -n "${SKIP_ALEX:-}" ]]; then
  echo "alex comparison skipped (SKIP_ALEX)"
elif ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "alex comparison skipped: node and npm are needed"
else
  ALEX="$OUT/alex"
  mkdir -p "$ALEX"
  # Install the pinned version (bench/alex/package-lock.json) when it is not there yet.
  if ! cmp -s "$ROOT/bench/alex/package-lock.json" "$ALEX/package-lock.json" ||
    [[ ! -d "$ALEX/node_modules/alex" ]]; then
    cp "$ROOT/bench/alex/package.json" "$ROOT/bench/alex/package-lock.json" "$ALEX/"
    npm ci --prefix "$ALEX" --no-audit --no-fund --loglevel=error >/dev/null
  fi
  for f in "${FILES[@]}"; do
    for mode in "" --reuse; do
      measure "$f" node "$ROOT/bench/alex/alex_bench.mjs" --modules "$ALEX/node_modules" \
        "$OUT/drafts/$f.txt" --passes "$PASSES" ${mode:+"$mode"}
    done
  done
fi
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/machine.txt"

# 5. Summary.
python3 "$ROOT/bench/summary.py" "$OUT" | tee "$OUT/summary.md"
