# gc.freeze(): the same heap as gc_full.py (built by its functions, imported
# from there), moved to the permanent generation before the collections,
# which then only scan what is new.  Comparing this workload's time with
# gc_full.py's shows what freezing saves.  Timings (if the time module
# exists) go to stderr.
import gc
import sys

from gc_full import build_heap, clock, collect_rounds


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
