# find_stdlib.sh — sourced by the stdlib checks: sets $root to a CPython 3.11
# standard library directory, or to "" when the machine has none.
is_stdlib_311() {
    [ -f "$1/os.py" ] && [ -d "$1/encodings" ] && case $1 in
    *python3.11 | *python3.11/) return 0 ;;
    *) return 1 ;;
    esac
}
root=""
if command -v python3 >/dev/null 2>&1; then
    v=$(python3 -c 'import sys; print(*sys.version_info[:2])' 2>/dev/null)
    if [ "$v" = "3 11" ]; then
        root=$(python3 -c \
            'import sysconfig; print(sysconfig.get_paths()["stdlib"])' \
            2>/dev/null)
    fi
fi
if [ -z "$root" ] || ! is_stdlib_311 "$root"; then
    root=""
    for d in /usr/lib/python3.11 /root/.pyenv/versions/3.11*/lib/python3.11; do
        if is_stdlib_311 "$d"; then
            root=$d
            break
        fi
    done
fi
