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
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acknowledges_experiment as experiment  # noqa: E402
import word_table  # noqa: E402

HEAD = "acknowledges"
L2 = 0.1


def main():
    return word_table.add_head_main(
        HEAD, "eval/add_acknowledges_head.py", "eval/acknowledges_experiment.py",
        experiment.labelled_cases, L2,
        "//   committed table: the heads above were read back, not refitted.")


if __name__ == "__main__":
    sys.exit(main())
