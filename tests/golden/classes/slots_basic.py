# __slots__: member descriptors instead of an instance __dict__ (add_layout)
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x)
print(P.x)
print(type(P.x).__name__)
try:
    p.y
except AttributeError as e:
    print('AttributeError:', e)
p.y = 2
print(p.y)
del p.y
try:
    del p.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
try:
    p.__dict__
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(p, '__dict__'), hasattr(p, '__weakref__'))
print(P.__slots__)

class Q(P):
    pass                      # no __slots__: instances get a __dict__ again
q = Q(5)
q.z = 6
print(q.x, q.z, q.__dict__)

class R(P):
    __slots__ = ('z',)
r = R(7)
r.y = 8
r.z = 9
print(r.x, r.y, r.z)
try:
    r.w = 1
except AttributeError as e:
    print('AttributeError:', e)

class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print('AttributeError:', e)

class One:
    __slots__ = 'only'
o = One()
o.only = 'yes'
print(o.only, One.__slots__)

class WithDict:
    __slots__ = ('a', '__dict__')
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)

class Priv:
    __slots__ = ('__secret',)
    def __init__(self):
        self.__secret = 42
    def get(self):
        return self.__secret
print(Priv().get(), '_Priv__secret' in Priv.__dict__)
print(sorted(k for k in P.__dict__ if not k.startswith('__')))

class WithWeak:
    __slots__ = ('__weakref__',)
print(WithWeak().__weakref__)
