# Full collections over a large heap: N long-lived containers (lists,
# dicts, tuples holding lists, instances), then repeated gc.collect() with
# a little cyclic garbage each time.  The cost is per tracked object: a
# full collection visits every container of the heap.  Timings (if the
# time module exists) go to stderr; stdout is one checksum line.
import gc
import sys

try:
    import time
    clock = time.perf_counter
except ImportError:
    clock = None


class Node:
    def __init__(self, i):
        self.i = i
        self.children = []


def build_heap(n):
    heap = []
    for i in range(n):
        k = i % 4
        if k == 0:
            heap.append([i, [i]])
        elif k == 1:
            heap.append({"i": [i]})
        elif k == 2:
            heap.append(([i], i))
        else:
            heap.append(Node(i))
    return heap


def collect_rounds(rounds, garbage_per_round):
    found = 0
    for r in range(rounds):
        for g in range(garbage_per_round):
            a = []
            a.append(a)
        del a
        found += gc.collect()
    return found


def run(n, rounds):
    gc.disable()
    heap = build_heap(n)
    gc.collect()
    t0 = clock() if clock else 0
    found = collect_rounds(rounds, 100)
    if clock:
        dt = clock() - t0
        tracked = len(gc.get_objects())
        sys.stderr.write("gc_full: %d tracked, %.3f ms per full collection, "
                         "%.1f ns per object\n"
                         % (tracked, dt / rounds * 1e3,
                            dt / rounds / tracked * 1e9))
    gc.enable()
    return found, len(heap)


if __name__ == "__main__":  # gc_frozen.py imports the heap from here
    print("gc_full", run(60000, 10))
