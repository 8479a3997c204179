#!/usr/bin/env python3
"""Share of real agent replies that tactful warns about, on the IBM Twitter customer-care set.

Reads ../shared/data/corpora/ibm_twitter_customer_care/{dev,test}.json (Apache-2.0, Ganhotra et
al., EMNLP 2020; not copied into the repository: it holds real handles). Each conversation
becomes a request: the client and earlier agent turns are the history, the final agent reply
(agentURL.url_utterance) is the draft. Prints the share with any warning, counts per rule, and
writes every hinted reply to build/eval/ibm_twitter_hints.jsonl for reading by hand.

    python3 eval/ibm_twitter.py [--tactful build/release/plugin/cli/tactful] [--sample N]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
from datetime import datetime, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "corpora", "ibm_twitter_customer_care")


def requests():
    for name in ("dev.json", "test.json"):
        for conv in json.load(open(os.path.join(DATA, name), encoding="utf-8")):
            history = []
            for turn in conv["dialogContent"]:
                role = "customer" if "client" in turn else "agent"
                msg = {"role": role, "text": turn["message"]}
                if turn.get("datetime"):
                    msg["at"] = turn["datetime"].replace(".000Z", "Z")
                history.append(msg)
            # The final reply was sent `duration` after the conversation began: that is "now".
            head = conv["dialogHeader"]
            start = datetime.strptime(head["conversationDateTime"][:19], "%Y-%m-%dT%H:%M:%S")
            # Some durations are negative or garbled; then the reply's time is unknown and "now"
            # is the last message's (no waiting is read from timestamps).
            d = re.match(r"^(\d+):(\d+):(\d+)", head["duration"])
            now = start + timedelta(hours=int(d[1]), minutes=int(d[2]), seconds=int(d[3])) if d \
                else max(datetime.strptime(t["datetime"][:19], "%Y-%m-%dT%H:%M:%S")
                         for t in conv["dialogContent"])
            yield head["sessionID"], {
                "draft": conv["agentURL"]["url_utterance"], "history": history, "channel": "social",
                "now": now.strftime("%Y-%m-%dT%H:%M:%SZ")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--sample", type=int, default=40, help="hinted replies printed for review")
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        print("skipped: ../shared/data/corpora/ibm_twitter_customer_care is not here")
        return 0
    total = warned = hinted = 0
    per_rule = collections.Counter()
    rows = []
    for sid, req in requests():
        out = subprocess.run([args.tactful, "check", "--json"], input=json.dumps(req),
                             capture_output=True, text=True, check=True).stdout
        report = json.loads(out)
        total += 1
        hints = report["suggestions"]
        if hints:
            hinted += 1
        if any(h["severity"] == "warning" for h in hints):
            warned += 1
        for h in hints:
            per_rule[(h["severity"], h["rule"])] += 1
        if hints:
            rows.append({"session": sid, "customer": [m["text"] for m in req["history"]
                                                      if m["role"] == "customer"][-1],
                         "draft": req["draft"],
                         "hints": [(h["severity"], h["rule"], h.get("text", "")) for h in hints]})
    os.makedirs(os.path.join(ROOT, "build", "eval"), exist_ok=True)
    with open(os.path.join(ROOT, "build", "eval", "ibm_twitter_hints.jsonl"), "w") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"replies: {total}; with any hint: {hinted} ({hinted / total:.1%}); "
          f"with a warning: {warned} ({warned / total:.1%})")
    for (sev, rule), n in per_rule.most_common():
        print(f"  {n:4d}  {sev:8s} {rule}")
    random.seed(7)
    for r in random.sample(rows, min(args.sample, len(rows))):
        print("\n--", r["session"], "\n  customer:", r["customer"][:200], "\n  reply:", r["draft"][:300])
        for h in r["hints"]:
            print("   ", h)
    return 0


if __name__ == "__main__":
    sys.exit(main())
