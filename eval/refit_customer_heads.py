#!/usr/bin/env python3
"""Refits the two learned customer readings (problem, feeling) on today's training sets and
writes them into the committed weight table in place, keeping every other column and bias
exactly as written (eval/word_table.py).

Training sets: tests/corpus/*.jsonl ("dev"), holdout ... holdout6 (the sets the committed heads
were fitted on) and the holdouts opened since: holdout7, 8, 9, 10, 11, 14, 15 and 16 (opened
2026-12-07). holdout12, 13 and 17 are blind and never read. Labels, features and the fit are
train_customer_readings.py's; the messages read are the customer's after the agent's last
message that is more than a holding line (train_customer_readings.unanswered, as core reads
them).

The evidence is leave one set out: each set is scored by a model fitted without it. On the sets
opened since the committed heads were first fitted, the table written before a set was opened
never saw it (holdout16: the table before 2026-12-07's refit), so the two columns of the report
compare like with like there; on dev and holdout ... holdout6
the committed table is in-sample and its figures flatter it.

    python3 eval/refit_customer_heads.py            # the leave-one-set-out report only
    python3 eval/refit_customer_heads.py --write    # also write both heads into the table
    python3 eval/refit_customer_heads.py --write --drop-prefix d16-
        # the committed columns: fitted before drafts16.jsonl (the blame work's) was merged
    python3 eval/word_table.py check --except problem feeling   # the other columns unchanged
"""
import argparse
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402
import word_table  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FITTED_ON = ["dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6"]
OPENED_SINCE = ["holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout14",
                "holdout15", "holdout16"]
shared.SETS = FITTED_ON + OPENED_SINCE
# The committed heads' settings (train_customer_readings.py's cross-validation chose them) and
# the packs' thresholds: min_problem_report 0.8, min_feeling_report 0.7.
L2 = {"problem": 0.1, "feeling": 0.3}
THRESHOLD = {"problem": 0.8, "feeling": 0.7}
FLOOR = 0.15


def committed_prob(table, head, x):
    i = table.order.index(head)
    z = float(table.biases[i]) + sum(float(table.rows[k][0][i].rstrip("f"))
                                     for k in x if k in table.rows)
    return 1 / (1 + math.exp(-max(-30, min(30, z))))


def report(head, cases, table):
    """Per set: the committed head and the refit's leave-one-set-out P / R at the pack's
    threshold. Returns the refit's (P, R) over the eight sets opened since, and the committed
    head's."""
    held = {}
    for s in shared.SETS:
        model = shared.prune(shared.fit([c for c in cases if c["set"] != s], L2[head]), FLOOR)
        for c in cases:
            if c["set"] == s:
                held[(s, c["id"])] = shared.prob(model, c["x"])
    t = THRESHOLD[head]
    print("== %s: %d cases (%d positive); L2 %.2g, threshold %.1f"
          % (head, len(cases), sum(c["y"] for c in cases), L2[head], t))
    print("%-22s %5s   %-22s %-22s" % ("set", "cases", "committed P / R (tp fp)",
                                        "refit, set left out"))
    rows = [(s, [s]) for s in shared.SETS]
    rows += [("eight opened since", OPENED_SINCE), ("dev + holdout..6", FITTED_ON)]
    out = {}
    for name, sets in rows:
        sel = [c for c in cases if c["set"] in sets]
        old = shared.pr([(committed_prob(table, head, c["x"]) >= t, c["y"]) for c in sel])
        new = shared.pr([(held[(c["set"], c["id"])] >= t, c["y"]) for c in sel])
        note = "  (committed: in-sample)" if set(sets) <= set(FITTED_ON) else ""
        print("%-22s %5d   %.2f / %.2f (%d %d)     %.2f / %.2f (%d %d)%s"
              % (name, len(sel), old[0], old[1], old[2], old[3], new[0], new[1], new[2],
                 new[3], note))
        out[name] = (old, new)
    print()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--table", default=None)
    ap.add_argument("--drop-prefix", default=None,
                    help="leave out cases whose id starts with this (a dev file added after "
                         "the committed fit, e.g. d16-)")
    args = ap.parse_args()
    cases = shared.load(os.path.join(ROOT, "tests/corpus"))
    if args.drop_prefix:
        cases = [c for c in cases if not c["id"].startswith(args.drop_prefix)]
    table = word_table.load(args.table)
    readable = {}
    for c in cases:
        readable.update(shared.names(c["texts"]))
    fitted = {}
    for head in shared.HEADS:
        labelled = shared.for_head(cases, head)
        report(head, labelled, table)
        fitted[head] = (labelled, shared.prune(shared.fit(labelled, L2[head]), FLOOR))
    if not args.write:
        return 0
    for head in shared.HEADS:
        labelled, (weights, bias) = fitted[head]
        table.add(head, weights, bias, [
            "// Head %s (eval/refit_customer_heads.py): %d cases, %d positive; L2 %.3g;"
            % (head, len(labelled), sum(c["y"] for c in labelled), L2[head]),
            "//   %d weights; refitted on dev, holdout ... holdout11, holdout14 ... holdout16,"
            % len(weights),
            "//   in place: the other heads read back, not refitted."], readable)
        print("wrote %s: %d weights, bias %.3f" % (head, len(weights), bias))
    word_table.save(table, args.table)
    return 0 if word_table.check(args.table, "HEAD", replaced=shared.HEADS) else 1


if __name__ == "__main__":
    sys.exit(main())
