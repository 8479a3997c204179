#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for N seconds (default 60).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Seeds come from tests/fuzz/seeds/<target>/ plus the repository's fixtures (rule packs, the
# corpus, the webhook fixtures); new inputs go to build/fuzz/corpus/<target>/, crashes to
# build/fuzz/crashes/<target>/. A crash does not end a target's time: the fuzzer starts again
# until its N seconds are spent, and the summary line adds up every attempt.
# FUZZ_NO_BUILD=1 skips configuring and building, so several invocations can run in parallel
# (on different targets) once one build is done.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(ls tests/fuzz/fuzz_*.cc | xargs -n1 basename | sed 's/\.cc$//'))
fi
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz --target "${targets[@]}"
fi
# Undefined behaviour stops the run like a crash, except RapidJSON's known one (ubsan.supp).
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
for t in "${targets[@]}"; do
  name="${t#fuzz_}"
  work="build/fuzz/corpus/$name"; crashes="build/fuzz/crashes/$name"
  mkdir -p "$work" "$crashes"
  seeds=()
  [ -d "tests/fuzz/seeds/$name" ] && seeds+=("tests/fuzz/seeds/$name")
  case "$name" in
    rule_pack) seeds+=(core/packs) ;;
    admin_rules) ;;  # its seeds start with the selector byte
    request_json)
      # One seed per corpus case: its request fields are the request format.
      mkdir -p build/fuzz/seeds-corpus
      i=0
      while IFS= read -r line; do
        [ -n "$line" ] && printf '%s' "$line" > "build/fuzz/seeds-corpus/case-$i.json" && i=$((i+1))
      done < <(cat tests/corpus/*.jsonl | sed -E 's/"(id|situation|expect|allow|note)": (\[[^]]*\]|"[^"]*"), ?//g')
      seeds+=(build/fuzz/seeds-corpus) ;;
    tokenizer) seeds+=(tests/corpus) ;;
    webhooks) seeds+=(tests/fixtures/webhooks) ;;  # every vendor's payloads and vectors
  esac
  echo "== $t for ${seconds}s"
  log="build/fuzz/$name.log"; : > "$log"
  start=$(date +%s); attempts=0
  while :; do
    left=$(( seconds - ($(date +%s) - start) ))
    [ "$left" -gt 0 ] || break
    attempts=$((attempts + 1)); found=$(grep -c "Test unit written to" "$log" || true)
    echo "-- attempt $attempts, ${left}s left" >> "$log"
    "build/fuzz/tests/fuzz/$t" -max_total_time="$left" -timeout=10 -rss_limit_mb=4096 \
      -max_len=16384 -artifact_prefix="$crashes/" -print_final_stats=1 "$work" "${seeds[@]}" \
      >> "$log" 2>&1 && break  # the time is spent
    # Failed without writing a finding (a broken build, say): stop rather than spin.
    [ "$(grep -c "Test unit written to" "$log" || true)" -gt "$found" ] || break
  done
  grep -E "^(==[0-9]+==ERROR|SUMMARY|INFO: seed corpus)" "$log" | sort | uniq -c || true
  awk -v t="$t" -v secs="$(( $(date +%s) - start ))" -v attempts="$attempts" '
    /^stat::number_of_executed_units:/ { execs += $2 }
    /^stat::peak_rss_mb:/ { if ($2 > rss) rss = $2 }
    /Test unit written to/ { found++ }
    END { printf "== %s: %ds, %d executions, peak RSS %d MB, %d attempt(s), %d finding(s)\n",
          t, secs, execs, rss, attempts, found }' "$log"
  ls "$crashes"
done
