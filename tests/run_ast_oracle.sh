#!/bin/sh
# The parser's strictest test: for every file of CPython 3.11's standard
# library that CPython compiles, `MINIPY --dump-ast FILE` must print exactly
# what CPython's ast.dump(ast.parse(source), indent=2) prints.  Needs
# python3 to be CPython 3.11 (the oracle runs live, nothing is recorded);
# without it the check is skipped and says so.
#
# Usage: sh tests/run_ast_oracle.sh build/minipy
# Ends with "ast-oracle: N passed, N failed".
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_ast_oracle.sh MINIPY}
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
tests=$(cd "$(dirname "$0")" && pwd -P)
. "$tests/lib/find_stdlib.sh"
v=$(python3 -c 'import sys; print(*sys.version_info[:2])' 2>/dev/null)
if [ -z "$root" ] || [ "$v" != "3 11" ]; then
    echo "ast oracle: skipped (python3 is not CPython 3.11)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-oracle.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cd "$root" || exit 2
find . \( -name site-packages -o -name dist-packages \) -prune \
    -o -name '*.py' -type f -print | sed 's|^\./||' | LC_ALL=C sort \
    > "$tmp/all"
grep -v '^#' "$tests/stdlib/rejected.txt" | grep -v '^$' | LC_ALL=C sort \
    > "$tmp/rejected"
comm -23 "$tmp/all" "$tmp/rejected" > "$tmp/good"
mkdir "$tmp/py" "$tmp/mp"

# CPython's dumps, one process for all files; a file becomes its path with
# every / turned into %.
python3 - "$tmp/py" "$tmp/good" <<'PY'
import ast, sys
out, listing = sys.argv[1], sys.argv[2]
for path in open(listing, encoding='utf-8').read().splitlines():
    tree = ast.parse(open(path, 'rb').read())
    with open(out + '/' + path.replace('/', '%'), 'w', encoding='utf-8',
              errors='surrogatepass') as f:
        f.write(ast.dump(tree, indent=2) + '\n')
PY
# minipy's, in parallel.
export minipy tmp
# shellcheck disable=SC2016
xargs -d '\n' -n 50 -P "$(nproc 2>/dev/null || echo 2)" sh -c '
    for f; do
        o=$(printf %s "$f" | tr / %)
        "$minipy" --dump-ast "$f" > "$tmp/mp/$o" 2>/dev/null
        cmp -s "$tmp/py/$o" "$tmp/mp/$o" || echo "$f" >> "$tmp/fail.$$"
    done
' sh < "$tmp/good"
cat "$tmp"/fail.* > "$tmp/failures" 2>/dev/null || : > "$tmp/failures"
failed=$(wc -l < "$tmp/failures")
total=$(wc -l < "$tmp/good")
if [ "$failed" -gt 0 ]; then
    echo "AST differs from CPython's for (first 20 of $failed):"
    head -n 20 "$tmp/failures" | sed 's/^/  /'
fi
echo "ast-oracle: $((total - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
