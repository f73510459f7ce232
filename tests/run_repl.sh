#!/bin/sh
# The REPL through a pipe: feeds each tests/repl/NAME.in to minipy (with
# "-i -q", or the arguments in NAME.args) and compares stdout and stderr
# together, and the exit status, with what CPython 3.11 printed
# (NAME.out, NAME.code, recorded by tests/record_repl.sh).  Prompts go to
# stderr when stdin is not a terminal, so they are part of the output.
#
# Usage: sh tests/run_repl.sh build/minipy [--leaks]
#
# With --leaks (debug build), each case also runs with -X showrefcount;
# the last line, "[N refs, M blocks]", is taken off and must read
# [0 refs, 0 blocks].  Ends with "repl: N passed, N failed".
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_repl.sh MINIPY [--leaks]}
leaks=""
if [ "${2:-}" = "--leaks" ]; then
    leaks="-X showrefcount"
fi
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
tests=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-repl.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
. "$tests/lib/golden.sh"
. "$tests/lib/repl.sh"

passed=0
failed=0
repl_cases "$tests/repl" > "$tmp/list"
while IFS= read -r case; do
    dir=$(dirname "$case")
    base=$dir/$(basename "$case" .in)
    rel=tests/repl/$(basename "$case")
    if [ ! -f "$base.out" ] || [ ! -f "$base.code" ]; then
        echo "FAIL $rel: not recorded (run make golden)"
        failed=$((failed + 1))
        continue
    fi
    repl_run "$minipy" "$case" "$tmp/raw" "$leaks"
    code=$?
    why=""
    if [ -n "$leaks" ]; then
        # The count ends the output, on a line of its own or after a
        # prompt that had no newline (a session ended by exit()).
        refs=$(tail -n 1 "$tmp/raw" |
            grep -o '\[-\{0,1\}[0-9]* refs, -\{0,1\}[0-9]* blocks\]$')
        if [ "$refs" != "[0 refs, 0 blocks]" ]; then
            why="leaks: ${refs:-no refcount line}"
        fi
        size=$(wc -c < "$tmp/raw")
        cut=$((${#refs} + 1))
        head -c $((size - cut)) "$tmp/raw" > "$tmp/raw2"
        mv "$tmp/raw2" "$tmp/raw"
    fi
    repl_normalize "$dir" < "$tmp/raw" > "$tmp/out"
    if [ "$code" != "$(cat "$base.code")" ]; then
        why="${why:+$why; }exit status $code, expected $(cat "$base.code")"
    fi
    if ! cmp -s "$base.out" "$tmp/out"; then
        why="${why:+$why; }output differs"
    fi
    if [ -z "$why" ]; then
        passed=$((passed + 1))
        continue
    fi
    failed=$((failed + 1))
    echo "FAIL $rel: $why"
    diff -u "$base.out" "$tmp/out" | sed -e '1,2d' -e 's/^/  /' | head -n 30
done < "$tmp/list"
echo "repl: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
