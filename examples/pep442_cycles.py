"""Cycles whose objects have __del__ are collected (PEP 442, Python 3.4).

Course note, section 1.2: before Python 3.4, the collector refused to free
a cycle containing an object with __del__ (in which order should the
finalizers run, when each may use the others?) and parked it in
gc.garbage forever, a leak.  PEP 442 ("safe object finalization") changed
that: the collector first calls every __del__ of the unreachable group,
once, with all the objects still intact; then it looks again: if nothing
was resurrected it breaks the cycle and frees it all.

Resurrection: a __del__ may store `self` somewhere reachable; the object
then lives on.  Its __del__ has run and is never called a second time,
not even when the object finally dies.

Run:  build/minipy examples/pep442_cycles.py
"""
import gc

events = []


class Finalized:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        # the peer is still intact while finalizers run: __del__ may use it
        peer = self.peer.name if self.peer is not None else None
        events.append(f"__del__ {self.name} (peer {peer})")


print("1. a cycle of two objects with __del__")
a, b = Finalized("a"), Finalized("b")
a.peer, b.peer = b, a
del a, b
print("  before collect:", events)
unreachable = gc.collect()
print("  collected something:", unreachable > 0)
# the order in which a cycle's finalizers run is unspecified: sort it
print("  finalizers ran:", sorted(events))
print("  gc.garbage (the pre-3.4 graveyard) is empty:", gc.garbage == [])

print("2. resurrection: __del__ makes the object reachable again")
saved = []


class Phoenix:
    calls = 0

    def __init__(self, name):
        self.name = name
        self.me = self             # a cycle: only the collector can free it

    def __del__(self):
        Phoenix.calls += 1
        print(f"  __del__ {self.name}: call {Phoenix.calls}, saving self")
        saved.append(self)         # reachable again


p = Phoenix("phoenix")
del p
gc.collect()
print("  survived:", [s.name for s in saved])
print("  gc.is_finalized(it):", gc.is_finalized(saved[0]))

print("3. the second death: __del__ is not called again")
saved.clear()                      # unreachable once more (still a cycle)
gc.collect()
print("  __del__ calls in total:", Phoenix.calls)

print("4. without a cycle, reference counting alone runs __del__ (once)")
events.clear()
solo = Finalized("solo")
solo.peer = Finalized("peer")
del solo
print(" ", events)
print("end")
