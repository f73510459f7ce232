# "Exception ignored in" for weakref callbacks (weakref.c MpObject_ClearWeakRefs, gc.c handle_weakrefs)
import gc
import weakref


class C:
    pass


def bad_callback(r):
    raise ValueError("callback failed")


def good_callback(r):
    print("good callback still runs")


c = C()
r1 = weakref.ref(c, good_callback)
r2 = weakref.ref(c, bad_callback)
del c
print("after del")
a = C()
a.self = a
r3 = weakref.ref(a, bad_callback)
del a
gc.collect()
print("after collect")
