# A sweep over issue 5: __prepare__, type(), C3 errors, super() forms, descriptors,
# property, bound methods, slots, object() argument rules, hashing, reflected
# comparisons, __missing__, metaclass hooks and conflicts, special methods.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, kw); return {'injected': 1}
    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *a):
        print('meta call', a); return super().__call__(*a)
class A(metaclass=Meta, flag=1):
    def __init__(self, *a): pass
print(A.injected, A(1, 2).__class__.__name__)
T = type('T', (object,), {'x': 1, '__doc__': 'doc'})
print(T.__name__, T.__qualname__, T.__module__, T.__doc__, T.__bases__, T.__base__, type(T.__dict__).__name__)
print(int.__subclasses__()[:1], object.__subclasses__()[0])
try: T.__dict__['x'] = 2
except TypeError as e: print(e)
class O: pass
class X(O): pass
class Y(O): pass
try:
    class Z(X, Y, X): pass
except TypeError as e: print(e)
try:
    class Z(O, X): pass
except TypeError as e: print(e)
try:
    class Z(int, str): pass
except TypeError as e: print(e)
try: super()
except RuntimeError as e: print(e)
class P:
    def f(self): return 'P'
class Q(P):
    def f(self): return 'Q' + super().f()
    @classmethod
    def c(cls): return super().f
    @staticmethod
    def s(): return super().f()
print(Q().f(), Q.c().__qualname__)
try: Q.s()
except RuntimeError as e: print(e)
print(super(Q, Q()).f(), super(Q, Q).f.__qualname__)
class D:
    def __get__(self, o, t=None): return 'get'
    def __set__(self, o, v): print('set', v)
    def __set_name__(self, owner, name): print('set_name', owner.__name__, name)
class U:
    d = D()
u = U(); u.__dict__['d'] = 'inst'; print(u.d); u.d = 5
class Prop:
    @property
    def p(self): "the doc"; return 1
    @p.setter
    def p(self, v): print('setp', v)
    @p.deleter
    def p(self): print('delp')
pr = Prop(); print(pr.p, Prop.p.__doc__); pr.p = 2; del pr.p
class NoSet:
    @property
    def p(self): return 1
try: NoSet().p = 2
except AttributeError as e: print(e)
try: del NoSet().p
except AttributeError as e: print(e)
m1 = pr.__init__; print(m1 == pr.__init__, u.__init__ == pr.__init__)
class K:
    def m(self): pass
k = K(); print(k.m.__self__ is k, k.m.__func__ is K.m, k.m == k.m, k.m is k.m)
class Sl:
    __slots__ = ('a',)
s = Sl()
try: s.a
except AttributeError as e: print(e)
try: s.b = 1
except AttributeError as e: print(e)
try: object().x = 1
except AttributeError as e: print(e)
try: object.__init__(object(), 1)
except TypeError as e: print(e)
try: object(1)
except TypeError as e: print(e)
class N:
    def __init__(self, x): pass
try: object.__new__(N, 1); print('ok new')
except TypeError as e: print(e)
class N2:
    def __new__(cls, x): return super().__new__(cls)
N2(1)
try: N2.__init__(N2(1), 2)
except TypeError as e: print(e)
class H:
    def __eq__(self, o): return True
print(H.__hash__)
try: hash(H())
except TypeError as e: print(e)
class R:
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return 'gt'
print(R() < R())
try: R() <= R()
except TypeError as e: print(e)
print(repr(O())[:19])
class DM(dict):
    def __missing__(self, k): return k * 2
print(DM()[3])
class CG:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(CG[int])
class IS(type):
    def __instancecheck__(cls, i): return True
    def __subclasscheck__(cls, c): return True
class Any(metaclass=IS): pass
print(isinstance(1, Any), issubclass(int, Any))
class M1(type): pass
class M2(type): pass
class AA(metaclass=M1): pass
class BB(metaclass=M2): pass
try:
    class CC(AA, BB): pass
except TypeError as e: print(e)
class E1(Exception):
    def __str__(self): return 'custom str'
class E2(E1): pass
try: raise E2('x')
except E1 as e: print(type(e).__name__, e, e.args)
class Idx:
    def __index__(self): return 2
print([1,2,3][Idx()], bin(Idx()), range(10)[Idx()])
class Ctx:
    def __enter__(self): return self
    def __exit__(self, *a): print('exit', a[0].__name__); return True
with Ctx(): raise ValueError
print('after with')
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __iadd__(self, o): self.v += o; return self
    def __neg__(self): return 'neg'
    def __invert__(self): return 'inv'
    def __abs__(self): return 'abs'
    def __pos__(self): return 'pos'
n = 1 + Num(2); n += 5; print(n.v, -n, ~n, abs(n), +n)
class Fmt:
    def __format__(self, spec): return 'F' + spec
    def __bytes__(self): return b'B'
print(f'{Fmt():xy}', format(Fmt(), 'z'), bytes(Fmt()))
class Rev:
    def __reversed__(self): return iter([3, 2])
    def __len__(self): return 0
print(list(reversed(Rev())), bool(Rev()))
class IS2:
    def __init_subclass__(cls, **kw): print('init_subclass', cls.__name__, kw)
class Sub(IS2, tag=1): pass
