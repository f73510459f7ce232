# assigning __bases__: CPython's checks and errors (type_set_bases)
class A: pass
class B: pass
class C(A): pass
class D(C): pass
class S: __slots__ = ('a',)
def t(f):
    try: f(); print("ok")
    except Exception as e: print(type(e).__name__, e)
def s(v):
    def f(): C.__bases__ = v
    return f
t(s([B]))
t(s(()))
t(s((1,)))
t(s((D,)))
t(s((int,)))
t(s((S,)))
t(s((A, A)))
class X(A, B): pass
t(s((X,)))
print(C.__mro__, D.__mro__)
t(s((B,)))
print(C.__mro__, D.__mro__)
def f(): del C.__bases__
t(f)
def g(): int.__bases__ = (object,)
t(g)
class P: pass
class Q(P): pass
def h(): object.__bases__ = ()
t(h)
class E(B, A): pass
t(s((A, B)))
print(E.__mro__)
class F(C, E): pass
