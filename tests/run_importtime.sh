#!/bin/sh
# -X importtime: minipy's report must have CPython's shape.  Both run
# tests/importtime/main.py with -X importtime; the times are replaced by
# N, CPython's lines for its own start-up modules are dropped (only the
# header and the lines for the test's modules, it_* and itpkg*, are
# kept), and what is left must be identical: same header, same order, same
# nesting indentation.  Needs python3 to be CPython 3.11 (live, nothing is
# recorded); without it the check is skipped and says so.
#
# Usage: sh tests/run_importtime.sh build/minipy
# Ends with "importtime: N passed, N failed".
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_importtime.sh MINIPY}
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
tests=$(cd "$(dirname "$0")" && pwd -P)
v=$(python3 -c 'import sys; print(sys.implementation.name, *sys.version_info[:2])' 2>/dev/null)
if [ "$v" != "cpython 3 11" ]; then
    echo "importtime: skipped (python3 is not CPython 3.11)"
    exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-importtime.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# shape < report > kept: times become N; only the header and the test's
# modules stay.
shape() {
    sed -e 's/^import time: *[0-9][0-9]* | *[0-9][0-9]* |/import time: N | N |/' \
        | grep -e '^import time: self' -e '| *it_' -e '| *itpkg'
}
(cd "$tests/importtime" && PYTHONDONTWRITEBYTECODE=1 python3 -X importtime \
    main.py) 2>&1 >/dev/null | shape > "$tmp/expected"
(cd "$tests/importtime" && "$minipy" -X importtime main.py) 2>&1 \
    >/dev/null | shape > "$tmp/actual"
if [ -s "$tmp/expected" ] && cmp -s "$tmp/expected" "$tmp/actual"; then
    echo "importtime: 1 passed, 0 failed"
    exit 0
fi
echo "FAIL tests/importtime/main.py: -X importtime report differs"
diff -u "$tmp/expected" "$tmp/actual" | sed -e '1,2d' -e 's/^/  /'
echo "importtime: 0 passed, 1 failed"
exit 1
