"""The generation-2 pause, and gc.freeze().

Course note, section 1.1: a collection of generation 2 walks every tracked
object the program has ever kept: with a large long-lived state (a loaded
model, a big cache) each full collection is a pause proportional to its
size, a latency spike in a server.  gc.freeze() moves every object tracked
so far into a "permanent generation" the collector never scans again:
startup state is frozen once, and later collections only walk what came
after.  (Before os.fork(), it also keeps the collector from writing to the
parent's pages, which copy-on-write would then duplicate in each child.)

Lines marked "(measured, varies)" print times that differ from run to run
and from machine to machine; everything else prints the same every time.

Run:  build/minipy examples/gc_freeze_pause.py
"""
import gc
import time

N = 200_000


def full_collection_ms():
    """The best of 3 timings of gc.collect() (a generation-2 collection)."""
    best = None
    for _ in range(3):
        t0 = time.perf_counter()
        gc.collect()
        dt = (time.perf_counter() - t0) * 1000
        best = dt if best is None or dt < best else best
    return best


class Leaf:
    def __init__(self, i):
        self.value = [i]           # a list: a second tracked container


print(f"1. building long-lived state: {N} objects, each holding a list")
state = [Leaf(i) for i in range(N)]
pause_before = full_collection_ms()
print(f"  full collection pause: {pause_before:8.2f} ms   (measured, varies)")

print("2. gc.freeze(): everything tracked so far leaves the collector's view")
gc.freeze()
counts = gc.get_count()
print("  frozen objects >= 2 per Leaf:", gc.get_freeze_count() >= 2 * N)
print("  generation counts right after freeze:", counts)
pause_after = full_collection_ms()
print(f"  full collection pause: {pause_after:8.2f} ms   (measured, varies)")
print("  less than a tenth of the pause before:", pause_after < pause_before / 10)


class Cycle:
    def __init__(self, name):
        self.me = self             # a one-object cycle
        self.name = name

    def __del__(self):
        print(f"  __del__ {self.name}")


print("3. frozen objects are never collected, even when they become garbage")
frozen_garbage = Cycle("frozen cycle")
fresh_garbage = Cycle("fresh cycle")
gc.freeze()                        # both are frozen now
gc.unfreeze()                      # ... and back in generation 2
gc.freeze()
fresh = Cycle("cycle made after freeze")
del frozen_garbage, fresh
print("  gc.collect() with one frozen and one unfrozen dead cycle:")
gc.collect()
print("  gc.unfreeze(): the frozen objects return to generation 2")
gc.unfreeze()
del fresh_garbage
gc.collect()
print("  the frozen count is now", gc.get_freeze_count())

print("4. the usual server pattern")
print("  gc.disable(); load the model; gc.freeze(); gc.enable(); then fork workers")
del state
print("end")
