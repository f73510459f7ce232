#!/bin/sh
# Ctrl-C: SIGINT to a running loop (spin.py) or a time.sleep (sleep.py)
# must raise KeyboardInterrupt there,
# print CPython's traceback ending in "KeyboardInterrupt", and end the
# process by SIGINT (status 130), as CPython does.  The signal comes from
# `timeout -s INT` after half a second.
#
# Usage: sh tests/run_signals.sh build/minipy
# Ends with "signals: N passed, N failed".
minipy=${1:?usage: run_signals.sh MINIPY}
tests=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-signals.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for script in "$tests"/signals/*.py; do
    name=${script##*/}
    # -k 5: a script that ignores the signal is killed 5 s later (and fails)
    timeout --preserve-status -k 5 -s INT 0.5 "$minipy" "$script" \
        > /dev/null 2> "$tmp/err"
    code=$?
    last=$(tail -n 1 "$tmp/err")
    first=$(head -n 1 "$tmp/err")
    if [ "$code" = 130 ] && [ "$last" = "KeyboardInterrupt" ] &&
        [ "$first" = "Traceback (most recent call last):" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL tests/signals/$name: exit $code, stderr:"
        sed 's/^/  /' "$tmp/err"
    fi
done
echo "signals: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
