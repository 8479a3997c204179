#!/usr/bin/env python3
"""How `apology.owed.deflected`'s problem-reading bar was chosen: leave one readable set out.

The rule owes an apology when the problem reading of the customer's unanswered messages is at
least T and the draft gets a blame or dismissive hint (--gate: other categories). For each readable
set (dev, holdout ... holdout9), the problem head is refitted on the other sets (labels, features
and fitting of train_customer_readings.py: apology expected = 1; neither expected nor allowed and
no apology in the draft = 0; L2 0.1) and read on the set left out; the deflecting hints come from
the engine's own run (`tactful eval`, every case with nothing expected, so every hint is listed).
Counted only where the engine gives no apology hint today: an owed apology found (apology
expected) against a new false one (apology neither expected nor allowed).

    python3 eval/deflected_apology_experiment.py [--tactful build/release/plugin/cli/tactful]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = shared.SETS + ["holdout7", "holdout8", "holdout9"]
DEFLECTING = {"blame", "dismissive"}  # the shipped gate; --gate tries others
RULE = "apology.owed.deflected"


def readable_cases():
    old = shared.SETS
    shared.SETS = SETS
    try:
        return list(shared.corpus_cases(os.path.join(ROOT, "tests/corpus")))
    finally:
        shared.SETS = old


def hints(tactful, cases):
    """(set, id) -> the categories the engine hints, and whether an apology rule other than
    the deflected one fires."""
    out = {}
    for s, rows, text in shared.eval_runs(tactful, cases, []):
        got = {}
        for m in re.finditer(r"^false\s+(\S+): ([^ :]+): (\S+)", text, re.M):
            got.setdefault(m.group(2), set()).add((m.group(1), m.group(3)))
        for r in rows:
            out[(s, r["id"])] = got.get(r["id"], set())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--gate", default=",".join(sorted(DEFLECTING)),
                    help="the draft categories that open the gate (comma-separated)")
    args = ap.parse_args()
    gate = set(args.gate.split(","))
    cases = readable_cases()
    fired = hints(args.tactful, cases)
    labelled = []
    for s, c in cases:
        texts = shared.unanswered(c.get("history", []))
        if not texts:
            continue
        expect, allow = c.get("expect", []), c.get("allow", [])
        labelled.append({"set": s, "id": c["id"], "expect": expect, "allow": allow,
                         "y": shared.label(expect, allow, "apology", shared.APOLOGY, c["draft"]),
                         "said": shared.APOLOGY.search(c["draft"]) is not None,
                         "x": shared.features(texts)})
    thresholds = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
    found = {t: [] for t in thresholds}
    false = {t: [] for t in thresholds}
    for s in SETS:
        train = [c for c in labelled if c["set"] != s and c["y"] is not None]
        model = shared.fit(train, 0.1)
        for c in labelled:
            if c["set"] != s:
                continue
            got = fired[(s, c["id"])]
            cats = {cat for cat, _ in got}
            other_apology = any(cat == "apology" and rule != RULE for cat, rule in got)
            if other_apology or c["said"] or not (cats & gate):
                continue
            p = shared.prob(model, c["x"])
            for t in thresholds:
                if p < t:
                    continue
                if "apology" in c["expect"]:
                    found[t].append(c["id"])
                elif "apology" not in c["allow"]:
                    false[t].append(c["id"])
    for t in thresholds:
        print("T %.1f: owed apologies found %d, new false apology hints %d  %s | %s" %
              (t, len(found[t]), len(false[t]), " ".join(found[t]), " ".join(false[t])))


if __name__ == "__main__":
    main()
