#!/usr/bin/env python3
"""Refits or adds draft heads in the committed weight table, keeping every other column and
bias exactly as written (eval/word_table.py), on every set opened for development:
tests/corpus/*.jsonl ("dev"), holdout ... holdout11 and holdout14 ... holdout16 (SETS below).

Labels and fitting are eval/train_draft_heads.py's (its functions, reused): per head, a draft is
positive when the category is expected, negative when it is neither expected nor allowed.

- blame: the column is REPLACED in place (same name, same place in the head order), refitted on
  the larger data; blame.learned reads it. Its features are the words and word pairs plus the
  sentence shapes of eval/blame_structure.py (core reads the same: learned/draft_structure.cc).
- overpromise, tone: new columns, appended at the end of the head order.

For each head the script prints the leave-one-set-out figures (train on all sets but one, score
the one left out) per L2 and threshold, and the setting it chose: the highest recall at
precision >= 0.95 among thresholds 0.5 ... 0.9 (a learned rule's hints add to the rules', and
precision of these categories is 1.00 on the blind sets: lower thresholds are not offered).

    python3 eval/add_draft_heads.py                     # report only, write nothing
    python3 eval/add_draft_heads.py --drop-prefix d12-  # the same without drafts12.jsonl
    python3 eval/add_draft_heads.py --heads blame --write --drop-prefix c16-
        # the committed blame column: fitted before customer16.jsonl (another branch's) was
        # merged; the column's weights and bias come out the same (word_table.py check)
    python3 eval/add_draft_heads.py --write [--table FILE] [--heads blame overpromise tone]
    python3 eval/add_draft_heads.py --heads blame --rules DIR  # also: the rules (DIR/base_<set>.txt
        # = `tactful eval <set> --verbose`, in-sample) OR the held-out model, per set
    python3 eval/word_table.py check --except blame     # the other columns are unchanged

A head that reaches no setting with precision >= 0.95 is still reported but not written.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402
import train_draft_heads as draft  # noqa: E402
import word_table  # noqa: E402
import blame_structure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Every set opened for development is a training set, and each opened holdout is one writer, so
# leaving one out is how a new writer is met. The blind sets (holdout12, 13, 17 and 18) are
# never read; holdout11 and holdout16 were opened on 2026-12-07, and blame19 (a new writer's
# blame training cases, tests/corpus/README.md) is one more writer. (Columns written before 2026-12-06's blame
# refit were fitted on dev, holdout ... holdout6 and holdout9: their header lines in the table
# say so.)
shared.SETS = ["dev", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6",
               "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout14",
               "holdout15", "holdout16", "blame19"]
HEADS = ["blame", "overpromise", "tone"]
# Heads that read the sentence shapes of eval/blame_structure.py beside the words (core adds the
# same keys: learned/draft_structure.cc).
STRUCTURED = {"blame"}
L2 = [0.03, 0.1]
THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9]
MIN_PRECISION = 0.95
FLOOR = 0.15
NO_STRUCTURE = False


def union_report(cases, held, t, fired):
    """Per set, the rules (in-sample: they were written on these sets) OR the held-out model:
    what the model adds to the engine on a writer it was not fitted on."""
    key = lambda c: (c["set"], c["id"])  # noqa: E731
    for s in shared.SETS + ["all"]:
        sel = [c for c in cases if s == "all" or c["set"] == s]
        rp, rr, *_ = shared.pr([(fired[key(c)], c["y"]) for c in sel])
        up, ur, *_ = shared.pr([(fired[key(c)] or held[key(c)] >= t, c["y"]) for c in sel])
        new = [c for c in sel if not fired[key(c)] and held[key(c)] >= t]
        print("    %-10s rules %.2f/%.2f  OR model %.2f/%.2f  +%d found, +%d false (%d on good"
              " replies)%s" % (s, rp, rr, up, ur, sum(c["y"] for c in new),
                               sum(1 - c["y"] for c in new),
                               sum(1 for c in new if not c["expect"]),
                               "" if s == "all" else "  " + " ".join(
                                   ("+" if c["y"] else "-") + c["id"] for c in new)))


def choose(head, all_cases, rules_dir=None):
    """(l2, threshold, precision, recall, labelled cases) of the best setting, or None."""
    cases = draft.labelled(all_cases, head)
    if head in STRUCTURED and not NO_STRUCTURE:
        cases = [dict(c, x=c["x"] | blame_structure.keys(c["draft"])) for c in cases]
    print("== %s: %d drafts (%d positive)" % (head, len(cases), sum(c["y"] for c in cases)))
    key = lambda c: (c["set"], c["id"])  # noqa: E731
    fired = shared.rules_fired(rules_dir, cases, head) if rules_dir else None
    best = None
    for l2 in L2:
        held = draft.cross_validate(cases, l2, FLOOR)
        for t in THRESHOLDS:
            p, r, tp, fp, fn = shared.pr([(held[key(c)] >= t, c["y"]) for c in cases])
            per_set = []
            for s in shared.SETS:
                sel = [c for c in cases if c["set"] == s]
                sp, sr, *_ = shared.pr([(held[key(c)] >= t, c["y"]) for c in sel])
                per_set.append("%s %.2f/%.2f" % (s, sp, sr))
            hp, hr, htp, hfp, hfn = shared.pr([(held[key(c)] >= t, c["y"]) for c in cases
                                               if c["set"] != "dev"])
            print("  l2 %.2f t %.1f: P %.2f R %.2f (tp %d fp %d fn %d); holdouts only P %.2f R %.2f"
                  " (tp %d fp %d fn %d)  %s" % (l2, t, p, r, tp, fp, fn, hp, hr, htp, hfp, hfn,
                                               "; ".join(per_set)))
            if fired:
                union_report(cases, held, t, fired)
            if p >= MIN_PRECISION and (best is None or r > best[3]):
                best = (l2, t, p, r, cases)
    if best is None:
        print("  no setting reaches precision %.2f: not written" % MIN_PRECISION)
    else:
        print("  chosen: l2 %.2f threshold %.1f (P %.2f R %.2f)" % best[:4])
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--heads", nargs="*", default=HEADS)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--table", default=None)
    ap.add_argument("--rules", default=None,
                    help="DIR of base_<set>.txt = `tactful eval <set> --verbose` listings: also"
                    " report the rules OR the held-out model per set")
    ap.add_argument("--no-structure", action="store_true",
                    help="words alone, without eval/blame_structure.py's shapes (to compare)")
    ap.add_argument("--drop-prefix", default=None,
                    help="leave out cases whose id starts so (to measure what a file adds)")
    args = ap.parse_args()
    all_cases = draft.load(os.path.join(ROOT, "tests/corpus"))
    if args.drop_prefix:
        all_cases = [c for c in all_cases if not c["id"].startswith(args.drop_prefix)]
    global NO_STRUCTURE
    NO_STRUCTURE = args.no_structure
    table = word_table.load(args.table)
    for head in args.heads:
        got = choose(head, all_cases, args.rules)
        if got is None or not args.write:
            continue
        l2, t, p, r, cases = got
        weights, bias = shared.prune(shared.fit(cases, l2), FLOOR)
        names = {}
        for c in cases:
            names.update(shared.names([c["draft"]]))
        if head in STRUCTURED and not NO_STRUCTURE:
            names.update(blame_structure.names())
        lines = ["// Draft head %s (eval/add_draft_heads.py): %d drafts, %d positive; L2 %.3g;"
                 % (head, len(cases), sum(c["y"] for c in cases), l2),
                 "//   %d weights; leave-one-set-out threshold %.1f (P %.2f R %.2f); written"
                 % (len(weights), t, p, r),
                 "//   into the committed table, the other heads read back, not refitted."]
        # A head already in the table (blame) is replaced in its place: core's index is kept.
        table.add(head, weights, bias, lines, names)
        print("  wrote %s: %d weights, bias %.3f" % (head, len(weights), bias))
    if args.write:
        word_table.save(table, args.table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
