#!/bin/sh
# The parser's oracle test: for every tests/ast/NAME.py, `MINIPY --dump-ast
# NAME.py` (run from tests/ast) must print exactly NAME.ast, which
# tests/record_golden.sh recorded from CPython 3.11 as
#   ast.dump(ast.parse(open(NAME.py, 'rb').read()), indent=2)
#
# Usage: sh tests/run_ast.sh build/minipy
# Prints each failure with a short unified diff (expected, then actual) and
# ends with "ast: N passed, N failed"; exits non-zero when anything failed.
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_ast.sh MINIPY}
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
if [ ! -x "$minipy" ]; then
    echo "run_ast.sh: $minipy is not an executable" >&2
    exit 2
fi
tests=$(cd "$(dirname "$0")" && pwd -P)
timeout_s=${GOLDEN_TIMEOUT:-10}
diff_lines=${GOLDEN_DIFF_LINES:-30}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-ast.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
find "$tests/ast" -name '*.py' -type f | LC_ALL=C sort > "$tmp/list"
while IFS= read -r case_py; do
    dir=$(dirname "$case_py")
    name=$(basename "$case_py" .py)
    rel=tests/${case_py#"$tests"/}
    if [ ! -f "$dir/$name.ast" ]; then
        echo "FAIL $rel: not recorded (run make golden)"
        failed=$((failed + 1))
        continue
    fi
    (cd "$dir" && exec timeout "$timeout_s" "$minipy" --dump-ast "$name.py") \
        < /dev/null > "$tmp/out" 2> "$tmp/err"
    code=$?
    if [ "$code" = 0 ] && cmp -s "$dir/$name.ast" "$tmp/out"; then
        passed=$((passed + 1))
        continue
    fi
    failed=$((failed + 1))
    if [ "$code" = 124 ]; then
        echo "FAIL $rel: timed out after ${timeout_s}s"
    elif [ "$code" != 0 ]; then
        echo "FAIL $rel: exit status $code"
        head -n 10 "$tmp/err" | sed 's/^/  /'
    else
        echo "FAIL $rel: the tree differs (expected, then actual):"
        diff -u "$dir/$name.ast" "$tmp/out" | sed -e '1,2d' -e 's/^/  /' \
            > "$tmp/diff"
        head -n "$diff_lines" "$tmp/diff"
        n=$(wc -l < "$tmp/diff")
        if [ "$n" -gt "$diff_lines" ]; then
            echo "  ... ($((n - diff_lines)) more diff lines)"
        fi
    fi
done < "$tmp/list"
echo "ast: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
