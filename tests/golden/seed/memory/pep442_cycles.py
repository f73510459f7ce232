# 1.2 PEP 442 (Python 3.4): cycles whose objects define __del__ are
# collected: every finalizer runs once, with the whole cycle still intact;
# then the cycle is freed.  gc.garbage stays empty.  A finalizer may
# resurrect its object; it is then never called again.
import gc

log = []


class F:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append((self.name, self.peer.name if self.peer else None))


gc.collect()
a, b, c = F("a"), F("b"), F("c")
a.peer, b.peer, c.peer = b, c, a
del a, b, c
print(log)
print(gc.collect() > 0)
print(sorted(log))
print(gc.garbage)
log.clear()

# a cycle with __del__ hanging off a cycle without
x = F("x")
holder = [x]
x.peer = F("y")
x.peer.peer = x
holder.append(holder)
del x, holder
gc.collect()
print(sorted(log))
log.clear()

# resurrection
saved = []


class Phoenix:
    calls = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Phoenix.calls += 1
        saved.append(self)


p = Phoenix()
print(gc.is_finalized(p))
del p
gc.collect()
print(Phoenix.calls, len(saved), gc.is_finalized(saved[0]))
saved.clear()
print(gc.collect() > 0)
print(Phoenix.calls, len(saved))

# resurrection without a cycle: __del__ runs once as well
class Once:
    calls = 0

    def __del__(self):
        Once.calls += 1
        saved.append(self)


o = Once()
del o
print(Once.calls, len(saved))
saved.clear()
print(Once.calls)
print(gc.garbage)

# DEBUG_SAVEALL keeps the unreachable objects in gc.garbage instead
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print("end")
