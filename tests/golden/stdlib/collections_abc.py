# collections.abc: structural checks, registered built-ins, mixin methods
from collections import abc
import collections.abc


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


def gen():
    yield 1


values = [1, 'a', b'b', [1], (1,), {1: 2}, {1}, frozenset(), range(2), iter([]),
          gen(), len, int, None, {}.keys(), {}.items(), {}.values(), bytearray()]
names = ['Hashable', 'Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized',
         'Container', 'Collection', 'Callable', 'Sequence', 'MutableSequence',
         'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView',
         'KeysView', 'ItemsView', 'ValuesView', 'ByteString']
for name in names:
    cls = getattr(abc, name)
    print(name.ljust(16), ''.join('X' if isinstance(v, cls) else '.' for v in values))
print(abc.Iterable, collections.abc.Mapping is abc.Mapping, abc.Sequence.__name__)
print(issubclass(int, abc.Callable), issubclass(type, abc.Callable), issubclass(list, abc.Hashable))


class Duck:
    def __iter__(self):
        return iter([])

    def __len__(self):
        return 0

    def __contains__(self, x):
        return False


class NotIter(Duck):
    __iter__ = None


print(isinstance(Duck(), abc.Iterable), isinstance(Duck(), abc.Collection),
      isinstance(Duck(), abc.Sequence), isinstance(NotIter(), abc.Iterable),
      isinstance(NotIter(), abc.Sized))


class Registered:
    pass


abc.Sequence.register(Registered)
print(issubclass(Registered, abc.Sequence), issubclass(Registered, abc.Iterable),
      isinstance(Registered(), abc.Reversible), issubclass(Registered, abc.Mapping))


class Frozen(abc.Mapping):
    def __init__(self, **kw):
        self._d = kw

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


f = Frozen(a=1, b=2)
print(f['a'], f.get('z', 0), 'b' in f, 'q' in f, list(f.keys()), list(f.values()),
      list(f.items()), f == {'a': 1, 'b': 2}, f != {'a': 1}, len(f))
print(f.keys() & {'a', 'z'}, f.keys() | {'c'} == {'a', 'b', 'c'}, ('a', 1) in f.items(), 2 in f.values())
print(f.keys() == {'a', 'b'}, f.keys() < {'a', 'b', 'c'}, f.keys().isdisjoint(['x']))
t(abc.Mapping)
t(Frozen.__getitem__, f, 'zz')


class Incomplete(abc.MutableMapping):
    def __getitem__(self, k):
        return 1


t(Incomplete)


class Store(abc.MutableMapping):
    def __init__(self):
        self._d = {}

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


s = Store()
s.update({'a': 1}, b=2)
s.update([('c', 3)])
print(sorted(s.items()), s.setdefault('d', 4), s.setdefault('a', 9), s.pop('a'), s.pop('zz', None))
print(s.popitem(), len(s))
s.clear()
print(len(s))
t(s.pop, 'x')
t(s.popitem)


class Seq(abc.Sequence):
    def __init__(self, *items):
        self._items = items

    def __getitem__(self, i):
        return self._items[i]

    def __len__(self):
        return len(self._items)


q = Seq(1, 2, 3, 2)
print(list(q), list(reversed(q)), 2 in q, q.index(2), q.index(2, 2), q.count(2), 5 in q)
t(q.index, 7)


class MList(abc.MutableSequence):
    def __init__(self):
        self._l = []

    def __getitem__(self, i):
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = v

    def __delitem__(self, i):
        del self._l[i]

    def __len__(self):
        return len(self._l)

    def insert(self, i, v):
        self._l.insert(i, v)


ml = MList()
ml.append(1)
ml.extend([2, 3])
ml += [4]
ml.reverse()
print(list(ml), ml.pop(), ml.pop(0), list(ml))
ml.remove(3)
print(list(ml))


class Bag(abc.Set):
    def __init__(self, it=()):
        self._s = list(dict.fromkeys(it))

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(self._s)

    def __len__(self):
        return len(self._s)


b1, b2 = Bag('abc'), Bag('bcd')
print(sorted(b1 & b2), sorted(b1 | b2), sorted(b1 - b2), sorted(b1 ^ b2), b1 == Bag('cba'), b1 <= Bag('abcd'))
print(b1._hash() == Bag('cab')._hash(), b1.isdisjoint('xyz'), type(b1 & b2).__name__)
