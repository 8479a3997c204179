#!/usr/bin/env bash
# Throughput of `tactful sentiment` (the C++ VADER v3.3.1 port) against the npm package
# vader-sentiment (the JavaScript port, an older VADER) on the 23,703 ICWSM-14 ground-truth
# texts (Hutto & Gilbert 2014) kept in ../shared next to the repo.
#
#   bench/sentiment.sh            build release if needed, then time both (hyperfine if present)
#   TACTFUL_BIN=path bench/...    time that tactful binary instead of building one
#   RUNS=20 bench/...             timed runs per command (default 10)
#
# Scratch files (npm install, texts, outputs) live in build/bench-sentiment/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="$ROOT/../shared/data/corpora/vader_icwsm2014"
WORK="$ROOT/build/bench-sentiment"
RUNS="${RUNS:-10}"
CORPORA=(tweets movieReviewSnippets amazonReviewSnippets nytEditorialSnippets)

if [[ ! -f "$DATA/tweets_GroundTruth.txt" ]]; then
  echo "sentiment bench: $DATA is absent; nothing to measure (skipped)"
  exit 0
fi
mkdir -p "$WORK"

# 1. The tactful binary (release build).
if [[ -z "${TACTFUL_BIN:-}" ]]; then
  BUILD="$ROOT/build/release"
  if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
    (cd "$ROOT" && cmake --preset release >/dev/null)
  fi
  cmake --build "$BUILD" --target tactful -j2
  TACTFUL_BIN="$BUILD/plugin/cli/tactful"
fi
[[ -x "$TACTFUL_BIN" ]] || { echo "sentiment bench: no tactful binary at $TACTFUL_BIN" >&2; exit 1; }

# 2. vader-sentiment from npm, in a scratch project.
NPM_DIR="$WORK/npm"
if [[ ! -d "$NPM_DIR/node_modules/vader-sentiment" ]]; then
  mkdir -p "$NPM_DIR"
  (cd "$NPM_DIR" && echo '{"name":"tactful-sentiment-bench","private":true}' >package.json &&
    npm install --no-audit --no-fund --loglevel=error vader-sentiment@1.1.3 >/dev/null)
fi
NPM_VERSION="$(node -p "require('$NPM_DIR/node_modules/vader-sentiment/package.json').version")"

# The same output format as `tactful sentiment`. With TIMING=1 it also reports the scoring
# loop alone on stderr (no node start-up, no file I/O).
cat >"$WORK/vader_node.js" <<'EOF'
const fs = require('fs');
const vader = require(process.env.NPM_DIR + '/node_modules/vader-sentiment');
const texts = fs.readFileSync(process.argv[2], 'utf8').split('\n');
if (texts.length && texts[texts.length - 1] === '') texts.pop();
const start = process.hrtime.bigint();
const out = new Array(texts.length);
for (let i = 0; i < texts.length; i++) {
  const s = vader.SentimentIntensityAnalyzer.polarity_scores(texts[i]);
  out[i] = `${s.compound.toFixed(4)}\t${s.neg.toFixed(3)}\t${s.neu.toFixed(3)}\t${s.pos.toFixed(3)}`;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
fs.writeSync(1, out.join('\n') + '\n');
if (process.env.TIMING) console.error(`${seconds}`);
EOF
export NPM_DIR

# 3. The texts, as Python reads them: latin-1 decoded, CR dropped, third column on.
TEXTS="$WORK/texts.txt"
for corpus in "${CORPORA[@]}"; do
  iconv -f latin1 -t utf-8 "$DATA/${corpus}_GroundTruth.txt" | tr -d '\r' | cut -f3-
done >"$TEXTS"
N="$(wc -l <"$TEXTS")"
echo "texts: $N (ICWSM-14 ground truth, $(du -h "$TEXTS" | cut -f1))"

# 4. Agreement (the npm package ships an older lexicon and rules, so scores differ).
"$TACTFUL_BIN" sentiment <"$TEXTS" >"$WORK/tactful.tsv"
TIMING=1 node "$WORK/vader_node.js" "$TEXTS" >"$WORK/node.tsv" 2>"$WORK/node_loop_seconds"
paste "$WORK/tactful.tsv" "$WORK/node.tsv" | awk -F'\t' '
  { d = $1 - $5; if (d < 0) d = -d; same += (d <= 0.00011); }
  END { printf "compound equal (within 1e-4) between the two: %d of %d (%.1f%%)\n", same, NR, 100 * same / NR }'

# 5. Timing, end to end (process start, reading, scoring, writing).
TACTFUL_CMD="$TACTFUL_BIN sentiment < $TEXTS > /dev/null"
NODE_CMD="node $WORK/vader_node.js $TEXTS > /dev/null"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --runs "$RUNS" --style basic --export-json "$WORK/hyperfine.json" \
    -n tactful "$TACTFUL_CMD" -n "vader-sentiment $NPM_VERSION (node)" "$NODE_CMD" >&2
  read -r T_TACTFUL T_NODE M_TACTFUL M_NODE < <(node -e '
    const r = require(process.argv[1]).results;
    console.log(r[0].mean, r[1].mean, r[0].min, r[1].min);' "$WORK/hyperfine.json")
  METHOD="hyperfine, $RUNS runs"
else
  # Prints "mean min" seconds over RUNS runs of a shell command.
  time_runs() {
    local start end
    for ((i = 0; i < RUNS; i++)); do
      start=$(date +%s%N)
      bash -c "$1"
      end=$(date +%s%N)
      echo $((end - start))
    done | awk '{ t += $1; if (NR == 1 || $1 < m) m = $1 }
                END { printf "%.6f %.6f\n", t / NR / 1e9, m / 1e9 }'
  }
  bash -c "$TACTFUL_CMD"
  bash -c "$NODE_CMD"  # warm the page cache
  read -r T_TACTFUL M_TACTFUL < <(time_runs "$TACTFUL_CMD")
  read -r T_NODE M_NODE < <(time_runs "$NODE_CMD")
  METHOD="date +%s%N, $RUNS runs"
fi
NODE_LOOP="$(cat "$WORK/node_loop_seconds")"

awk -v n="$N" -v t="$T_TACTFUL" -v j="$T_NODE" -v tm="$M_TACTFUL" -v jm="$M_NODE" \
  -v loop="$NODE_LOOP" -v how="$METHOD" -v ver="$NPM_VERSION" 'BEGIN {
  printf "\nend to end (%s; process start, reading, scoring, writing)\n", how
  printf "%-32s %10s %12s %10s %12s\n", "", "mean s", "texts/s", "min s", "texts/s"
  printf "%-32s %10.4f %12.0f %10.4f %12.0f\n", "tactful sentiment", t, n / t, tm, n / tm
  printf "%-32s %10.4f %12.0f %10.4f %12.0f\n", "vader-sentiment " ver " (node)", j, n / j, jm,
         n / jm
  printf "ratio (node / tactful): %.1fx on means, %.1fx on minimums\n", j / t, jm / tm
  printf "vader-sentiment scoring loop alone (no start-up/I/O): %.4f s = %.0f texts/s\n", loop,
         n / loop
}'
