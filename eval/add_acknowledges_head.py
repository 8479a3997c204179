#!/usr/bin/env python3
"""Adds the `acknowledges` draft head to the committed weight table, keeping the columns and
biases already there exactly as they are (read back from the table, not refitted: a full
`train_customer_readings.py --emit` would refit them on today's larger corpus).

The head reads whether a DRAFT acknowledges what the customer told, where the context owes an
acknowledgement; its labels and leave-one-set-out figures are eval/acknowledges_experiment.py's
(its functions, reused). Fitted with train_customer_readings.py's fit at L2 0.1, pruned like the
other heads. Empathy require rules name it as a learned waiver (docs/rules.md, "waived_by").

    python3 eval/add_acknowledges_head.py [--tactful BIN] [--table FILE] [--against REV]
    python3 eval/add_acknowledges_head.py --check [--against REV]
        # only verify that every column of REV's table (default HEAD) is unchanged here

The table's head order is its own: the existing heads first, then acknowledges. Rerunning the
script on a table that already has the head refits that column only (eval/word_table.py keeps
every other column as written).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acknowledges_experiment as experiment  # noqa: E402
import train_customer_readings as shared  # noqa: E402
import word_table  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEAD = "acknowledges"
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
        "// Draft head %s (eval/add_acknowledges_head.py, eval/acknowledges_experiment.py's" % HEAD,
        "//   labels): %d drafts, %d positive; L2 %.3g; %d weights; added to the"
        % (len(cases), sum(c["y"] for c in cases), L2, len(weights)),
        "//   committed table: the heads above were read back, not refitted."], names)
    word_table.save(table, args.table)
    print("wrote %s: %s: %d weights, bias %.3f" % (args.table or word_table.TABLE, HEAD,
                                                   len(weights), bias))
    return 0 if word_table.check(args.table, args.against) else 1


if __name__ == "__main__":
    sys.exit(main())
