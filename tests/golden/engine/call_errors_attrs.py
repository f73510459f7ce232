# Call errors word for word (vm.c argument binding) and function attributes:
# __defaults__/__kwdefaults__ (assignable, checked), __code__.co_*, closures.
def f(x): pass
def g(a, b, /, c, *, d, e=1): pass
def h(*args, k): pass
def i(a, b=2, *args, c, d=4, **kw): pass
def j(): pass
def k(a, b, c=3): pass
class C:
    def m(self, x): pass
    @classmethod
    def cm(cls, y): pass
    @staticmethod
    def sm(z): pass
def l(a, b, c, d): pass
cases = [
    lambda: f(), lambda: f(1, 2), lambda: f(1, x=2), lambda: f(y=1), lambda: f(1, y=2, z=3),
    lambda: g(1, 2, 3), lambda: g(1, 2, 3, 4), lambda: g(1), lambda: g(a=1, b=2, c=3, d=4),
    lambda: g(1, 2, c=3), lambda: g(1, 2, 3, d=4, f=5), lambda: h(1), lambda: h(k=1, j=2),
    lambda: i(), lambda: i(1), lambda: i(1, 2, 3, 4), lambda: j(1), lambda: j(a=1), lambda: k(1),
    lambda: k(), lambda: k(1, 2, 3, 4), lambda: k(1, 2, 3, 4, 5), lambda: C().m(), lambda: C().m(1, 2),
    lambda: C.m(), lambda: C.cm(), lambda: C.sm(), lambda: C().cm(1, 2), lambda: l(1),
    lambda: l(), lambda: l(1, 2, d=4), lambda: f(**{'x': 1, 'y': 2}), lambda: f(*[1], **{'x': 2}),
    lambda: f(**{1: 2}), lambda: f(*1), lambda: f(**1), lambda: (lambda q: q)(), lambda: g(1, 2, 3, d=4, a=5),
    lambda: k(1, 2, c=3, b=4), lambda: i(1, 2, 3, c=1, c2=2, a=3),
    lambda: j(1, 2), lambda: (lambda *, a: 0)(1), lambda: (lambda a, *, b: 0)(1, 2, 3),
    lambda: (lambda a, *, b: 0)(1, 2, b=3), lambda: (lambda a, b=1, *, c: 0)(1, 2, 3, c=0),
    lambda: (lambda a, b=1, *, c: 0)(1, 2, 3),
]
for c in cases:
    try:
        c()
        print('ok')
    except TypeError as e:
        print(e)
print(i.__defaults__, i.__kwdefaults__, g.__kwdefaults__, f.__kwdefaults__, f.__defaults__, j.__defaults__)
co = i.__code__
print(co.co_name, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames, co.co_flags & 0xf, co.co_nlocals, co.co_firstlineno, co.co_filename.endswith('ce.py'))
print(g.__code__.co_posonlyargcount, g.__code__.co_varnames, g.__code__.co_argcount, g.__code__.co_kwonlyargcount)
def outer():
    v = 1
    def inner(): return v
    return inner
print(outer.__code__.co_cellvars, outer().__code__.co_freevars, outer().__closure__[0].cell_contents, outer.__code__.co_names, f.__code__.co_consts)
print(C.m.__qualname__, outer().__qualname__, f.__module__, f.__name__, f.__doc__, f.__dict__, f.__annotations__)
f.__defaults__ = (5,)
f()
k.__defaults__ = None
try: k(1, 2)
except TypeError as e: print(e)
g.__kwdefaults__ = {'d': 9}
g(1, 2, 3)
try: f.__defaults__ = 1
except TypeError as e: print(e)
try: f.__kwdefaults__ = 1
except TypeError as e: print(e)
try: f.__code__ = 1
except TypeError as e: print(e)
try: f.__name__ = 1
except TypeError as e: print(e)
try: f.__qualname__ = 1
except TypeError as e: print(e)
del f.__defaults__; print(f.__defaults__)
f.__annotations__ = {'a': int}; print(f.__annotations__)
try: f.__annotations__ = 1
except TypeError as e: print(e)
