#!/bin/sh
# Runs every cmocka unit-test binary DIR/test_* and fails if any fails.
# Usage: sh tests/run_unit.sh build/tests
# Each binary prints its own cmocka report; this script adds one summary
# line, "unit: N passed, N failed", counting binaries.
dir=${1:?usage: run_unit.sh DIR}
passed=0
failed=0
failures=""
for t in "$dir"/test_*; do
    if [ ! -f "$t" ] || [ ! -x "$t" ]; then
        continue
    fi
    echo "== $t"
    if "$t"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures="$failures ${t##*/}"
    fi
done
[ -n "$failures" ] && echo "failed:$failures"
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
