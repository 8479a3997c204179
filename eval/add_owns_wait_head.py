#!/usr/bin/env python3
"""Adds the `owns-wait` draft head to the committed weight table, keeping every column and bias
already there exactly as written (eval/word_table.py; nothing else is refitted).

The head reads whether a DRAFT owns the customer's wait (thanks them for their patience,
apologises for the delay, says the reply took too long), where the context owes that; its labels
and leave-one-set-out figures are eval/owns_wait_experiment.py's (its functions, reused). Fitted
with train_customer_readings.py's fit at L2 0.1, pruned like the other heads. The
responsiveness require rule names it as a learned waiver at 0.5 (docs/rules.md, "waived_by").

    python3 eval/add_owns_wait_head.py [--tactful BIN] [--table FILE] [--against REV]
    python3 eval/add_owns_wait_head.py --check [--against REV]

The labels read the engine (which contexts owe an acknowledgement of the wait): BIN must be a
build of this tree. Rerunning refits this column only, appended after the table's other heads.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import owns_wait_experiment as experiment  # noqa: E402
import word_table  # noqa: E402

HEAD = "owns-wait"
L2 = 0.1


def main():
    return word_table.add_head_main(
        HEAD, "eval/add_owns_wait_head.py", "eval/owns_wait_experiment.py",
        experiment.labelled_cases, L2,
        "//   committed table: the other heads were read back, not refitted (owns-wait).")


if __name__ == "__main__":
    sys.exit(main())
