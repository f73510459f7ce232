# collections.Counter: counting, most_common tie order, arithmetic, reprs
from collections import Counter


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update('aaz')
c.update({'b': 10})
print(c)
c.subtract(a=100, q=1)
print(c)
c.subtract(['b', 'b'])
print(c, +c, -c)
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=-2)
print(a + b, a - b, a | b, a & b, b - a)
print(a == Counter(a=3, b=1), a != b, Counter(a=1) <= Counter(a=2), Counter(a=2) < Counter(a=2), Counter(a=3) >= a, a > Counter())
x = Counter(a=1)
x += Counter(a=2, b=-1)
print(x)
x -= Counter(a=1, c=5)
print(x)
x |= Counter(a=9, e=0)
print(x)
x &= Counter(a=4)
print(x)
print(Counter(), repr(Counter()), Counter({'x': 2, 'y': 2, 'z': 3}), Counter(['b', 'a', 'b', 'a', 'c']))
print(Counter(cats=4, dogs=8), Counter([1, 2, 2]).most_common(1), Counter('aabbcc').most_common())
del c['a']
del c['never']
print(c.copy() == c, type(c.copy()).__name__, dict(Counter('ab')))
t(Counter, 1)
t(Counter.fromkeys, 'ab')
t(lambda: Counter() + 1)
t(lambda: Counter() < {})
print(Counter({'x': 'y'}), Counter({'a': 1.5, 'b': 0.5}))


class Sub(Counter):
    pass


print(Sub('aab'), type(Sub('ab') + Sub('b')).__name__)
