"""The diamond, C3 linearization, and ClassName.mro().

Course note, section 4, Q2: D inherits from B and C, which both inherit
from A.  The method resolution order (MRO) is the one list of classes an
attribute lookup walks: D, B, C, A, object.  A comes once, after both of
its subclasses, so with cooperative super() calls A's method runs exactly
once.  The list is computed by C3 linearization when the class statement
runs; a hierarchy with no consistent order is refused with TypeError.

Run:  build/minipy examples/mro_diamond.py
"""


class A:
    def greet(self, trail):
        trail.append("A")
        return trail


class B(A):
    def greet(self, trail):
        trail.append("B")
        return super().greet(trail)     # next in the MRO of type(self)


class C(A):
    def greet(self, trail):
        trail.append("C")
        return super().greet(trail)


class D(B, C):
    def greet(self, trail):
        trail.append("D")
        return super().greet(trail)


def names(classes):
    return [k.__name__ for k in classes]


print("1. the diamond's MRO")
print("  D.mro()     =", names(D.mro()))
print("  D.__mro__ is a tuple:", type(D.__mro__).__name__, names(D.__mro__))
print("  B's own MRO =", names(B.mro()))

print("2. super() follows the instance's MRO: A runs once")
print("  D().greet([]) ->", D().greet([]))
print("  B().greet([]) ->", B().greet([]), "(a B has no C in its MRO)")

print("3. C3 by hand: L[D] = D + merge(L[B], L[C], [B, C])")


def c3(cls):
    """The C3 linearization of cls, computed from its bases."""
    seqs = [c3(base) for base in cls.__bases__] + [list(cls.__bases__)]
    result = [cls]
    while True:
        seqs = [s for s in seqs if s]
        if not seqs:
            return result
        for seq in seqs:                 # first head not in any tail
            head = seq[0]
            if not any(head in s[1:] for s in seqs):
                break
        else:
            raise TypeError("no consistent order")
        result.append(head)
        for s in seqs:
            if s[0] is head:
                del s[0]


print("  c3(D) =", names(c3(D)))
print("  same as D.mro():", c3(D) == D.mro())

print("4. attribute lookup takes the first class in the MRO that has it")
B.tag, C.tag, A.tag = "from B", "from C", "from A"
print("  D.tag =", D.tag)
del B.tag
print("  after del B.tag, D.tag =", D.tag)

print("5. an inconsistent order is refused")
try:
    class X(A, B):                       # A before B, but B is a subclass of A
        pass
except TypeError as e:
    print("  TypeError:", e)

print("6. a wider hierarchy")


class O1: pass
class O2: pass
class O3: pass
class K1(O1, O2): pass
class K2(O2, O3): pass
class Z(K1, K2): pass


print("  Z.mro() =", names(Z.mro()))
print("  c3 agrees:", c3(Z) == Z.mro())
