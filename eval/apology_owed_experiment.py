#!/usr/bin/env python3
"""Experiment (not used by the engine): would a learned customer-side reading of "an apology is
owed" add recall to the apology require rules, at a precision worth shipping?

Labels from the corpus, on the customer's unanswered messages (train_customer_readings.py's
features): apology expected => owed; a draft that apologises (eval/apologizes_experiment.py's
APOLOGISES) where apology is neither expected nor allowed => owed (its writer judged one owed);
no apology expected or allowed and none in the draft => not owed. Leave one set out over dev,
holdout ... holdout6 and holdout9: each set's cases are read by a model fitted on the others.

And as a gate instead (every apology rule also asking owed >= T): the false apology hints of
today it would take away, against the owed ones it would lose.

What a rule `"when": {"min_apology_owed": T}` would add, per threshold: the owed apologies the
rules miss today (`tactful eval --verbose`: "missed apology") that it reaches, against the
cases it would newly hint wrongly (no apology expected or allowed, no apology in the draft, no
false apology hint today).

    python3 eval/apology_owed_experiment.py [--tactful build/release/plugin/cli/tactful]
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import apologizes_experiment as drafts  # noqa: E402
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def engine_apology_verdicts(tactful):
    """(set, id) of the cases whose apology is missed today, and of those hinted falsely."""
    missed, false = set(), set()
    for s in drafts.SETS:
        path = os.path.join(ROOT, "tests/corpus", "" if s == "dev" else s)
        out = subprocess.run([tactful, "eval", path, "--verbose"], capture_output=True,
                             text=True).stdout
        missed |= {(s, i) for i in re.findall(r"^missed\s+apology: ([^ :]+)", out, re.M)}
        false |= {(s, i) for i in re.findall(r"^false\s+apology: ([^ :]+)", out, re.M)}
    return missed, false


def labelled(corpus):
    cases = []
    for s, c in corpus:
        texts = shared.unanswered(c.get("history", []))
        if not texts:
            continue
        expect, allow = c.get("expect", []), c.get("allow", [])
        said = drafts.APOLOGISES.search(c["draft"]) is not None
        if "apology" in expect:
            y = 1
        elif "apology" in allow:
            continue
        else:
            y = 1 if said else 0
        cases.append({"id": c["id"], "set": s, "y": y, "said": said, "expect": expect,
                      "x": shared.features(texts)})
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    args = ap.parse_args()
    cases = labelled(drafts.training_cases())
    missed, false = engine_apology_verdicts(args.tactful)
    print("%d cases, %d owed; the rules miss %d owed apologies today" %
          (len(cases), sum(c["y"] for c in cases), len(missed)))
    for l2 in (0.1, 0.3):
        probs = []
        for s in drafts.SETS:
            model = shared.fit([c for c in cases if c["set"] != s], l2)
            probs += [(shared.prob(model, c["x"]), c) for c in cases if c["set"] == s]
        p, r, tp, fp, fn = shared.pr([(q >= 0.5, c["y"]) for q, c in probs])
        print("l2 %.1f: owed read at 0.5: P %.2f R %.2f" % (l2, p, r))
        for th in (0.7, 0.8, 0.9, 0.95):
            gained = [c for q, c in probs if q >= th and (c["set"], c["id"]) in missed]
            wrong = [c for q, c in probs if q >= th and "apology" not in c["expect"] and
                     c["y"] == 0 and (c["set"], c["id"]) not in false]
            share = len(gained) / max(1, len(gained) + len(wrong))
            print("  threshold %.2f: misses reached %d/%d, new false hints %d (precision of "
                  "the additions %.2f)" % (th, len(gained), len(missed), len(wrong), share))
        for th in (0.1, 0.2, 0.3, 0.5):
            # As a gate on every apology rule instead: the hints it would take away.
            freed = [c for q, c in probs if q < th and (c["set"], c["id"]) in false]
            lost = [c for q, c in probs if q < th and "apology" in c["expect"] and
                    (c["set"], c["id"]) not in missed]
            print("  as a gate below %.2f: false apology hints gone %d/%d, owed ones lost %d" %
                  (th, len(freed), len(false), len(lost)))


if __name__ == "__main__":
    sys.exit(main())
