#!/bin/sh
# The parser against the real world: every .py file of CPython 3.11's
# standard library (site-packages excluded) must parse with `MINIPY
# --parse-only`, except the files listed in tests/stdlib/rejected.txt
# (recorded from CPython: the ones it rejects with SyntaxError), which must
# be rejected -- with exit status 1, a SyntaxError report, not a crash.
#
# Usage: sh tests/run_stdlib.sh build/minipy
#
# Files are parsed in batches, several batches at a time; only a batch that
# fails is re-run file by file, to name the failing files.  Ends with
# "stdlib: N passed, N failed".  Without a CPython 3.11 standard library on
# the machine the check is skipped (exit 0), and says so.
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_stdlib.sh MINIPY}
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
if [ ! -x "$minipy" ]; then
    echo "run_stdlib.sh: $minipy is not an executable" >&2
    exit 2
fi
tests=$(cd "$(dirname "$0")" && pwd -P)
rejected=$tests/stdlib/rejected.txt
batch=${STDLIB_BATCH:-100}
jobs=${STDLIB_JOBS:-$(nproc 2>/dev/null || echo 2)}
timeout_s=${STDLIB_TIMEOUT:-120}

# Sets $root to the CPython 3.11 standard library, or empty.
. "$tests/lib/find_stdlib.sh"
if [ -z "$root" ]; then
    echo "stdlib parse check: skipped (no CPython 3.11 standard library found)"
    exit 0
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-stdlib.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

cd "$root" || exit 2
find . \( -name site-packages -o -name dist-packages \) -prune \
    -o -name '*.py' -type f -print | sed 's|^\./||' | LC_ALL=C sort \
    > "$tmp/all"
grep -v '^#' "$rejected" | grep -v '^$' | LC_ALL=C sort > "$tmp/rejected"
comm -23 "$tmp/all" "$tmp/rejected" > "$tmp/good"
comm -12 "$tmp/all" "$tmp/rejected" > "$tmp/bad"
comm -13 "$tmp/all" "$tmp/rejected" > "$tmp/missing"
echo "stdlib parse check: $(wc -l < "$tmp/all") files under $root"

: > "$tmp/failures"
# {====== Files that must parse ======
# Each batch that fails leaves its name in $tmp/failed-batches; the batches
# run $jobs at a time.
# The inner sh expands its own variables, hence the single quotes.
export minipy timeout_s
if [ -s "$tmp/good" ]; then
    split -l "$batch" "$tmp/good" "$tmp/batch."
    # shellcheck disable=SC2016
    printf '%s\n' "$tmp"/batch.* | xargs -r -n 1 -P "$jobs" sh -c '
        xargs -d "\n" timeout "$timeout_s" "$minipy" --parse-only \
            < "$1" > /dev/null 2>&1 ||
            echo "$1" >> "${1%/*}/failed-batches"
    ' sh
fi
if [ -f "$tmp/failed-batches" ]; then
    LC_ALL=C sort "$tmp/failed-batches" | while IFS= read -r b; do
        while IFS= read -r f; do
            timeout "$timeout_s" "$minipy" --parse-only "$f" \
                < /dev/null > /dev/null 2> "$tmp/err"
            code=$?
            [ "$code" = 0 ] && continue
            why=$(grep -v '^ ' "$tmp/err" | tail -n 1)
            echo "$f: rejected (exit $code): $why" >> "$tmp/failures"
        done < "$b"
    done
fi
# }======

# {====== Files that must be rejected ======
while IFS= read -r f; do
    timeout "$timeout_s" "$minipy" --parse-only "$f" \
        < /dev/null > /dev/null 2> "$tmp/err"
    code=$?
    if [ "$code" = 0 ]; then
        echo "$f: parsed, but CPython rejects it" >> "$tmp/failures"
    elif [ "$code" != 1 ] || ! grep -q 'Error' "$tmp/err"; then
        echo "$f: exit $code without a SyntaxError report" >> "$tmp/failures"
    fi
done < "$tmp/bad"
while IFS= read -r f; do
    echo "$f: listed in tests/stdlib/rejected.txt but not found" \
        >> "$tmp/failures"
done < "$tmp/missing"
# }======

failed=$(wc -l < "$tmp/failures")
total=$(($(wc -l < "$tmp/all") + $(wc -l < "$tmp/missing")))
passed=$((total - failed))
if [ "$failed" -gt 0 ]; then
    echo "failures (first 20 of $failed):"
    head -n 20 "$tmp/failures" | sed 's/^/  /'
fi
echo "stdlib: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
