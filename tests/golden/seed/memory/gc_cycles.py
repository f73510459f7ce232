# 1.1 The cyclic garbage collector: a reference cycle keeps every count
# above zero, so only the collector frees it; gc.collect() returns the
# number of unreachable objects it found.
import gc

gc.collect()
a = []
a.append(a)
del a
print("self-list:", gc.collect())

x, y, z = [], [], []
x.append(y)
y.append(z)
z.append(x)
del x, y, z
print("ring of 3 lists:", gc.collect())

d = {}
d["self"] = d
del d
print("self-dict:", gc.collect())

l = [1, 2, 3]
del l
print("no cycle:", gc.collect())


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None

    def __del__(self):
        print("del", self.name)


a = Node("a")
b = Node("b")
a.next = b
b.next = a                         # the cycle is made after __init__
del a
print("a deleted, b still reachable")
del b
print("both names gone, nothing freed yet")
print("collected:", gc.collect() > 0)
print("again:", gc.collect())

# a cycle reachable from a live object is not garbage
keep = Node("kept")
keep.next = Node("inner")
keep.next.next = keep
print("with a live root:", gc.collect())
print(keep.next.name, keep.next.next is keep)

# gc.is_tracked: containers are tracked, atoms are not
print(gc.is_tracked([]), gc.is_tracked(Node("t")), gc.is_tracked(1),
      gc.is_tracked("s"), gc.is_tracked(1.5))
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print("end")
