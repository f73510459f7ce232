# collections.namedtuple: construction, tuple behaviour, helpers, errors
from collections import namedtuple


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p == (1, 2), isinstance(p, tuple))
print(Point._fields, Point.__doc__, Point.x.__doc__, Point._field_defaults)
print(p._asdict(), p._replace(y=5), Point._make([3, 4]), Point._make(iter('ab')))
print(p + (3,), p * 2, p[:1], hash(p) == hash((1, 2)), sorted([Point(2, 1), Point(1, 5)]))
x, y = p
print(x, y, tuple(p), p.count(1), p.index(2), p.__getnewargs__(), Point.__match_args__)
print(Point(x=7, y=8), Point(*[1, 2]), Point(**{'y': 1, 'x': 0}))
t(Point, 1)
t(Point)
t(Point, 1, 2, 3)
t(Point, 1, z=2)
t(Point, 1, x=2)
t(Point._make, [1])
t(p._replace, z=1)
t(setattr, p, 'x', 5)
t(getattr, p, 'z')
P3 = namedtuple('P3', ['a', 'b', 'c'])
t(P3)
t(P3, 1)
t(P3, 1, 2, 3, 4)
One = namedtuple('One', 'only')
print(One(1), One.__doc__)
t(One, 1, 2)
Empty = namedtuple('Empty', '')
print(Empty(), Empty._fields, Empty.__doc__)
t(Empty, 1)
D = namedtuple('D', 'a b c', defaults=[2, 3])
print(D(1), D(1, 5), D(1, c=9), D._field_defaults, D.__new__.__defaults__)
t(D)
t(D, 1, 2, 3, 4)
print(namedtuple('R', 'a def _b a', rename=True)._fields)
print(namedtuple('S', 'a, b  c')._fields, namedtuple('U', ['x', 'y'])(1, 2))
t(namedtuple, 'P', 'x x')
t(namedtuple, 'P', 'def')
t(namedtuple, 'P', '_x')
t(namedtuple, '1P', 'x')
t(namedtuple, 'P', 'x-y')
t(namedtuple, 'class', 'x')
t(namedtuple, 'P', 'x y', defaults=[1, 2, 3])
t(namedtuple, 'P', [1])


class Sub(Point):
    __slots__ = ()

    @property
    def norm(self):
        return abs(self.x) + abs(self.y)


s = Sub(3, -4)
print(s, s.norm, s._replace(x=0), type(s._replace(x=0)).__name__, s._asdict())
print(Point(1, 2) == Sub(1, 2), Point(1, [2]), Point, Sub, Point.__module__)
