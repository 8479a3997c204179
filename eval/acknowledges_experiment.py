#!/usr/bin/env python3
"""Experiment (its labels train the `acknowledges` draft head, eval/add_acknowledges_head.py): can a word model tell whether a DRAFT acknowledges
what the customer told, where the context owes an acknowledgement?

Which cases owe one is read from the engine itself: every labelled case with a history is
re-run with a neutral draft ("Thanks for your message."); where no `empathy` hint fires, the
context owes none and the case is left out. Of the rest, a draft is labelled as acknowledging
when `empathy` is neither expected nor allowed, and as not acknowledging when it is expected.
Features and fitting are train_customer_readings.py's, on the draft; figures are leave one set
out over dev and holdout ... holdout6 (the training sets).

    python3 eval/acknowledges_experiment.py [--tactful build/release/plugin/cli/tactful]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def owed_by_context(tactful, cases):
    """The (set, id) of the cases where a neutral draft gets an empathy hint."""
    return shared.engine_flags(tactful, cases, "empathy", shared.NEUTRAL_DRAFT)


def labelled_cases(tactful):
    """The drafts of the training sets whose context owes an acknowledgement, each with y = 1
    when it acknowledges (empathy neither expected nor allowed), 0 when empathy is expected."""
    corpus = [(s, c) for s, c in shared.corpus_cases(os.path.join(ROOT, "tests/corpus"))
              if c.get("history")]
    owed = owed_by_context(tactful, corpus)
    cases = []
    for s, c in corpus:
        if (s, c["id"]) not in owed:
            continue
        if "empathy" in c["expect"]:
            y = 0
        elif "empathy" not in c.get("allow", []):
            y = 1
        else:
            continue
        cases.append({"id": c["id"], "set": s, "y": y, "draft": c["draft"],
                      "x": shared.features([c["draft"]])})
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    args = ap.parse_args()
    cases = labelled_cases(args.tactful)
    print("%d cases owe an acknowledgement by context; %d drafts acknowledge" %
          (len(cases), sum(c["y"] for c in cases)))
    for l2 in (0.03, 0.1, 0.3):
        probs = []
        for s in shared.SETS:
            model = shared.fit([c for c in cases if c["set"] != s], l2)
            probs += [(shared.prob(model, c["x"]), c["y"]) for c in cases if c["set"] == s]
        for th in (0.5, 0.7, 0.8, 0.9):
            p, r, tp, fp, fn = shared.pr([(q >= th, y) for q, y in probs])
            print("l2 %.2f threshold %.1f: P %.2f R %.2f (tp %d fp %d fn %d)" % (l2, th, p, r, tp, fp, fn))


if __name__ == "__main__":
    sys.exit(main())
