#!/usr/bin/env python3
"""The committed weight table of the learned readings (core/src/customer/word_model_weights.cc)
as data: read it, add or replace one head's column keeping every other column and bias exactly as
written, copy a column from another copy of the table, and check that columns are unchanged.

A full `train_customer_readings.py --emit` refits every head on today's corpus; the scripts that
add one head (eval/add_acknowledges_head.py and its kind) go through here instead, so the heads
already shipped stay byte-identical.

    python3 eval/word_table.py check [--table FILE] [--against REV]
        # every column REV's table (default HEAD) has is unchanged in FILE
        # [--except HEAD ...: columns replaced on purpose, e.g. by eval/add_draft_heads.py]
    python3 eval/word_table.py copy-column HEAD --from OTHER_TABLE [--table FILE]
        # take HEAD's column, bias and header lines from OTHER_TABLE (e.g. `git show BRANCH:...`)
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_customer_readings as shared  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TABLE = "core/src/customer/word_model_weights.cc"
ROW = re.compile(r"^    \{0x([0-9a-f]{16})ULL, \{([^}]*)\}\},  // (.*)$")
ZERO = "0.0000f"


class Table:
    """header: comment lines describing the heads (without the Keys lines); order: head names;
    biases: as written; rows: {key: ([weight as written per head], readable name)}."""

    def __init__(self, header, order, biases, rows):
        self.header, self.order, self.biases, self.rows = header, order, biases, rows

    def header_lines(self, head):
        """The positions of the header lines describing `head`: its first line names it,
        continuations follow (by position: two heads may share a continuation's text)."""
        out, inside = [], False
        for i, line in enumerate(self.header):
            if re.match(r"^// (Draft head|Head) ", line):
                inside = re.match(r"^// (Draft head|Head) %s[ :]" % re.escape(head), line) is not None
            if inside:
                out.append(i)
        return out

    def head_header(self, head):
        """The header lines describing `head`."""
        return [self.header[i] for i in self.header_lines(head)]

    def drop(self, head):
        if head not in self.order:
            return
        i = self.order.index(head)
        gone = set(self.header_lines(head))
        self.header = [h for k, h in enumerate(self.header) if k not in gone]
        self.order = self.order[:i] + self.order[i + 1:]
        self.biases = self.biases[:i] + self.biases[i + 1:]
        self.rows = {k: (ws[:i] + ws[i + 1:], n) for k, (ws, n) in self.rows.items()}

    def add(self, head, weights, bias, header_lines, names=None):
        """Adds `head` at the end of the head order, or replaces it in its place (core indexes
        the columns by position: customer/word_model_weights.h): weights {key: float} (bias a
        float or as written). Its header lines go at the end of the header either way."""
        place = self.order.index(head) if head in self.order else len(self.order)
        self.drop(head)
        names = names or {}
        zeros = [ZERO] * len(self.order)
        for k in set(weights) - set(self.rows):
            self.rows[k] = (zeros, names.get(k, "?").replace("\\", "/"))
        self.rows = {k: (ws[:place] + [w if isinstance(w, str) else "%.4ff" % w
                                       for w in [weights.get(k, 0.0)]] + ws[place:], n)
                     for k, (ws, n) in self.rows.items()}
        self.order = self.order[:place] + [head] + self.order[place:]
        b = bias if isinstance(bias, str) else "%.6f" % bias
        self.biases = self.biases[:place] + [b] + self.biases[place:]
        self.header = self.header + list(header_lines)

    def column(self, head):
        i = self.order.index(head)
        return {k: ws[i] for k, (ws, _) in self.rows.items() if float(ws[i].rstrip("f")) != 0.0}

    def copy_column(self, other, head):
        i = other.order.index(head)
        names = {k: n for k, (_, n) in other.rows.items()}
        self.add(head, other.column(head), other.biases[i], other.head_header(head), names)

    def text(self):
        live = sorted(k for k, (ws, _) in self.rows.items()
                      if any(float(w.rstrip("f")) != 0.0 for w in ws))
        out = ["// clang-format off"] + self.header
        out.append("// Keys: hash_norm(word), or bigram_key(hash_norm(a), hash_norm(b)); weights in")
        out.append("// head order (%s); 0 where a head pruned the feature." % ", ".join(self.order))
        out += ['#include "customer/word_model_weights.h"', "", "namespace tactful::customer {", ""]
        out.append("const double kWordModelBias[kHeads] = {%s};" % ", ".join(self.biases))
        out.append("const std::size_t kWordModelSize = %d;" % len(live))
        out.append("// Sorted by key (word_model.cc hashes them into slots on first use).")
        out.append("const WordWeight kWordModelWeights[] = {")
        for k in live:
            ws, name = self.rows[k]
            out.append("    {0x%016xULL, {%s}},  // %s" % (k, ", ".join(ws), name))
        out += ["};", "", "}  // namespace tactful::customer", ""]
        return "\n".join(out)


def parse(text):
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
    return Table(header, order, biases, rows)


def load(path=None):
    return parse(open(path or os.path.join(ROOT, TABLE), encoding="utf-8").read())


def save(table, path=None):
    with open(path or os.path.join(ROOT, TABLE), "w", encoding="utf-8") as out:
        out.write(table.text())


def at_revision(rev):
    return parse(subprocess.run(["git", "-C", ROOT, "show", rev + ":" + TABLE],
                                capture_output=True, text=True, check=True).stdout)


def check(path, rev, replaced=()):
    """Every column and bias of `rev`'s table is unchanged in `path` (but the `replaced` ones)."""
    old, new = at_revision(rev), load(path)
    heads = [h for h in old.order if h not in replaced]
    same = all(h in new.order and new.column(h) == old.column(h) and
               new.biases[new.order.index(h)] == old.biases[old.order.index(h)]
               for h in heads)
    print("%s: columns %s %s %s's" % (path or TABLE, ", ".join(heads),
                                       "identical to" if same else "DIFFER from", rev))
    return same


def add_head_main(head, script, labels, labelled_cases, l2, last_line):
    """The command line of a script that fits one draft head on `labelled_cases(tactful)` (cases
    with features "x" and label "y", as train_customer_readings.fit takes them) and writes it into
    the table, every other column kept: `--check` only verifies the columns against a revision.
    `script` and `labels` name the script and its labels' module in the head's header lines."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--tactful", default=os.path.join(ROOT, "build/release/plugin/cli/tactful"))
    ap.add_argument("--table", default=None)
    ap.add_argument("--floor", type=float, default=0.15)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--against", default="HEAD")
    args = ap.parse_args()
    if args.check:
        return 0 if check(args.table, args.against) else 1
    table = load(args.table)
    cases = labelled_cases(args.tactful)
    weights, bias = shared.prune(shared.fit(cases, l2), args.floor)
    names = {}
    for c in cases:
        names.update(shared.names([c["draft"]]))
    table.add(head, weights, bias, [
        "// Draft head %s (%s, %s's" % (head, script, labels),
        "//   labels): %d drafts, %d positive; L2 %.3g; %d weights; added to the"
        % (len(cases), sum(c["y"] for c in cases), l2, len(weights)),
        last_line], names)
    save(table, args.table)
    print("wrote %s: %s: %d weights, bias %.3f" % (args.table or TABLE, head, len(weights), bias))
    return 0 if check(args.table, args.against) else 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["check", "copy-column"])
    ap.add_argument("head", nargs="?")
    ap.add_argument("--table", default=None)
    ap.add_argument("--against", default="HEAD")
    ap.add_argument("--from", dest="source")
    ap.add_argument("--except", dest="replaced", nargs="*", default=[],
                    help="check: heads replaced on purpose")
    args = ap.parse_args()
    if args.command == "check":
        return 0 if check(args.table, args.against, args.replaced) else 1
    table = load(args.table)
    table.copy_column(load(args.source), args.head)
    save(table, args.table)
    print("copied %s into %s" % (args.head, args.table or TABLE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
