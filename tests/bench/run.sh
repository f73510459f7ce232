#!/bin/sh
# Times every workload tests/bench/NAME.py under minipy and under CPython
# 3.11 in the same run, and prints the ratio minipy/CPython of their times
# per workload and the geometric mean of those ratios.
#
# Usage: sh tests/bench/run.sh build/minipy [NAME...]
#
# The yardstick is Debian's optimised /usr/bin/python3.11 when it exists,
# else the python3 on PATH (its version is printed: a ratio against
# another CPython is not comparable).  Each interpreter runs each workload
# BENCH_RUNS times (default 3), the two alternating so that a burst of load
# on the machine hits both; the best (minimum) wall-clock time of each is
# kept, because noise only ever adds time.  Times include interpreter
# start-up, which is small beside the ~0.5-1.5 s each workload takes.
#
# Each workload prints one checksum line at the end.  If minipy exits
# non-zero, times out (BENCH_TIMEOUT seconds, default 120) or prints
# something other than what CPython printed, its row reads FAIL, it is left
# out of the geometric mean, and the reason is printed after the table.
# A ratio above 1 means minipy is slower.  The exit status is 0 whatever
# the ratios (benchmarks measure, they do not assert), 1 if any workload
# failed to run, 2 on bad usage.
LC_ALL=C.UTF-8
export LC_ALL
minipy=${1:?usage: run.sh MINIPY [NAME...]}
shift
runs=${BENCH_RUNS:-3}
limit=${BENCH_TIMEOUT:-120}
case $minipy in
/*) ;;
*) minipy=$(pwd -P)/$minipy ;;
esac
if [ ! -x "$minipy" ]; then
    echo "run.sh: $minipy is not an executable" >&2
    exit 2
fi
case $runs in
'' | *[!0-9]* | 0)
    echo "run.sh: BENCH_RUNS must be a positive integer" >&2
    exit 2
    ;;
esac
if [ -x /usr/bin/python3.11 ]; then
    cpython=/usr/bin/python3.11
elif command -v python3 >/dev/null 2>&1; then
    cpython=$(command -v python3)
else
    echo "run.sh: neither /usr/bin/python3.11 nor python3 found" >&2
    exit 2
fi
# Wall-clock time in seconds with nanoseconds needs GNU date's %N.
case $(date +%N) in
*[!0-9]*)
    echo "run.sh: date +%N is not supported (GNU date needed)" >&2
    exit 2
    ;;
esac
timeout_cmd=""
if command -v timeout >/dev/null 2>&1; then
    timeout_cmd="timeout $limit"
fi

bench=$(cd "$(dirname "$0")" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ $# -eq 0 ]; then
    for f in "$bench"/*.py; do
        f=${f##*/}
        set -- "$@" "${f%.py}"
    done
fi

echo "minipy:  $minipy"
echo "CPython: $cpython ($("$cpython" --version 2>&1))"
echo "time:    best of $runs wall-clock runs each, in seconds"
echo
printf '%-14s %9s %10s %7s\n' benchmark minipy_s cpython_s ratio

# time_one INTERP SCRIPT OUTFILE: runs SCRIPT, stdout to OUTFILE, stderr to
# OUTFILE.err; prints the elapsed seconds and returns the exit status.
time_one() {
    t0=$(date +%s.%N)
    $timeout_cmd "$1" "$2" >"$3" 2>"$3.err" </dev/null
    st=$?
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f\n", b - a }'
    return $st
}

# min A B: the smaller of two decimal numbers ("" counts as infinite).
min() {
    awk -v a="$1" -v b="$2" \
        'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'
}

ratios=""
failed=0
failures=""
for name in "$@"; do
    script=$bench/$name.py
    if [ ! -f "$script" ]; then
        printf '%-14s %9s\n' "$name" FAIL
        failures="$failures$name: no such workload $script
"
        failed=$((failed + 1))
        continue
    fi
    best_m=""
    best_c=""
    why=""
    i=0
    while [ $i -lt "$runs" ]; do
        i=$((i + 1))
        if ! t=$(time_one "$cpython" "$script" "$tmp/c.out"); then
            why="CPython failed: $(tail -n 1 "$tmp/c.out.err")"
            break
        fi
        best_c=$(min "$best_c" "$t")
        t=$(time_one "$minipy" "$script" "$tmp/m.out")
        st=$?
        if [ $st -ne 0 ]; then
            if [ $st -eq 124 ] && [ -n "$timeout_cmd" ]; then
                why="minipy timed out after ${limit}s"
            else
                why="minipy exited $st: $(tail -n 1 "$tmp/m.out.err")"
            fi
            break
        fi
        if ! cmp -s "$tmp/m.out" "$tmp/c.out"; then
            why="output differs: minipy printed '$(tail -n 1 "$tmp/m.out")'"
            why="$why, CPython '$(tail -n 1 "$tmp/c.out")'"
            break
        fi
        best_m=$(min "$best_m" "$t")
    done
    if [ -n "$why" ]; then
        printf '%-14s %9s\n' "$name" FAIL
        failures="$failures$name: $why
"
        failed=$((failed + 1))
        continue
    fi
    ratio=$(awk -v m="$best_m" -v c="$best_c" \
        'BEGIN { printf "%.2f", (c > 0) ? m / c : 0 }')
    printf '%-14s %9.3f %10.3f %7s\n' "$name" "$best_m" "$best_c" "$ratio"
    ratios="$ratios $best_m/$best_c"
done

echo
if [ -n "$ratios" ]; then
    # The mean is taken over the unrounded ratios.
    echo "$ratios" | awk '{
        s = 0
        for (i = 1; i <= NF; i++) {
            split($i, t, "/")
            s += log(t[1] / t[2])
        }
        printf "geometric mean of %d ratios (minipy/CPython): %.2f\n", \
            NF, exp(s / NF)
    }'
fi
if [ $failed -gt 0 ]; then
    echo "$failed failed (left out of the mean):"
    printf '%s' "$failures" | sed 's/^/  /'
    exit 1
fi
exit 0
