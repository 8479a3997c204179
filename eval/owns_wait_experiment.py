#!/usr/bin/env python3
"""Experiment (its labels train the `owns-wait` draft head, eval/add_owns_wait_head.py): can a
word model tell whether a DRAFT owns the customer's wait (thanks them for their patience,
apologises for the delay, says the reply took too long), where the context owes that?

Which cases owe it is read from the engine itself, as eval/acknowledges_experiment.py does for
empathy: every labelled case with a history is re-run with a neutral draft ("Thanks for your
message."); where no `responsiveness` hint fires, the context owes none and the case is left
out. Of the rest, a draft is labelled as owning the wait when `responsiveness` is neither
expected nor allowed, and as not owning it when it is expected. A context the engine misreads
(a wait for a delivery or a visit, not for a reply: a customer-side fault the draft cannot
answer) would teach the head that drafts which ignore a wait own it; those cases are the ones
the engine still flags with their real draft, and they are left out (and counted).

Training sets: dev, holdout ... holdout6 (train_customer_readings.SETS) and holdout9; figures
are leave one set out over them.

    python3 eval/owns_wait_experiment.py [--tactful BIN] [--category responsiveness]
"""
import argparse
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = shared.SETS + ["holdout9"]
NEUTRAL = "Thanks for your message."
# A draft that may speak of a wait or a delay: left out of the extra negatives below. Wide on
# purpose (a dropped draft costs less than a wrong label).
MAY_OWN_A_WAIT = re.compile(
    r"wait|patien|delay|slow|long|quiet|silen|hold|sooner|late|took|taken|taking|hang|"
    r"back to you|get back|got back|kept|keep you|hour|day|week|minute|morning|afternoon|"
    r"evening|since|yesterday|busy|queue|chase|unanswer|no reply|no answer|respond|reply",
    re.I)


def training_cases():
    """(set, case) of every labelled case with a history in the training sets."""
    out = list(shared.corpus_cases(os.path.join(ROOT, "tests/corpus")))
    for p in sorted(glob.glob(os.path.join(ROOT, "tests/corpus/holdout9/*.jsonl"))):
        out += [("holdout9", json.loads(l)) for l in open(p, encoding="utf-8") if l.strip()]
    return [(s, c) for s, c in out if c.get("history")]


def flagged(tactful, cases, category, draft=None):
    """The (set, id) of the cases where `category` fires (with `draft` in place of each case's
    own when given)."""
    return shared.engine_flags(tactful, cases, category, draft)


def labelled_cases(tactful, category="responsiveness", verbose=False, extra=True):
    """The drafts of the training sets whose context owes `category` by the engine, each with
    y = 1 when it owns it (category neither expected nor allowed, and the engine does not flag
    the real draft), 0 when the category is expected. With `extra`, also (marked "extra") the
    drafts of the contexts that owe nothing, as y = 0, except those that may speak of a wait
    (MAY_OWN_A_WAIT): without them the head learns that any "sorry for the ..." owns a wait,
    since in the owed contexts the drafts that apologise are mostly those apologising for it."""
    corpus = training_cases()
    owed = flagged(tactful, corpus, category, NEUTRAL)
    still = flagged(tactful, [(s, c) for s, c in corpus if (s, c["id"]) in owed], category)
    cases, misread = [], []
    for s, c in corpus:
        if (s, c["id"]) not in owed:
            if extra and category not in c["expect"] and not MAY_OWN_A_WAIT.search(c["draft"]):
                cases.append({"id": c["id"], "set": s, "y": 0, "draft": c["draft"], "case": c,
                              "extra": True, "x": shared.features([c["draft"]])})
            continue
        if category in c["expect"]:
            y = 0
        elif category in c.get("allow", []):
            continue
        elif (s, c["id"]) in still:
            misread.append((s, c))
            continue
        else:
            y = 1
        cases.append({"id": c["id"], "set": s, "y": y, "draft": c["draft"], "case": c,
                      "x": shared.features([c["draft"]])})
    if verbose:
        n = sum(1 for c in cases if not c.get("extra"))
        print("%d contexts owe %s by the engine; %d misread (no %s owed, the real draft still "
              "flagged): %s; %d extra negatives" % (
                  n + len(misread), category, len(misread), category,
                  ", ".join(c["id"] for _, c in misread), len(cases) - n))
    return cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--category", default="responsiveness")
    ap.add_argument("--l2", type=float, nargs="*", default=[0.03, 0.1, 0.3])
    ap.add_argument("--show", action="store_true", help="print every labelled draft")
    ap.add_argument("--no-extra", action="store_true", help="leave out the extra negatives")
    args = ap.parse_args()
    cases = labelled_cases(args.tactful, args.category, verbose=True, extra=not args.no_extra)
    owed = [c for c in cases if not c.get("extra")]
    print("%d labelled drafts in owed contexts (the figures below); %d own it" %
          (len(owed), sum(c["y"] for c in owed)))
    if args.show:
        for c in owed:
            print(c["y"], c["set"], c["id"], "|", c["draft"].replace("\n", " ")[:160])
    for l2 in args.l2:
        probs, others = [], []
        for s in SETS:
            model = shared.fit([c for c in cases if c["set"] != s], l2)
            probs += [(shared.prob(model, c["x"]), c["y"], c) for c in owed if c["set"] == s]
            # Drafts that own no wait, in contexts owing none: how often the head would waive
            # an apology for something else ("sorry for the mix-up") had the context owed one.
            others += [shared.prob(model, c["x"]) for c in cases
                       if c.get("extra") and c["set"] == s and shared.APOLOGY.search(c["draft"])]
        for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
            p, r, tp, fp, fn = shared.pr([(q >= th, y) for q, y, _ in probs])
            print("l2 %.2f threshold %.1f: P %.2f R %.2f (tp %d, fp %d = wrong waivers, fn %d);"
                  " apologies for something else read as owning: %d of %d"
                  % (l2, th, p, r, tp, fp, fn, sum(q >= th for q in others), len(others)))
            if args.show and th == 0.8:
                for q, y, c in probs:
                    if (q >= th) != bool(y):
                        print("   %s %.2f y=%d %s | %s" % ("wrong waiver" if not y else "missed",
                                                          q, y, c["id"], c["draft"][:120]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
