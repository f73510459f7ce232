# Instances of subclasses of variable-size types (str, bytes, tuple, int)
# have a __dict__ (typeslots.c add_layout: in front of the GC header).
import gc
import weakref


class S(str):
    pass


class B(bytes):
    pass


class T(tuple):
    pass


class I(int):
    pass


for cls, arg in ((S, 'héllo'), (B, b'ab\x00c'), (T, (1, (2,), 'x')),
                 (I, 10 ** 40)):
    o = cls(arg)
    print(cls.__name__, repr(o), o.__dict__)
    o.a = 1
    o.b = [o]          # a cycle through the instance dict
    print(sorted(o.__dict__), o.a, o == arg, hash(o) == hash(arg))
    del o.a
    try:
        o.a
    except AttributeError as e:
        print('AttributeError:', e)
    o.__dict__ = {'z': 5}
    print(o.z, vars(o))
    w = o
    del o, w
print('collected', gc.collect() >= 0)


# a long str and a long tuple keep their items and their dict apart
s = S('x' * 1000)
s.tag = 'long'
print(len(s), s[-3:], s.tag, s.upper()[:3], type(s + 'y').__name__)
t = T(range(500))
t.tag = 'tuple'
print(len(t), t[-1], t.tag, sum(t))


# str subclasses can be weakly referenced; bytes, tuple and int ones not
class S2(S):
    pass


s2 = S2('weak')
r = weakref.ref(s2)
print(r() is s2, r().__class__.__name__)
s2.d = 1
del s2
print(r())
for cls in (B, T, I):
    try:
        weakref.ref(cls())
    except TypeError as e:
        print('TypeError:', e)


# __slots__ = () keeps the instances dictless
class NoDict(str):
    __slots__ = ()


try:
    NoDict('a').x = 1
except AttributeError as e:
    print('AttributeError:', e)


class TupleNoDict(tuple):
    __slots__ = ()


try:
    TupleNoDict().x = 1
except AttributeError as e:
    print('AttributeError:', e)
print(hasattr(NoDict('a'), '__dict__'), hasattr(S('a'), '__dict__'))


# __class__ assignment between compatible layouts keeps the dict
class S3(str):
    pass


s = S('q')
s.k = 'v'
s.__class__ = S3
print(type(s).__name__, s.k, s.__dict__)


# a subclass of a subclass adds nothing new and shares the slot
class SS(S):
    def shout(self):
        return self.upper() + self.suffix


ss = SS('hi')
ss.suffix = '!'
print(ss.shout(), ss.__dict__)


# namedtuple-like: attributes set in __new__
class Point(tuple):
    def __new__(cls, x, y):
        self = super().__new__(cls, (x, y))
        self.label = f'P{x}{y}'
        return self


p = Point(1, 2)
print(p, p.label, p[0] + p[1])
del p
