# weakref.WeakMethod (lib/weakref.py): a ref to a bound method lives as long as its object
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n


o = K(5)
wm = weakref.WeakMethod(o.m, lambda r: print("callback", r() is None))
print(wm()(), isinstance(wm, weakref.ref), wm() == o.m)
plain = weakref.ref(o.m)
print(plain())
wm2 = weakref.WeakMethod(o.m)
print(wm == wm2, wm != wm2, hash(wm) == hash(wm2))
del o
print(wm(), wm2(), wm == wm2)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(e)
