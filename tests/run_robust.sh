#!/bin/sh
# "Bad input never crashes": programs on which CPython 3.11 itself
# overflows the C stack or computes for hours, so that no expected output
# can be recorded from it (tests/golden/ holds the cases CPython
# survives).  Each script in tests/robust/ checks its own cases (each
# must raise RecursionError, or MemoryError, as its header says) and
# ends with a line "ok: ..." and status 0.  Each runs
# twice: with the stack limit the shell has (8 MiB usually) and under
# `ulimit -s 1024`, since the guard's margin depends on the stack's size.
#
# Usage: sh tests/run_robust.sh build/minipy
# Ends with "robust: N passed, N failed".
minipy=${1:?usage: run_robust.sh MINIPY}
tests=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-robust.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for script in "$tests"/robust/*.py; do
    name=${script##*/}
    for stack in default 1024; do
        if [ "$stack" = default ]; then
            timeout 120 "$minipy" "$script" > "$tmp/out" 2>&1
        else
            (ulimit -s "$stack" && timeout 120 "$minipy" "$script") \
                > "$tmp/out" 2>&1
        fi
        code=$?
        last=$(tail -n 1 "$tmp/out")
        if [ "$code" = 0 ] && [ "${last#ok: }" != "$last" ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "FAIL tests/robust/$name (stack $stack): exit $code:"
            tail -n 20 "$tmp/out" | sed 's/^/  /'
        fi
    done
done
echo "robust: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
