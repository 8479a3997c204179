#!/usr/bin/env python3
"""Fits learned readings of the DRAFT ("heads": blame, dismissive, policy-language) with the
features and the fitting of train_customer_readings.py, and measures how each carries over to a
new writer by leave-one-set-out cross-validation.

Rerun (from the repository root; plain python3, no packages):

    python3 eval/train_draft_heads.py                  # cross-validation report only
    python3 eval/train_draft_heads.py --rules DIR      # also compare with the rules, reading
        # DIR/base_<set>.txt = `tactful eval tests/corpus/<set> --verbose` (and base_dev.txt)

Training data: the labelled cases of tests/corpus/*.jsonl ("dev") and holdout ... holdout6, as
for the problem reading (holdout7 and holdout8 are never read). Per head, a case is positive when
the head's category is in expect, negative when it is neither in expect nor in allow; a case
allowing it is dropped. Features: the word unigrams and bigrams of the draft (the whole draft,
as core reads it when no skip region hides a part).

The weights go into the table of the customer readings (core/src/customer/word_model_weights.cc,
written by `python3 eval/train_customer_readings.py --emit FILE`, which calls fit_for_table here):
a key (a word or bigram) has one weight per head, so core probes a draft once per word for all
draft heads.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

HEADS = ["blame", "dismissive", "policy-language"]
DEFAULT_L2 = [0.03, 0.1]
DEFAULT_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7]
# Added to the rules, a head's own false alarms count in full: ask for 0.95.
MIN_PRECISION = 0.95


def load(root):
    cases = []
    for s, c in shared.corpus_cases(root):
        cases.append({"id": c["id"], "set": s, "draft": c["draft"],
                      "expect": c.get("expect", []), "allow": c.get("allow", []),
                      "x": shared.features([c["draft"]])})
    return cases


def labelled(cases, head):
    out = []
    for c in cases:
        if head in c["expect"]:
            out.append(dict(c, y=1))
        elif head not in c["allow"]:
            out.append(dict(c, y=0))
    return out


def cross_validate(cases, l2, floor):
    held = {}
    for s in shared.SETS:
        train = [c for c in cases if c["set"] != s]
        model = shared.prune(shared.fit(train, l2), floor)
        for c in cases:
            if c["set"] == s:
                held[(s, c["id"])] = shared.prob(model, c["x"])
    return held


def report_head(head, all_cases, args):
    cases = labelled(all_cases, head)
    print("\n== %s: %d cases (%d positive)" % (head, len(cases), sum(c["y"] for c in cases)))
    fired = shared.rules_fired(args.rules, cases, head) if args.rules else None
    key = lambda c: (c["set"], c["id"])  # noqa: E731
    best = None
    for l2 in args.l2:
        held = cross_validate(cases, l2, args.floor)
        for t in args.thresholds:
            p, r, *_ = shared.pr([(held[key(c)] >= t, c["y"]) for c in cases])
            line = "l2=%.3f t=%.2f  leave-one-set-out P=%.2f R=%.2f" % (l2, t, p, r)
            if fired:
                hs = [c for c in cases if c["set"] != "dev"]
                cp, cr, _, cfp, _ = shared.pr([(fired[key(c)] or held[key(c)] >= t, c["y"])
                                               for c in hs])
                line += "  holdouts, rules OR model: P=%.2f R=%.2f (%d false)" % (cp, cr, cfp)
            print(line)
            if p >= args.min_precision and (best is None or r > best[2]):
                best = (l2, t, r, held)
    if best is None:
        print("no setting reaches precision %.2f" % args.min_precision)
        return None
    l2, t, _, held = best
    if args.threshold is not None:
        t = args.threshold
    print("chosen l2=%.3f threshold=%.2f; per held-out set:" % (l2, t))
    print("%-13s %-12s %-12s %-12s" % ("set", "model P/R", "rules P/R", "rules OR model"))
    for s in shared.SETS + ["all-holdouts"]:
        sel = [c for c in cases if (c["set"] == s if s != "all-holdouts" else c["set"] != "dev")]
        p, r, *_ = shared.pr([(held[key(c)] >= t, c["y"]) for c in sel])
        line = "%-13s %.2f / %.2f" % (s, p, r)
        if fired:
            rp, rr, *_ = shared.pr([(fired[key(c)], c["y"]) for c in sel])
            cp, cr, *_ = shared.pr([(fired[key(c)] or held[key(c)] >= t, c["y"]) for c in sel])
            gained = sum(1 for c in sel if c["y"] and not fired[key(c)] and held[key(c)] >= t)
            added = sum(1 for c in sel if not c["y"] and not fired[key(c)] and held[key(c)] >= t)
            line += "  %.2f / %.2f  %.2f / %.2f  +%d found, +%d false" % (rp, rr, cp, cr,
                                                                       gained, added)
        print(line)
    return l2, t, cases


def fit_for_table(corpus, floor):
    """Each head cross-validated with this script's defaults, then fitted on every set: the rows
    train_customer_readings.emit writes after the customer heads. None if a head fails."""
    args = argparse.Namespace(rules=None, l2=DEFAULT_L2, thresholds=DEFAULT_THRESHOLDS,
                              floor=floor, min_precision=MIN_PRECISION, threshold=None)
    all_cases = load(corpus)
    out = []
    for head in HEADS:
        got = report_head(head, all_cases, args)
        if got is None:
            return None
        l2, t, cases = got
        readable = {}
        for c in cases:
            readable.update(shared.names([c["draft"]]))
        out.append({"head": head, "model": shared.prune(shared.fit(cases, l2), floor),
                    "threshold": t, "readable": readable,
                    "note": "%d drafts, %d positive; L2 %.3g" % (len(cases),
                                                                sum(c["y"] for c in cases), l2)})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="tests/corpus")
    ap.add_argument("--rules")
    ap.add_argument("--heads", nargs="*", default=HEADS)
    ap.add_argument("--l2", type=float, nargs="*", default=DEFAULT_L2)
    ap.add_argument("--thresholds", type=float, nargs="*", default=DEFAULT_THRESHOLDS)
    ap.add_argument("--floor", type=float, default=0.15)
    ap.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    ap.add_argument("--threshold", type=float)
    args = ap.parse_args()
    all_cases = load(args.corpus)
    for head in HEADS:
        if head in args.heads and report_head(head, all_cases, args) is None:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
