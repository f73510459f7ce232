# 4 Q2 The method resolution order: C3 linearization; in a diamond the
# shared base comes once, after all its subclasses; super() follows the
# MRO of the instance's class; ClassName.mro() shows it.


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


def n(seq):
    return [k.__name__ for k in seq]


print(n(D.mro()))
print(n(D.__mro__), type(D.__mro__).__name__, type(D.mro()).__name__)
print(D().who())
print(B().who(), C().who())
print(D.mro() == list(D.__mro__))
print(n(object.mro()), n(A.mro()))


class E(C, B):
    pass


print(n(E.mro()))

init_calls = []


class Base:
    def __init__(self):
        init_calls.append("Base")


class Left(Base):
    def __init__(self):
        init_calls.append("Left")
        super().__init__()


class Right(Base):
    def __init__(self):
        init_calls.append("Right")
        super().__init__()


class Bottom(Left, Right):
    def __init__(self):
        init_calls.append("Bottom")
        super().__init__()


Bottom()
print(init_calls, init_calls.count("Base"))


# the classic example of C3 (Python 2.3's "The Python 2.3 Method
# Resolution Order")
class O: pass
class F(O): pass
class E2(O): pass
class D2(O): pass
class C2(D2, F): pass
class B2(D2, E2): pass
class A2(B2, C2): pass


print(n(A2.mro()))


class K1(O): pass
class K2(O): pass
class K3(O): pass
class Z1(K1, K2): pass
class Z2(K2, K3): pass
class Z(Z1, Z2): pass


print(n(Z.mro()))

# attribute lookup walks the MRO
B.x, C.x, A.x = "B", "C", "A"
print(D.x)
del B.x
print(D.x)
del C.x
print(D.x)

# super() with explicit arguments starts after the given class
print(super(B, D()).who())
print(super(C, D()).who())

for bases in ((A, B), (B, A, C), (A, A)):
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Bad(A, D):
        pass
except TypeError as e:
    print("TypeError:", e)

