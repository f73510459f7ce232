# golden.sh — sourced by run_golden.sh and record_golden.sh, so that both
# agree on which scripts are tests and normalise outputs the same way.
#
# golden_scripts DIR: the tests, one line each, as DIR/<area>/NAME (no
# extension): every DIR/<area>/NAME.py and every DIR/<area>/NAME.args.
# Files deeper down (DIR/<area>/<subdir>/...) are the modules and packages
# those tests import, not tests.  One exception: a directory
# DIR/<group>/ holding a file named AREAS is a group of areas, and each
# of its subdirectories is an area of its own (DIR/<group>/<area>/NAME.py
# are tests, deeper files their modules): tests/golden/seed/ holds one
# area per section of the course note.
golden_scripts() {
    {
        find "$1" -mindepth 2 -maxdepth 2 -type f \( -name '*.py' -o \
            -name '*.args' \)
        find "$1" -mindepth 2 -maxdepth 2 -type f -name AREAS \
            | while IFS= read -r marker; do
                find "$(dirname "$marker")" -mindepth 2 -maxdepth 2 \
                    -type f \( -name '*.py' -o -name '*.args' \)
            done
    } | sed -e 's/\.py$//' -e 's/\.args$//' | LC_ALL=C sort -u
}
#
# golden_args BASE: the interpreter's command-line arguments for test BASE
# (DIR/<area>/NAME): `NAME.py`, or, when NAME.args exists, the words of its
# first line (split on blanks, no quoting, no globbing), so that a test can
# run `-m pkg arg1 arg2` or pass options.  The test still runs from its own
# directory.
golden_args() {
    if [ -f "$1.args" ]; then
        head -n 1 "$1.args"
    else
        echo "$(basename "$1").py"
    fi
}
#
# interpreter_path PYTHON: the interpreter's sys.executable, which runpy's
# messages (`-m`) print; normalize replaces it with PYTHON.
interpreter_path() {
    "$1" -c 'import sys; print(sys.executable)' 2>/dev/null </dev/null
}
#
# normalize DIR [EXE] < in > out: replaces the interpreter path EXE (when
# given and not empty) with PYTHON, drops the absolute path DIR (the
# test's directory), so paths read relative, and replaces addresses (0x
# and 8 or more hex digits) with 0xADDR; short hex output such as hex(255)
# stays.
normalize() {
    # A path as a sed pattern: escape what BRE and the | delimiter treat
    # specially.
    pat=$(printf '%s\n' "$1" | sed 's/[][\\.*^$|]/\\&/g')
    # (functions share the caller's variables: only names of our own)
    epat=$(printf '%s\n' "${2:-/nonexistent/interpreter}" \
        | sed 's/[][\\.*^$|]/\\&/g')
    sed -e "s|$epat|PYTHON|g" -e "s|$pat/||g" -e "s|$pat||g" \
        -e 's/0x[0-9a-f]\{8,\}/0xADDR/g'
}
