#!/bin/sh
# Installs the build tools minipy needs when they are missing, or names them.
# Debian packages: re2c, bison, libcmocka-dev, libgmp-dev, libedit-dev (the
# REPL's line editing), unicode-data
# (the Unicode Character Database the Unicode tables are generated from).
missing=""
command -v re2c >/dev/null 2>&1 || missing="$missing re2c"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
has_header() {
    echo "#include <$1>" | ${CC:-cc} -E -x c - >/dev/null 2>&1
}
printf '#include <stdarg.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <setjmp.h>\n#include <cmocka.h>\n' \
    | ${CC:-cc} -E -x c - >/dev/null 2>&1 || missing="$missing libcmocka-dev"
has_header gmp.h || missing="$missing libgmp-dev"
has_header editline/readline.h || missing="$missing libedit-dev"
[ -f /usr/share/unicode/UnicodeData.txt ] || missing="$missing unicode-data"
[ -z "$missing" ] && exit 0

echo "minipy: installing missing build tools:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "minipy: please install:$missing (apt-get install$missing)" >&2
    exit 1
fi
if command -v apt-get >/dev/null 2>&1; then
    $SUDO apt-get update -qq >/dev/null 2>&1
    # shellcheck disable=SC2086
    if DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing \
        >/dev/null; then
        exit 0
    fi
fi
echo "minipy: could not install:$missing (Debian packages of those names)" >&2
exit 1
