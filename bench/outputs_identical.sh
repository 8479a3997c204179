#!/usr/bin/env bash
# Checks that two builds of the CLI give byte-identical reports: `tactful check --json` on every
# case of the given corpus files (each case's draft and history, with a fixed `now` where the
# case has none), and `tactful eval --verbose` on each file. Used by the performance rounds
# (docs/performance.md) to show a change leaves every output byte the same.
#
#   bench/outputs_identical.sh OLD_TACTFUL NEW_TACTFUL FILE.jsonl...
#
# Each binary's outputs are cached under $CACHE (default: a temporary directory), keyed by its
# checksum, so checking a series of changes against one base runs the base once. JOBS (default 2)
# requests run at a time. Exits 1 and names the first differing cases when any output differs.
set -euo pipefail
[[ $# -ge 3 ]] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
old="$1"
new="$2"
shift 2
files=("$@")
JOBS="${JOBS:-2}"
CACHE="${CACHE:-$(mktemp -d)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One request per case, named by its file and line, in $work/requests.
python3 - "$work/requests" "${files[@]}" <<'PY'
import json, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for path in sys.argv[2:]:
    stem = os.path.basename(path).removesuffix(".jsonl")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            case = json.loads(line)
            req = {k: case[k] for k in ("draft", "history", "customer_name", "channel", "team", "now")
                   if k in case}
            req.setdefault("now", "2026-11-22T10:05:00Z")
            with open(os.path.join(out, f"{stem}-{n:05d}.json"), "w", encoding="utf-8") as r:
                json.dump(req, r, ensure_ascii=False)
PY

reports() {  # binary -> directory of its reports (and eval outputs)
  local bin="$1" dir
  dir="$CACHE/$(sha256sum "$bin" | cut -c1-16)"
  if [[ ! -f "$dir/done" ]]; then
    mkdir -p "$dir"
    find "$work/requests" -name '*.json' -printf '%f\n' | sort |
      xargs -P "$JOBS" -I{} sh -c '"$1" check --json < "$2/{}" > "$3/{}" 2>&1; echo "exit $?" >> "$3/{}"' _ "$bin" "$work/requests" "$dir"
    for f in "${files[@]}"; do
      "$bin" eval --verbose "$f" > "$dir/eval-$(basename "$f").txt" 2>&1 || true
    done
    touch "$dir/done"
  fi
  echo "$dir"
}

a="$(reports "$old")"
b="$(reports "$new")"
count=$(find "$work/requests" -name '*.json' | wc -l)
if diff -rq -x done "$a" "$b" > "$work/diff"; then
  echo "outputs identical: $count check --json reports and ${#files[@]} eval --verbose outputs"
else
  echo "outputs DIFFER ($(wc -l < "$work/diff") files):"
  head -20 "$work/diff"
  exit 1
fi
