#!/bin/sh
# demo.sh — the seed tour: runs every example of examples/, in the order
# of the course note (/work/shared/seed/), under a heading naming the
# note's section and the command, so a reader can re-run any one alone.
#
# Usage: sh tools/demo.sh [MINIPY] [--compare]      (make demo runs it)
#
# MINIPY defaults to build/minipy.  With --compare, each example also runs
# under python3 (CPython 3.11) and the two outputs (stdout and stderr
# together) are compared, after dropping the lines marked "(measured,
# varies)" and replacing 0x... addresses: the tour promises the same
# output as CPython apart from those.
#
# An example that fails (non-zero exit, or a difference with --compare)
# does not stop the tour; the last line counts them and the exit status
# is non-zero when any failed.
minipy=build/minipy
compare=""
for arg in "$@"; do
    case $arg in
    --compare) compare=1 ;;
    *) minipy=$arg ;;
    esac
done
root=$(cd "$(dirname "$0")/.." && pwd -P)
cd "$root" || exit 2
if [ ! -x "$minipy" ]; then
    echo "demo.sh: $minipy is not built (run make)" >&2
    exit 2
fi
python=${PYTHON:-python3}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minipy-demo.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# the tour: section of the note | example | what it shows
tour='1.1 Reference counting|refcount_immediate_del.py|every object is freed, and its __del__ runs, the moment its count reaches zero
1.1 The cycle collector|gc_generations.py|cycles need the collector; generations, counts, promotion, thresholds
1.1 The generation-2 pause|gc_freeze_pause.py|a full collection walks all long-lived objects; gc.freeze() takes them out of its way
1.2 The __del__ trap|del_trap_failing_init.py|__init__ raised, __del__ still runs on the half-built object
1.2 Cycles with __del__|pep442_cycles.py|PEP 442: such cycles are collected; resurrection; finalizers run once
2.1 Fork vs spawn vs forkserver|fork_spawn_forkserver.py|what a child process inherits under each start method
2.2 Shared memory|shared_memory_typed_view.py|a child writes doubles into shared memory; the parent reads them in place
3.1 Protocols|protocol_fittable.py|the note'"'"'s Fittable: anything with fit() is accepted, no inheritance
3.2 Overloads|overload.py|@overload signatures, get_overloads(), the implementation that runs
4 Q1 Circular imports|circular_import/main.py|A imports B imports A: the failure, then its two fixes
4 Q2 MRO|mro_diamond.py|the diamond, C3 linearization, mro(), super()
4 Q3 dict is O(1)|dict_probing.py|resize points, probe sequences, collisions
5 Mutable default argument|mutable_default.py|the list created once at def time, and the None fix'

# mask < in > out: what --compare compares.
mask() {
    grep -v '(measured, varies)' | sed 's/0x[0-9a-f]\{4,\}/0xADDR/g'
}

failed=0
count=0
printf '%s\n' "$tour" > "$tmp/tour"
while IFS='|' read -r section script what; do
    count=$((count + 1))
    echo
    echo "=================================================================="
    echo "  $section: $what"
    echo "  \$ $minipy examples/$script"
    echo "=================================================================="
    # (the status goes through a file: a pipeline's is tee's)
    { "$minipy" "examples/$script" < /dev/null 2>&1; echo $? > "$tmp/status"; } \
        | tee "$tmp/minipy.out"
    status=$(cat "$tmp/status")
    if [ "$status" != 0 ]; then
        echo "  >>> FAILED: minipy exited with status $status"
        failed=$((failed + 1))
        continue
    fi
    if [ -n "$compare" ]; then
        PYTHONDONTWRITEBYTECODE=1 "$python" "examples/$script" \
            < /dev/null > "$tmp/python.out" 2>&1
        mask < "$tmp/minipy.out" > "$tmp/a"
        mask < "$tmp/python.out" > "$tmp/b"
        if cmp -s "$tmp/a" "$tmp/b"; then
            echo "  >>> same output as $python (timings and addresses aside)"
        else
            echo "  >>> DIFFERS from $python:"
            diff -u "$tmp/b" "$tmp/a" | sed -e '1,2d' -e 's/^/      /' | head -n 30
            failed=$((failed + 1))
        fi
    fi
done < "$tmp/tour"
echo
echo "tour: $count examples, $failed failed"
[ "$failed" -eq 0 ]
