# property: a data descriptor (wins over the instance dict) built by @property/@x.setter, with CPython 3.11's AttributeError wording.
def check(label, f):
    try: print(label, '->', repr(f()))
    except Exception as e: print(label, type(e).__name__, e)
class A:
    def __init__(self): self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v): self._x = v * 2
    @x.deleter
    def x(self): print("deleting"); self._x = None
    ro = property(lambda self: 'ro', doc="read only")
a = A()
print(a.x); a.x = 5; print(a.x); del a.x; print(a.x)
print(A.x.__doc__, A.ro.__doc__, type(A.x).__name__, isinstance(A.x, property))
a.__dict__['x'] = 'shadow'; print(a.x)
print(A.x.fget.__name__, A.x.fset.__name__, A.x.fdel.__name__, A.ro.fset)
print(A.x.__get__(None, A) is A.x, A.x.__get__(a, A))
A.ro.__set_name__(A, 'ro')
check("ro set named", lambda: setattr(a, 'ro', 1))
check("ro del named", lambda: delattr(a, 'ro'))
p = property()
p.__set_name__(A, 'empty')
A.empty = p
check("no getter", lambda: a.empty)
A.anon = property()
check("no getter anon", lambda: a.anon)
check("too many", lambda: property(1, 2, 3, 4, 5))
check("bad kw", lambda: property(fget=1, foo=2))
check("set_name args", lambda: A.ro.__set_name__(A))
check("get None None", lambda: A.ro.__get__(None, None))
def g(s):
    "gdoc"
print(property(g).__doc__, property(g, doc='x').__doc__, property(g).setter(None).__doc__, property(g).getter(lambda s: 0).__doc__)
print(property().__doc__, property(doc='d').setter(g).__doc__)
q = property(g); q2 = q.setter(g)
print(q is q2, q2.fget is g, q2.fset is g, q.fset)
class Abs:
    def f(self): pass
    f.__isabstractmethod__ = True
print(property(Abs.f).__isabstractmethod__, property(g).__isabstractmethod__, property().__isabstractmethod__, property(None, Abs.f).__isabstractmethod__)
class MyProp(property):
    pass
class B:
    @MyProp
    def v(self): return 42
    @v.setter
    def v(self, val): print("set", val)
b = B(); print(b.v, type(B.v).__name__); b.v = 1
class Counted(property):
    def __init__(self, fget=None, *rest):
        super().__init__(fget, *rest)
        self.extra = 'e'
class C:
    @Counted
    def w(self): return 'w'
print(C().w, C.w.extra, type(C.w.setter(g)).__name__)
def kw(**k): return property(**k)
pp = kw(fget=g, doc='kd'); print(pp.__doc__, pp.fget is g)
pp.__doc__ = 'changed'; print(pp.__doc__)
class Err:
    @property
    def bad(self): raise KeyError('inner')
check("raising getter", lambda: Err().bad)
class Fallback:
    @property
    def a(self): raise AttributeError("nope")
    def __getattr__(self, name): return 'fallback ' + name
print(Fallback().a)
print(property.__name__, repr(A.x).startswith("<property object at 0x"))
# A property bound after the class statement has no name for the message.
class Late:
    pass
Late.p = property(g)
check("late set", lambda: setattr(Late(), 'p', 1))
check("late del", lambda: delattr(Late(), 'p'))
check("int get", lambda: property().__get__(1))
# Drop the instances of property subclasses from their classes: a heap
# class's instance left in another class's dict is not freed at exit by
# minipy (an interpreter leak independent of property).
del B.v, C.w
