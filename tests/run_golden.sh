#!/bin/sh
# Runs every golden test tests/golden/<area>/NAME.py (or NAME.args: see
# tests/lib/golden.sh) with minipy and
# compares what it prints with what CPython 3.11 printed, as recorded beside
# it by tests/record_golden.sh: NAME.out (stdout), NAME.err (the whole
# stderr) and NAME.code (the exit status).
#
# Usage: sh tests/run_golden.sh build/minipy [--leaks]
#
# With --leaks (for the debug build), each script also runs under
# `-X showrefcount`: the interpreter's last stderr line, "[N refs, M
# blocks]", is taken off before comparing and must read [0 refs, 0 blocks]:
# a script that leaves any object or reference behind at exit fails.
#
# Each script runs from its own directory as `MINIPY NAME.py` (or `MINIPY
# <the words of NAME.args>`, e.g. `-m pkg a b`), with stdin
# from /dev/null and a time limit, so a hang fails instead of blocking.
# Before comparing, both sides are normalised the same way (and the
# recorder applied the same to what it wrote): 0x... addresses become
# 0xADDR, and the absolute path of the script's directory is removed, so
# `File "/abs/tests/golden/syntax/x.py"` reads `File "x.py"`, and the
# interpreter's own path (sys.executable, in runpy's `-m` messages) reads
# PYTHON.
#
# A script without all three recorded files fails as "not recorded":
# expected output is recorded from CPython (make golden), never written by
# hand.  The last line is exactly "N passed, N failed"; the exit status is
# non-zero when anything failed.
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_golden.sh MINIPY [--leaks]}
leaks=""
if [ "${2:-}" = "--leaks" ]; then
    leaks="-X showrefcount"
fi
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
if [ ! -x "$minipy" ]; then
    echo "run_golden.sh: $minipy is not an executable" >&2
    exit 2
fi
tests=$(cd "$(dirname "$0")" && pwd -P)
timeout_s=${GOLDEN_TIMEOUT:-10}
diff_lines=${GOLDEN_DIFF_LINES:-30}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-golden.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# normalize DIR < in > out: the one normalisation both sides share.
. "$tests/lib/golden.sh"

# show_diff LABEL EXPECTED ACTUAL: a unified diff, cut to diff_lines lines.
show_diff() {
    echo "  --- $1 (expected, then actual):"
    diff -u "$2" "$3" | sed -e '1,2d' -e 's/^/  /' > "$tmp/diff"
    head -n "$diff_lines" "$tmp/diff"
    n=$(wc -l < "$tmp/diff")
    if [ "$n" -gt "$diff_lines" ]; then
        echo "  ... ($((n - diff_lines)) more diff lines)"
    fi
}

passed=0
failed=0
exe=$(interpreter_path "$minipy")
golden_scripts "$tests/golden" > "$tmp/list"
while IFS= read -r base; do
    dir=$(dirname "$base")
    name=$(basename "$base")
    script=$base.py
    [ -f "$base.args" ] && script=$base.args
    rel=${script#"$tests"/}
    args=$(golden_args "$base")
    if [ ! -f "$base.out" ] || [ ! -f "$base.err" ] \
        || [ ! -f "$base.code" ]; then
        echo "FAIL tests/$rel: not recorded (run make golden)"
        failed=$((failed + 1))
        continue
    fi
    # shellcheck disable=SC2086
    (set -f; cd "$dir" && exec timeout "$timeout_s" "$minipy" $leaks $args) \
        < /dev/null > "$tmp/out.raw" 2> "$tmp/err.raw"
    code=$?
    leak=""
    if [ -n "$leaks" ]; then
        counts=$(tail -n 1 "$tmp/err.raw")
        sed '$d' "$tmp/err.raw" > "$tmp/err.trim"
        mv "$tmp/err.trim" "$tmp/err.raw"
        [ "$counts" = "[0 refs, 0 blocks]" ] || leak="$counts"
    fi
    normalize "$dir" "$exe" < "$tmp/out.raw" > "$tmp/out"
    normalize "$dir" "$exe" < "$tmp/err.raw" > "$tmp/err"
    normalize "$dir" < "$base.out" > "$tmp/exp.out"
    normalize "$dir" < "$base.err" > "$tmp/exp.err"
    expcode=$(cat "$base.code")
    bad=""
    cmp -s "$tmp/exp.out" "$tmp/out" || bad="$bad stdout"
    cmp -s "$tmp/exp.err" "$tmp/err" || bad="$bad stderr"
    [ "$code" = "$expcode" ] || bad="$bad exit-code"
    [ -z "$leak" ] || bad="$bad leaks"
    if [ -z "$bad" ]; then
        passed=$((passed + 1))
        continue
    fi
    failed=$((failed + 1))
    if [ "$code" = 124 ]; then
        echo "FAIL tests/$rel: timed out after ${timeout_s}s"
    else
        echo "FAIL tests/$rel: differs in$bad"
    fi
    case $bad in *stdout*) show_diff stdout "$tmp/exp.out" "$tmp/out" ;; esac
    case $bad in *stderr*) show_diff stderr "$tmp/exp.err" "$tmp/err" ;; esac
    case $bad in
    *exit-code*) echo "  --- exit code: expected $expcode, got $code" ;;
    esac
    case $bad in
    *leaks*) echo "  --- left alive at exit: $leak" ;;
    esac
done < "$tmp/list"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
