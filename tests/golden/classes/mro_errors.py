# class creation errors: inconsistent MRO, duplicate base, bad bases (compute_mro, MpType_New)
def attempt(f):
    try:
        f()
        print('ok')
    except TypeError as e:
        print('TypeError:', e)

class A: pass
class B(A): pass
class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass

def inconsistent():
    class C(A, B):
        pass
attempt(inconsistent)

def crossed():
    class Z(P, Q):
        pass
attempt(crossed)

def duplicate():
    class C(A, A):
        pass
attempt(duplicate)

def not_a_class():
    class C(3):
        pass
attempt(not_a_class)

def final_base():
    class C(type(None)):
        pass
attempt(final_base)

def range_base():
    class C(range):
        pass
attempt(range_base)

attempt(lambda: type('C', (A, B), {}))
attempt(lambda: type('C', (X, X), {}))

# the six-class example from "The Python 2.3 Method Resolution Order"
O = object
class F(O): pass
class E(O): pass
class D(O): pass
class C(D, F): pass
class B2(D, E): pass
class A2(B2, C): pass
print([k.__name__ for k in A2.mro()])
print([k.__name__ for k in B2.__mro__])
