# weakref.ref (src/objects/weakref.c): sharing, callbacks newest first, hash, equality, repr
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


c = C(1)
r1 = weakref.ref(c, lambda r: print("cb1", r() is None))
r2 = weakref.ref(c, lambda r: print("cb2", r is r2))
r3 = weakref.ref(c)
print(r3 is weakref.ref(c), r1 is not r2, weakref.getweakrefcount(c))
print(r3() is c, r3().n, c.__weakref__ is r3)
print([r is r3 for r in weakref.getweakrefs(c)])
print(hash(r3) == hash(c), r3 == r1, r1 != r2, r3 == 1, r3 != "x")
print(r1.__callback__ is not None, r3.__callback__)
print(repr(r3).startswith("<weakref at 0x"), repr(r3).endswith(">"))
print("; to 'C' at" in repr(r3))
del c
print("after del")
print(r1(), r2(), r3(), r1.__callback__)
print(repr(r3).endswith("; dead>"))
print(r1 == r2, r1 == r1, weakref.getweakrefcount(C(2)))


def f():
    pass


print(repr(weakref.ref(f)).endswith("(f)>"), "'function'" in repr(weakref.ref(f)))
print(weakref.ref(C)() is C, type(weakref.ref(C)) is weakref.ReferenceType)
print(weakref.ref is weakref.ReferenceType, weakref.ref)
d = C(3)
rd = weakref.ref(d)
h = hash(rd)
del d
print(hash(rd) == h)
k = {rd: "kept"}
print(k[rd])
