#!/bin/sh
# The REPL at a terminal: each tests/pty/NAME.keys is played by the pty
# driver (tests/pty/ptydrive.c: it types the keys, Ctrl-C included, into
# a pseudo-terminal and checks what appears on it) against
# `minipy -q`, or minipy with the arguments in NAME.args, from the
# directory tests/pty.
#
# Usage: sh tests/run_pty.sh build/minipy build/tests/ptydrive
#
# All cases share one fresh HOME (for ~/.minipy_history) and run in name
# order, so history_2 sees what history_1 typed.  TERM is xterm.
# Ends with "pty: N passed, N failed".
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run_pty.sh MINIPY PTYDRIVE}
driver=${2:?usage: run_pty.sh MINIPY PTYDRIVE}
case $minipy in /*) ;; *) minipy=$(pwd -P)/$minipy ;; esac
case $driver in /*) ;; *) driver=$(pwd -P)/$driver ;; esac
tests=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-pty.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/home"
passed=0
failed=0
for keys in "$tests"/pty/*.keys; do
    name=$(basename "$keys" .keys)
    args="-q"
    if [ -f "$tests/pty/$name.args" ]; then
        args=$(cat "$tests/pty/$name.args")
    fi
    # shellcheck disable=SC2086
    if (cd "$tests/pty" && HOME="$tmp/home" TERM=xterm exec timeout 30 \
        "$driver" "$keys" "$minipy" $args) 2> "$tmp/err"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL tests/pty/$name.keys"
        sed 's/^/  /' "$tmp/err" | head -n 40
    fi
done
echo "pty: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
