# repl.sh — sourced by run_repl.sh and record_repl.sh, so that both run a
# REPL case the same way and normalise its output the same way.
#
# A case is tests/repl/NAME.in, the text fed to the interpreter's stdin
# through a pipe.  NAME.args, when present, holds the command-line
# arguments (one line, split on blanks; it may be empty: no arguments);
# without it the arguments are "-i -q".  Recorded beside it: NAME.out
# (stdout and stderr together, in the order written: the prompts are on
# stderr, the echoed values on stdout) and NAME.code (the exit status).
#
# repl_cases DIR: the cases, sorted.
repl_cases() {
    find "$1" -maxdepth 1 -name '*.in' -type f | LC_ALL=C sort
}
#
# repl_run INTERPRETER CASE OUT [EXTRA_OPTION]: runs the case from its
# directory, stdin from CASE, stdout and stderr both to OUT; the exit
# status is the interpreter's (124 on time-out).
repl_run() {
    dir=$(dirname "$2")
    name=$(basename "$2" .in)
    args="-i -q"
    if [ -f "$dir/$name.args" ]; then
        args=$(cat "$dir/$name.args")
    fi
    # shellcheck disable=SC2086
    (cd "$dir" && exec timeout "${REPL_TIMEOUT:-10}" "$1" $4 $args) \
        < "$2" > "$3" 2>&1
}
#
# repl_normalize DIR < in > out: the golden normalisation (the directory's
# absolute path and 0x addresses), and the banner: a first line starting
# "Python 3." (CPython) or "minipy " followed by a line starting "Type "
# becomes the one line "<banner>".  Prompts stay (they are what is tested).
repl_normalize() {
    normalize "$1" | sed -e '1{/^Python 3\.\|^minipy /{N;s/^[^\n]*\nType [^\n]*$/<banner>/}}'
}
