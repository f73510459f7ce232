# gc.freeze(): the same heap as gc_full.py, moved to the permanent
# generation before the collections, which then only scan what is new.
# Comparing this workload's time with gc_full.py's shows what freezing
# saves.  Timings (if the time module exists) go to stderr.
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
    gc.freeze()
    frozen = gc.get_freeze_count() > n
    t0 = clock() if clock else 0
    found = collect_rounds(rounds, 100)
    if clock:
        dt = clock() - t0
        sys.stderr.write("gc_frozen: %d frozen, %.3f ms per full collection\n"
                         % (gc.get_freeze_count(), dt / rounds * 1e3))
    gc.unfreeze()
    gc.enable()
    return found, len(heap), frozen


print("gc_frozen", run(60000, 10))
