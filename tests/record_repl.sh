#!/bin/sh
# Records the expected output of the REPL cases (tests/repl/NAME.in) from
# CPython 3.11: NAME.out (stdout and stderr together) and NAME.code.
# Each case runs twice; a case whose two runs differ is refused.  Run by
# `make golden`, never by `make test`; recorded files are never edited by
# hand.  See tests/lib/repl.sh for how a case is run and normalised.
#
# Usage: sh tests/record_repl.sh PYTHON
LC_ALL=C.UTF-8
PYTHONDONTWRITEBYTECODE=1
export LC_ALL PYTHONDONTWRITEBYTECODE
unset PYTHONSTARTUP PYTHONPATH PYTHONHOME PYTHONWARNINGS PYTHONINSPECT \
    PYTHONHASHSEED PYTHONIOENCODING PYTHONUTF8 2>/dev/null
python=${1:?usage: record_repl.sh PYTHON}
impl=$("$python" -c \
    'import sys; print(sys.implementation.name, *sys.version_info[:2])' \
    2>/dev/null)
if [ "$impl" != "cpython 3 11" ]; then
    echo "record_repl.sh: $python is not CPython 3.11" \
        "(it says: ${impl:-nothing}); refusing to record" >&2
    exit 2
fi
case $python in
*/*) python=$(cd "$(dirname "$python")" && pwd -P)/$(basename "$python") ;;
esac
tests=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-record-repl.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
. "$tests/lib/golden.sh"
. "$tests/lib/repl.sh"

refused=0
recorded=0
repl_cases "$tests/repl" > "$tmp/list"
while IFS= read -r case; do
    dir=$(dirname "$case")
    base=$dir/$(basename "$case" .in)
    repl_run "$python" "$case" "$tmp/a"
    code=$?
    repl_run "$python" "$case" "$tmp/b"
    code_b=$?
    repl_normalize "$dir" < "$tmp/a" > "$tmp/a.n"
    repl_normalize "$dir" < "$tmp/b" > "$tmp/b.n"
    if [ "$code" != "$code_b" ] || ! cmp -s "$tmp/a.n" "$tmp/b.n"; then
        echo "REFUSED tests/repl/$(basename "$case"): two runs differ"
        refused=$((refused + 1))
        continue
    fi
    cp "$tmp/a.n" "$base.out"
    echo "$code" > "$base.code"
    recorded=$((recorded + 1))
done < "$tmp/list"
echo "repl: $recorded recorded, $refused refused"
[ "$refused" -eq 0 ]
