#!/usr/bin/env python3
"""Adds the `owns-wait` draft head to the committed weight table, keeping every column and bias
already there exactly as written (eval/word_table.py; nothing else is refitted).

The head reads whether a DRAFT owns the customer's wait (thanks them for their patience,
apologises for the delay, says the reply took too long), where the context owes that; its labels
and leave-one-set-out figures are eval/owns_wait_experiment.py's (its functions, reused). Fitted
with train_customer_readings.py's fit at L2 0.1, pruned like the other heads. The
responsiveness require rule names it as a learned waiver at 0.5 (docs/rules.md, "waived_by").

    python3 eval/add_owns_wait_head.py [--tactful BIN] [--table FILE] [--against REV]
    python3 eval/add_owns_wait_head.py --check [--against REV]

The labels read the engine (which contexts owe an acknowledgement of the wait): BIN must be a
build of this tree. Rerunning refits this column only, appended after the table's other heads.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import owns_wait_experiment as experiment  # noqa: E402
import train_customer_readings as shared  # noqa: E402
import word_table  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAD = "owns-wait"
L2 = 0.1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--table", default=None)
    ap.add_argument("--floor", type=float, default=0.15)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--against", default="HEAD")
    args = ap.parse_args()
    if args.check:
        return 0 if word_table.check(args.table, args.against) else 1
    table = word_table.load(args.table)
    cases = experiment.labelled_cases(args.tactful)
    weights, bias = shared.prune(shared.fit(cases, L2), args.floor)
    names = {}
    for c in cases:
        names.update(shared.names([c["draft"]]))
    table.add(HEAD, weights, bias, [
        "// Draft head %s (eval/add_owns_wait_head.py, eval/owns_wait_experiment.py's" % HEAD,
        "//   labels): %d drafts, %d positive; L2 %.3g; %d weights; added to the"
        % (len(cases), sum(c["y"] for c in cases), L2, len(weights)),
        "//   committed table: the other heads were read back, not refitted (owns-wait)."], names)
    word_table.save(table, args.table)
    print("wrote %s: %s: %d weights, bias %.3f" % (args.table or word_table.TABLE, HEAD,
                                                   len(weights), bias))
    return 0 if word_table.check(args.table, args.against) else 1


if __name__ == "__main__":
    sys.exit(main())
