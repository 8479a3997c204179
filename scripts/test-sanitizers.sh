#!/usr/bin/env bash
# Builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer, with LeakSanitizer)
# and runs the whole test suite under it. CI runs it after scripts/test.sh, which installed the
# dependencies. Any report fails the test that triggered it.
set -euo pipefail
cd "$(dirname "$0")/.."
# UBSan: stop at the first report, with a stack; one known RapidJSON report is suppressed (see
# the file). ASan: leaks are errors; a child process's report reaches the parent test's output.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=0"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan -j2
