"""Cycles and the generational cycle collector.

Course note, section 1.1: reference counting cannot free a cycle (A -> B ->
A: each keeps the other's count above zero), so a second mechanism, the
cyclic garbage collector, looks for groups of objects only reachable from
each other.  It is generational: new container objects start in generation
0; an object that survives a collection of its generation is promoted to
the next one (0 -> 1 -> 2), and older generations are scanned less often.

What this script shows, with the gc module's own counters:
  1. a cycle outlives `del`, and gc.collect() returns how many objects it
     found unreachable;
  2. gc.get_count(): generation 0 counts allocations of tracked objects;
     each collection of generation n adds one to the count of n + 1;
  3. promotion: a surviving object moves 0 -> 1 -> 2 (gc.get_objects(gen));
  4. thresholds: gc.set_threshold(t0, t1, t2) decides when a collection
     starts by itself (watched with gc.callbacks).

The exact allocation counts of a real program are an implementation detail
(CPython's free lists, minipy's instance dicts), so this script prints
counts only where the rules above fix them.

Run:  build/minipy examples/gc_generations.py
"""
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print(f"  __del__ {self.name}")


class Leaf:
    """A tracked object with no __del__, for counting."""


def in_generation(obj):
    """The generation whose list holds obj (None: not tracked)."""
    for gen in range(3):
        if any(o is obj for o in gc.get_objects(gen)):
            return gen
    return None


print("1. a cycle survives del; the collector frees it")
gc.collect()                       # start from a clean slate
a, b = Node("a"), Node("b")
a.other, b.other = b, a            # a -> b -> a
del a, b                           # counts stay at 1: no __del__ yet
print("  after del a, b: nothing printed, the pair is unreachable but alive")
print("  collecting ...")
found = gc.collect()
print("  gc.collect() found unreachable objects:", found > 0)

ring = [[], [], []]                # three lists in a ring: list -> list
ring[0].append(ring[1])
ring[1].append(ring[2])
ring[2].append(ring[0])
del ring[:]                        # only the ring itself references them
print("  a ring of 3 lists:   gc.collect() ->", gc.collect())
d = {}
d["me"] = d                        # a dict that contains itself
del d
print("  a self-keyed dict:   gc.collect() ->", gc.collect())
print("  nothing left:        gc.collect() ->", gc.collect())

print("2. the counts: (generation 0, generation 1, generation 2)")
gc.collect()
print("  after a full collection  gc.get_count() =", gc.get_count())
before = gc.get_count()[0]
keep = [Leaf() for i in range(5)]
print("  five new Leafs raised the generation-0 count:",
      gc.get_count()[0] >= before + 5)
gc.collect(0)
print("  after gc.collect(0)      gc.get_count() =", gc.get_count())
gc.collect(0)
print("  after gc.collect(0) again              =", gc.get_count())
gc.collect(1)
print("  after gc.collect(1)                    =", gc.get_count())
gc.collect(2)
print("  after gc.collect(2)                    =", gc.get_count())

print("3. promotion: a survivor moves to the next generation")
x = Node("survivor")
print("  new object:            generation", in_generation(x))
gc.collect(0)
print("  after collect(0):      generation", in_generation(x))
gc.collect(1)
print("  after collect(1):      generation", in_generation(x))
gc.collect()
print("  after a full collect:  generation", in_generation(x))
print("  an int is not tracked (cannot be in a cycle):", in_generation(12345))

print("4. thresholds start collections by themselves")
print("  default thresholds:", gc.get_threshold())
seen = []


def watch(phase, info):
    if phase == "start":
        seen.append(info["generation"])


gc.set_threshold(5, 2, 1000)       # tiny, to see it happen
print("  set_threshold(5, 2, 1000) ->", gc.get_threshold())
gc.collect()
gc.callbacks.append(watch)
for i in range(60):
    keep.append(Leaf())            # kept alive: nothing is freed
gc.callbacks.remove(watch)
gc.set_threshold(700, 10, 10)
print("  60 allocations started collections of generations",
      sorted(set(seen)))
print("  generation 0 ran more often than generation 1:",
      seen.count(0) > seen.count(1) > 0)
del keep[:]
print("end (the survivor is freed at exit)")
