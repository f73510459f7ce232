# Generation-0 churn over a large long-lived heap: many short-lived
# containers, a tenth of them in cycles, with automatic collection on.
# Young collections must cost in proportion to the young objects, not to
# the heap; the full collections the 25% rule allows are rare.  Run once
# with the heap in the generations and once frozen.  Timings (if the time
# module exists) go to stderr; stdout is one checksum line.
import gc
import sys

try:
    import time
    clock = time.perf_counter
except ImportError:
    clock = None


def build_heap(n):
    return [[i, {"k": [i]}] for i in range(n)]


def churn(n):
    total = 0
    for i in range(n):
        t = [i, (i, [i])]
        if i % 10 == 0:
            t.append(t)
        total += t[0]
    return total


def timed(label, n):
    t0 = clock() if clock else 0
    total = churn(n)
    if clock:
        sys.stderr.write("gc_churn %s: %.1f ns per iteration\n"
                         % (label, (clock() - t0) / n * 1e9))
    return total


def run(heap_size, n):
    heap = build_heap(heap_size)
    gc.collect()
    a = timed("heap in generations", n)
    gc.freeze()
    b = timed("heap frozen", n)
    gc.unfreeze()
    gc.collect()
    return a + b, len(heap)


print("gc_churn", run(100000, 600000))
