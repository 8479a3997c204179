#!/usr/bin/env python3
"""Labels of an `apologizes` draft head (measured, not merged: docs/quality.md): can a word model tell
whether a DRAFT apologises for what went wrong, where the context owes an apology?

Which cases owe one is read from the engine itself, as eval/acknowledges_experiment.py does for
empathy: every labelled case with a history is re-run with a neutral draft ("Thanks for your
message."); where no `apology` hint fires, the context owes none and the case is left out. Of the
rest, a draft is labelled as apologising when `apology` is neither expected nor allowed and the
draft says sorry or apologises in some words (a good draft with no apology at all was judged by its
writer to owe none: that is the engine over-reading the customer, not an apology the markers
missed, and it would teach this head that curt drafts apologise); as not apologising when
`apology` is expected. Features and fitting are train_customer_readings.py's, on the draft;
figures are leave one set out over dev, holdout ... holdout6 and holdout9 (the training sets).
It also counts today's false apology hints by kind: on drafts with apology words (what a draft
waiver could pass) and on drafts without (the writer judged none owed: no draft reading helps).

    python3 eval/apologizes_experiment.py [--tactful build/release/plugin/cli/tactful] [--samples]
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = shared.SETS + ["holdout9"]
# Words an apology is made of, however the markers word it: a good draft without any of them
# that still passes where a neutral one gets an apology hint owes none by its writer's judgement.
APOLOGISES = re.compile(r"\b(sorry|apolog\w*|regret\w*|on us|on me|our (fault|mistake|error|bad)|"
                        r"my (fault|mistake|error|bad)|dropped the ball|let you down|"
                        r"should(n't| not)? have|should never have|we messed up|we got it wrong|"
                        r"we made (a|an) (mistake|error))\b", re.I)


def training_cases():
    """(set, case) for every case with a history of the training sets: train_customer_readings'
    sets, and holdout9 (read since its development)."""
    root = os.path.join(ROOT, "tests/corpus")
    out = list(shared.corpus_cases(root))
    for s in SETS[len(shared.SETS):]:
        for p in sorted(os.listdir(os.path.join(root, s))):
            if p.endswith(".jsonl"):
                for line in open(os.path.join(root, s, p), encoding="utf-8"):
                    if line.strip():
                        out.append((s, json.loads(line)))
    return [(s, c) for s, c in out if c.get("history")]


def owed_by_context(tactful, cases):
    """The (set, id) of the cases where a neutral draft gets an apology hint."""
    return shared.engine_flags(tactful, cases, "apology", shared.NEUTRAL_DRAFT)


def labelled_cases(tactful, keep_unsaid=False):
    """The drafts of the training sets whose context owes an apology, each with y = 1 when it
    apologises (apology neither expected nor allowed, and apology words in the draft), 0 when an
    apology is expected. `keep_unsaid` keeps the good drafts with no apology word as y = 1 too
    (to measure how many there are)."""
    corpus = training_cases()
    owed = owed_by_context(tactful, corpus)
    cases = []
    for s, c in corpus:
        if (s, c["id"]) not in owed:
            continue
        said = APOLOGISES.search(c["draft"]) is not None
        if "apology" in c["expect"]:
            y = 0
        elif "apology" not in c.get("allow", []) and (said or keep_unsaid):
            y = 1
        else:
            continue
        cases.append({"id": c["id"], "set": s, "y": y, "draft": c["draft"], "said": said,
                      "x": shared.features([c["draft"]])})
    return cases


def leave_one_set_out(cases, l2):
    probs = []
    for s in SETS:
        model = shared.fit([c for c in cases if c["set"] != s], l2)
        probs += [(shared.prob(model, c["x"]), c) for c in cases if c["set"] == s]
    return probs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--samples", action="store_true", help="print the labelled drafts")
    args = ap.parse_args()
    every = labelled_cases(args.tactful, keep_unsaid=True)
    unsaid = [c for c in every if c["y"] == 1 and not c["said"]]
    cases = [c for c in every if c["y"] == 0 or c["said"]]
    print("%d cases owe an apology by context; %d good drafts apologise, %d good drafts say no "
          "apology (left out), %d drafts owe one" %
          (len(every), sum(c["y"] for c in cases), len(unsaid),
           sum(1 for c in cases if c["y"] == 0)))
    # What a waiver could pass: the good drafts the apology rules hint today, by kind.
    hinted = set()
    for s in SETS:
        out = subprocess.run([args.tactful, "eval", os.path.join(ROOT, "tests/corpus",
                                                                 "" if s == "dev" else s),
                              "--verbose"], capture_output=True, text=True).stdout
        hinted |= {(s, i) for i in re.findall(r"^false\s+apology: ([^ :]+)", out, re.M)}
    print("false apology hints today: %d; on drafts with apology words %d, on drafts without %d"
          % (len(hinted), sum(1 for c in every if (c["set"], c["id"]) in hinted and c["said"]),
             sum(1 for c in every if (c["set"], c["id"]) in hinted and not c["said"])))
    if args.samples:
        for c in every:
            print("%s %d %s %s: %s" % ("unsaid" if c["y"] and not c["said"] else "label ", c["y"],
                                       c["set"], c["id"], c["draft"][:160]))
    for l2 in (0.03, 0.1, 0.3):
        probs = leave_one_set_out(cases, l2)
        for th in (0.5, 0.7, 0.8, 0.9, 0.95):
            p, r, tp, fp, fn = shared.pr([(q >= th, c["y"]) for q, c in probs])
            print("l2 %.2f threshold %.2f: P %.2f R %.2f (tp %d fp %d fn %d)" %
                  (l2, th, p, r, tp, fp, fn))
            if args.samples and l2 == 0.1 and th == 0.8:
                for q, c in probs:
                    if q >= th and not c["y"]:
                        print("   wrong waiver %.2f %s %s: %s" % (q, c["set"], c["id"], c["draft"][:160]))


if __name__ == "__main__":
    sys.exit(main())
