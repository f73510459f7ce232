# weakrefs to cyclic garbage (gc.c handle_weakrefs): cleared before __del__, garbage refs never call back
import gc
import weakref

gc.disable()


class Node:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name, "sees", self.ref_to_other())


a = Node("a")
b = Node("b")
a.other = b
b.other = a
a.ref_to_other = weakref.ref(b, lambda r: print("never: a's ref is garbage"))
b.ref_to_other = weakref.ref(a, lambda r: print("never: b's ref is garbage"))
outside = weakref.ref(a, lambda r: print("outside callback, a dead:", r() is None))
print(outside() is a)
del a, b
print("collecting")
gc.collect()
print("collected", outside())


class Plain:
    pass


x = Plain()
x.self = x
seen = []
wx = weakref.ref(x, seen.append)
del x
gc.collect()
print(seen == [wx], wx())
gc.enable()
