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
script on a table that already has the head refits that column only.
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acknowledges_experiment as experiment  # noqa: E402
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = "core/src/customer/word_model_weights.cc"
HEAD = "acknowledges"
L2 = 0.1
ROW = re.compile(r"^    \{0x([0-9a-f]{16})ULL, \{([^}]*)\}\},  // (.*)$")


def read_table(text):
    """(header comment lines, head names, biases as written, {key: (weights as written, name)})."""
    lines = text.split("\n")
    header = []
    for line in lines[1:]:
        if line.startswith("// Keys:"):
            break
        header.append(line)
    order = re.search(r"head order \(([^)]*)\)", text).group(1).split(", ")
    biases = re.search(r"kWordModelBias\[kHeads\] = \{([^}]*)\}", text).group(1).split(", ")
    rows = {}
    for line in lines:
        m = ROW.match(line)
        if m:
            rows[int(m.group(1), 16)] = ([w.strip() for w in m.group(2).split(",")], m.group(3))
    return header, order, biases, rows


def columns(rows, heads, keep):
    """{key: weights of the first `keep` heads} for keys where any of them is non-zero."""
    out = {}
    for k, (ws, _) in rows.items():
        if any(float(w.rstrip("f")) != 0.0 for w in ws[:keep]):
            out[k] = ws[:keep]
    return out


def check(path, rev):
    """The first columns and biases of `path` equal `rev`'s table (every head `rev` has)."""
    head_text = subprocess.run(["git", "-C", ROOT, "show", rev + ":" + TABLE], capture_output=True,
                               text=True, check=True).stdout
    _, old_order, old_bias, old_rows = read_table(head_text)
    _, new_order, new_bias, new_rows = read_table(open(path, encoding="utf-8").read())
    n = len(old_order)
    same = (new_order[:n] == old_order and new_bias[:n] == old_bias and
            columns(old_rows, old_order, n) == columns(new_rows, new_order, n))
    print("%s: columns %s %s %s's" % (path, ", ".join(old_order),
                                       "identical to" if same else "DIFFER from", rev))
    return same


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--table", default=os.path.join(ROOT, TABLE))
    ap.add_argument("--floor", type=float, default=0.15)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--against", default="HEAD")
    args = ap.parse_args()
    if args.check:
        return 0 if check(args.table, args.against) else 1
    header, order, biases, rows = read_table(open(args.table, encoding="utf-8").read())
    if HEAD in order:  # refit the column: drop it first
        i = order.index(HEAD)
        header = [h for h in header if not h.startswith("// Draft head %s " % HEAD) and
                  not h.startswith("//   head %s:" % HEAD)]
        order, biases = order[:i] + order[i + 1:], biases[:i] + biases[i + 1:]
        rows = {k: (ws[:i] + ws[i + 1:], name) for k, (ws, name) in rows.items()}
    cases = experiment.labelled_cases(args.tactful)
    weights, bias = shared.prune(shared.fit(cases, L2), args.floor)
    readable = {}
    for c in cases:
        readable.update(shared.names([c["draft"]]))
    zeros = ["0.0000f"] * len(order)
    keys = sorted(set(k for k in rows if any(float(w.rstrip("f")) for w in rows[k][0])) |
                  set(weights))
    heads = order + [HEAD]
    with open(args.table, "w", encoding="utf-8") as out:
        out.write("// clang-format off\n")
        for line in header:
            out.write(line + "\n")
        out.write("// Draft head %s (eval/add_acknowledges_head.py, eval/acknowledges_experiment.py's\n"
                  "//   labels): %d drafts, %d positive; L2 %.3g; %d weights; added to the\n"
                  "//   committed table: the heads above were read back, not refitted.\n"
                  % (HEAD, len(cases), sum(c["y"] for c in cases), L2, len(weights)))
        out.write("// Keys: hash_norm(word), or bigram_key(hash_norm(a), hash_norm(b)); weights in\n")
        out.write("// head order (%s); 0 where a head pruned the feature.\n" % ", ".join(heads))
        out.write('#include "customer/word_model_weights.h"\n\n')
        out.write("namespace tactful::customer {\n\n")
        out.write("const double kWordModelBias[kHeads] = {%s};\n"
                  % ", ".join(biases + ["%.6f" % bias]))
        out.write("const std::size_t kWordModelSize = %d;\n" % len(keys))
        out.write("// Sorted by key (word_model.cc hashes them into slots on first use).\n")
        out.write("const WordWeight kWordModelWeights[] = {\n")
        for k in keys:
            old, name = rows.get(k, (zeros, readable.get(k, "?").replace("\\", "/")))
            ws = ", ".join(old + ["%.4ff" % weights.get(k, 0.0)])
            out.write("    {0x%016xULL, {%s}},  // %s\n" % (k, ws, name))
        out.write("};\n\n}  // namespace tactful::customer\n")
    print("wrote %s: %d keys; %s: %d weights, bias %.3f" % (args.table, len(keys), HEAD,
                                                           len(weights), bias))
    return 0 if check(args.table, args.against) else 1


if __name__ == "__main__":
    sys.exit(main())
