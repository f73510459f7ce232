# functools: cached_property, cmp_to_key, total_ordering, singledispatch, partialmethod
from functools import (cached_property, cmp_to_key, total_ordering,
                       singledispatch, partialmethod)


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


class Data:
    def __init__(self, n):
        self.n = n
        self.computed = 0

    @cached_property
    def total(self):
        'Sum up.'
        self.computed += 1
        return sum(range(self.n))


d = Data(10)
print(d.total, d.total, d.computed, 'total' in d.__dict__, Data.total.__doc__)
del d.total
print(d.total, d.computed)
d.total = 'set'
print(d.total, type(Data.total).__name__, Data.total.attrname)
cp = cached_property(lambda self: 1)
t(cp.__get__, d, Data)
try:
    class Twice:
        a = cp
        b = cp
except Exception as e:
    # 3.11 wraps the error in RuntimeError; print the underlying one
    print(e.__cause__ if e.__cause__ else e)


def compare(a, b):
    return (a > b) - (a < b)


words = ['pear', 'Apple', 'fig', 'banana']
print(sorted(words, key=cmp_to_key(lambda a, b: compare(len(a), len(b)))))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(compare)
print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(2), K(1) >= K(0))
print(K.__hash__)


@total_ordering
class Version:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.v < other.v


a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, a <= Version(1), b >= a, Version.__gt__.__name__)
print(Version.__le__.__doc__)
t(lambda: a < 3)
t(lambda: a >= 3)


@total_ordering
class ByGe:
    def __init__(self, v):
        self.v = v

    def __ge__(self, other):
        return self.v >= other.v


print(ByGe(1) < ByGe(2), ByGe(2) > ByGe(2), ByGe(2) <= ByGe(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError:', e)


@singledispatch
def show(obj):
    return 'object ' + repr(obj)


@show.register
def _(obj: int):
    return 'int %d' % obj


@show.register(list)
def _(obj):
    return 'list of %d' % len(obj)


def show_str(obj):
    return 'str ' + obj


show.register(str, show_str)
print(show(1), show(True), show([1, 2]), show('x'), show(1.5), show(None))
print(show.dispatch(bool).__name__, show.dispatch(float) is show.registry[object], sorted(c.__name__ for c in show.registry))
t(show)


class Cell:
    def __init__(self):
        self.v = None

    def set(self, v, tag=''):
        self.v = (v, tag)

    set_one = partialmethod(set, 1)
    set_tagged = partialmethod(set, tag='T')


c = Cell()
c.set_one()
print(c.v)
c.set_tagged(5)
print(c.v)
import collections.abc


@singledispatch
def kind(x):
    return 'other'


@kind.register(collections.abc.Mapping)
def _(x):
    return 'mapping'


@kind.register(collections.abc.Sequence)
def _(x):
    return 'sequence'


@kind.register(list)
def _(x):
    return 'list'


print(kind({}), kind([]), kind(()), kind('s'), kind(1), kind(range(2)))
