#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) and runs each for N seconds (default 60).
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Seeds come from tests/fuzz/seeds/<target>/ plus the repository's fixtures (rule packs, the
# corpus); new inputs go to build/fuzz/corpus/<target>/, crashes to build/fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
cmake --preset fuzz >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=($(ls tests/fuzz/fuzz_*.cc | xargs -n1 basename | sed 's/\.cc$//'))
fi
cmake --build --preset fuzz --target "${targets[@]}"
for t in "${targets[@]}"; do
  name="${t#fuzz_}"
  work="build/fuzz/corpus/$name"; crashes="build/fuzz/crashes/$name"
  mkdir -p "$work" "$crashes"
  seeds=("tests/fuzz/seeds/$name")
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
  # Undefined behaviour stops the run like a crash, except RapidJSON's known one (ubsan.supp).
  export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
  "build/fuzz/tests/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=16384 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$work" "${seeds[@]}" 2>&1 |
    tee "build/fuzz/$name.log" | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY|INFO: seed corpus)" || true
done
