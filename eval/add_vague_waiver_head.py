#!/usr/bin/env python3
"""Adds the `no-vague-promise` draft head to the committed weight table, keeping every other
column and bias exactly as written (eval/word_table.py): a learned waiver of the playbook
require rules of category vague-commitment (customer-playbooks.json: "give a next step and a
time"), for drafts that give one in words the `time` marker misses, or make no promise at all.

Labels, like eval/acknowledges_experiment.py's: the contexts that call for a next step are read
from the engine itself. Every labelled case of the training sets (tests/corpus/*.jsonl, holdout
... holdout6, holdout9) is re-run with a neutral draft ("Thanks for your message."); where no
vague-commitment hint fires, the context asks for nothing and the case is left out. Of the rest,
a draft is labelled y = 1 when vague-commitment is neither expected nor allowed, y = 0 when it is
expected (allowed: dropped). Features and fitting are train_customer_readings.py's, on the draft.

The threshold is chosen by leave one set out, where the waiver acts: on the drafts a playbook
rule flags as they are (no marker found), the highest recall with precision >= 0.95 (a waived
draft that is vague is a hint lost).

    python3 eval/add_vague_waiver_head.py [--tactful BIN]           # report only
    python3 eval/add_vague_waiver_head.py --write [--table FILE] [--tactful BIN]
    python3 eval/word_table.py check                                 # other columns unchanged

On 2026-12-06 no setting reached precision 0.95 where a playbook rule flags (best 0.61): the
script reports that, writes nothing and exits 1 (docs/quality.md, "Vague commitments on new
writers").
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402
import word_table  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
shared.SETS = ["dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6",
               "holdout9"]
HEAD = "no-vague-promise"
CATEGORY = "vague-commitment"
L2 = [0.03, 0.1, 0.3]
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9]
MIN_PRECISION = 0.95
FLOOR = 0.15


def flagged(tactful, cases, draft=None):
    """{(set, id): [rule ids]} of the vague-commitment hints on each case's draft (or on
    `draft` instead), read from `tactful eval --verbose` with nothing expected."""
    out = {}
    for s, _, text in shared.eval_runs(tactful, cases, [], draft):
        for cid, rule in re.findall(r"^false\s+%s: ([^ :]+): (\S+) on" % CATEGORY, text, re.M):
            out.setdefault((s, cid), []).append(rule)
    return out


def labelled_cases(tactful):
    corpus = [(s, c) for s, c in shared.corpus_cases(os.path.join(ROOT, "tests/corpus"))
              if c.get("history") and s in shared.SETS]
    owed = flagged(tactful, corpus, draft="Thanks for your message.")
    as_written = flagged(tactful, [(s, c) for s, c in corpus if (s, c["id"]) in owed])
    cases = []
    for s, c in corpus:
        if (s, c["id"]) not in owed:
            continue
        if CATEGORY in c.get("expect", []):
            y = 0
        elif CATEGORY not in (c.get("allow") or []):
            y = 1
        else:
            continue
        rules = as_written.get((s, c["id"]), [])
        cases.append({"id": c["id"], "set": s, "y": y, "draft": c["draft"],
                      "x": shared.features([c["draft"]]),
                      "acts": any(r.startswith("playbook.") for r in rules)})
    return cases


def choose(cases):
    """(l2, threshold) with the highest leave-one-set-out recall at precision >= 0.95 on the
    drafts a playbook rule flags as written; None if no setting reaches it."""
    best = None
    for l2 in L2:
        probs = []
        for s in shared.SETS:
            model = shared.prune(shared.fit([c for c in cases if c["set"] != s], l2), FLOOR)
            probs += [(shared.prob(model, c["x"]), c) for c in cases if c["set"] == s]
        for t in THRESHOLDS:
            p, r, tp, fp, fn = shared.pr([(q >= t, c["y"]) for q, c in probs])
            ap, ar, atp, afp, afn = shared.pr([(q >= t, c["y"]) for q, c in probs if c["acts"]])
            print("  l2 %.2f t %.1f: all P %.2f R %.2f (tp %d fp %d fn %d); where a playbook "
                  "rule flags: P %.2f R %.2f (waived right %d, wrongly %d, left %d)"
                  % (l2, t, p, r, tp, fp, fn, ap, ar, atp, afp, afn))
            if ap >= MIN_PRECISION and (best is None or ar > best[3]):
                best = (l2, t, ap, ar)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--table", default=None)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    cases = labelled_cases(args.tactful)
    acts = [c for c in cases if c["acts"]]
    print("== %s: %d drafts whose context asks for a next step (%d positive); a playbook rule "
          "flags %d of them as written (%d positive)" % (HEAD, len(cases), sum(c["y"] for c in
          cases), len(acts), sum(c["y"] for c in acts)))
    best = choose(cases)
    if best is None:
        print("  no setting reaches precision %.2f: not written" % MIN_PRECISION)
        return 1
    l2, t, p, r = best
    print("  chosen: l2 %.2f threshold %.1f (P %.2f R %.2f where a playbook rule flags)" % best)
    if not args.write:
        return 0
    table = word_table.load(args.table)
    weights, bias = shared.prune(shared.fit(cases, l2), FLOOR)
    names = {}
    for c in cases:
        names.update(shared.names([c["draft"]]))
    table.add(HEAD, weights, bias, [
        "// Draft head %s (eval/add_vague_waiver_head.py): %d drafts, %d positive; L2 %.3g;"
        % (HEAD, len(cases), sum(c["y"] for c in cases), l2),
        "//   %d weights; leave-one-set-out threshold %.1f (P %.2f R %.2f where a playbook"
        % (len(weights), t, p, r),
        "//   rule flags); added to the committed table, the other heads read back."], names)
    word_table.save(table, args.table)
    print("  wrote %s: %d weights, bias %.3f" % (HEAD, len(weights), bias))
    return 0


if __name__ == "__main__":
    sys.exit(main())
