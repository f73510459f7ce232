#!/bin/sh
# Records the expected outputs of the tests from CPython 3.11.  Never run by
# `make test`; run by `make golden`.  Recorded files are never edited by
# hand.
#
# Usage:
#   sh tests/record_golden.sh PYTHON              golden scripts and AST cases
#   sh tests/record_golden.sh PYTHON --rejected   tests/stdlib/rejected.txt
#
# Golden scripts (tests/golden/<area>/NAME.py, or NAME.args holding the
# command-line arguments to use instead of NAME.py, e.g. `-m pkg a b`: see
# tests/lib/golden.sh): each runs TWICE from its own directory as
# `PYTHON NAME.py` (stdin /dev/null, time limit); a script whose
# two runs differ is refused, because its expectation would not be
# reproducible.  Otherwise NAME.out (stdout), NAME.err (stderr) and
# NAME.code (exit status) are written, normalised exactly as
# tests/run_golden.sh normalises minipy's output (0x... addresses become
# 0xADDR, the script directory's absolute path is removed, the
# interpreter's sys.executable becomes PYTHON).
#
# AST cases (tests/ast/NAME.py): NAME.ast is
#   ast.dump(ast.parse(open(NAME.py, 'rb').read()), indent=2)
# and a case CPython cannot parse is refused.
#
# --rejected: compile()s every .py file of PYTHON's standard library
# (site-packages excluded) and lists, relative to the stdlib root, those
# that raise SyntaxError: the files tests/run_stdlib.sh expects minipy's
# parser to reject.
#
# Exit status: 0 when everything was recorded, 1 when something was
# refused, 2 when PYTHON is not CPython 3.11.
LC_ALL=C.UTF-8
PYTHONDONTWRITEBYTECODE=1
export LC_ALL PYTHONDONTWRITEBYTECODE
unset PYTHONSTARTUP PYTHONPATH PYTHONHOME PYTHONWARNINGS PYTHONINSPECT \
    PYTHONHASHSEED PYTHONIOENCODING PYTHONUTF8 2>/dev/null

python=${1:?usage: record_golden.sh PYTHON [--rejected]}
mode=${2:-}
impl=$("$python" -c \
    'import sys; print(sys.implementation.name, *sys.version_info[:2])' \
    2>/dev/null)
if [ "$impl" != "cpython 3 11" ]; then
    echo "record_golden.sh: $python is not CPython 3.11" \
        "(it says: ${impl:-nothing}); refusing to record" >&2
    exit 2
fi
case $python in
*/*) python=$(cd "$(dirname "$python")" && pwd -P)/$(basename "$python") ;;
esac
tests=$(cd "$(dirname "$0")" && pwd -P)
timeout_s=${GOLDEN_TIMEOUT:-10}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-record.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# normalize DIR < in > out: the one normalisation both sides share.
. "$tests/lib/golden.sh"

# {====== --rejected: the stdlib files CPython refuses ======
if [ "$mode" = --rejected ]; then
    out=$tests/stdlib/rejected.txt
    mkdir -p "$tests/stdlib"
    {
        echo "# Standard-library files CPython 3.11 rejects with SyntaxError:"
        echo "# tests/run_stdlib.sh expects minipy's parser to reject exactly"
        echo "# these.  Paths are relative to the stdlib root.  Recorded by"
        echo "#   sh tests/record_golden.sh python3 --rejected"
        echo "# which compile()s every .py file (site-packages excluded)."
        "$python" - <<'PYEOF' || exit 2
import os, sysconfig, warnings
warnings.simplefilter("ignore")
root = sysconfig.get_paths()["stdlib"]
found = []
for d, dirs, files in os.walk(root):
    dirs[:] = [x for x in dirs if x not in ("site-packages", "dist-packages")]
    for f in files:
        if f.endswith(".py"):
            path = os.path.join(d, f)
            with open(path, "rb") as fp:
                src = fp.read()
            try:
                compile(src, path, "exec", dont_inherit=True)
            except SyntaxError:
                found.append(os.path.relpath(path, root))
for rel in sorted(found):
    print(rel)
PYEOF
    } > "$tmp/rejected" || {
        echo "record_golden.sh: listing the stdlib failed" >&2
        exit 1
    }
    mv "$tmp/rejected" "$out"
    echo "recorded tests/stdlib/rejected.txt ($(grep -vc '^#' "$out") files)"
    exit 0
fi
if [ -n "$mode" ]; then
    echo "record_golden.sh: unknown mode $mode" >&2
    exit 2
fi
# }======

refused=0
recorded=0

# {====== Golden scripts ======
# run_once DIR NAME TAG: runs the script, leaves normalised $tmp/TAG.out,
# .err and .code.
run_once() {
    args=$(golden_args "$1/$2")
    # shellcheck disable=SC2086
    (set -f; cd "$1" && exec timeout "$timeout_s" "$python" $args) \
        < /dev/null > "$tmp/raw.out" 2> "$tmp/raw.err"
    echo $? > "$tmp/$3.code"
    normalize "$1" "$exe" < "$tmp/raw.out" > "$tmp/$3.out"
    normalize "$1" "$exe" < "$tmp/raw.err" > "$tmp/$3.err"
}

exe=$(interpreter_path "$python")
golden_scripts "$tests/golden" > "$tmp/list"
while IFS= read -r base; do
    dir=$(dirname "$base")
    name=$(basename "$base")
    script=$base.py
    [ -f "$base.args" ] && script=$base.args
    rel=tests/${script#"$tests"/}
    run_once "$dir" "$name" a
    run_once "$dir" "$name" b
    if [ "$(cat "$tmp/a.code")" = 124 ]; then
        echo "REFUSED $rel: timed out after ${timeout_s}s" >&2
        refused=$((refused + 1))
        continue
    fi
    same=1
    for part in out err code; do
        cmp -s "$tmp/a.$part" "$tmp/b.$part" || same=0
    done
    if [ "$same" = 0 ]; then
        echo "REFUSED $rel: two runs of CPython print different output" >&2
        for part in out err code; do
            diff -u "$tmp/a.$part" "$tmp/b.$part" | head -n 20 >&2
        done
        refused=$((refused + 1))
        continue
    fi
    for part in out err code; do
        cp "$tmp/a.$part" "$dir/$name.$part"
    done
    recorded=$((recorded + 1))
done < "$tmp/list"
# }======

# {====== AST cases ======
dump_ast="import ast, sys
print(ast.dump(ast.parse(open(sys.argv[1], 'rb').read()), indent=2))"
find "$tests/ast" -name '*.py' -type f | LC_ALL=C sort > "$tmp/list"
while IFS= read -r case_py; do
    dir=$(dirname "$case_py")
    name=$(basename "$case_py" .py)
    rel=tests/${case_py#"$tests"/}
    if (cd "$dir" && exec "$python" -c "$dump_ast" "$name.py") \
        < /dev/null > "$tmp/ast" 2> "$tmp/ast.err"; then
        cp "$tmp/ast" "$dir/$name.ast"
        recorded=$((recorded + 1))
    else
        echo "REFUSED $rel: CPython cannot parse it:" >&2
        tail -n 3 "$tmp/ast.err" >&2
        refused=$((refused + 1))
    fi
done < "$tmp/list"
# }======

echo "recorded $recorded, refused $refused"
[ "$refused" -eq 0 ]
