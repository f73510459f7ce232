# weakref callbacks at deallocation (subtype_dealloc): __del__ first, then callbacks newest first
import weakref


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("__del__", self.name)


def make(name):
    return lambda r: print("callback", name, r() is None)


c = C("c")
refs = [weakref.ref(c, make(i)) for i in range(3)]
print("deleting")
del c
print("deleted")
d = C("d")
holder = [d]
w = weakref.ref(d, make("d"))
holder.clear()
print("cleared")


def scope():
    local = C("local")
    return weakref.ref(local, make("local"))


r = scope()
print("returned", r())
e = C("e")
dead_ref = weakref.ref(e, make("never"))
del dead_ref
del e
print("end")
