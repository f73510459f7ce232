# itertools: reprs, laziness, shared state (tee, groupby), where islice leaves its source
import itertools as it

c = it.count(10)
next(c); next(c)
print(repr(c), repr(it.count()), repr(it.count(2.5, 0.5)), repr(it.count(3, -1)), repr(it.count(0, 1.0)))
print(list(it.islice(it.count(1.0, 0.25), 3)), list(it.islice(it.count(2**64), 2)))
r = it.repeat('x', 3)
print(repr(r), next(r), repr(r), list(r), repr(r), repr(it.repeat(None, -5)), list(it.repeat(1, 0)))
print(repr(it.repeat([1])), it.repeat(1, 4).__length_hint__())
# islice consumes exactly what it must
src = iter(range(10))
print(list(it.islice(src, 2, 6, 2)), next(src))
src = iter(range(10))
print(list(it.islice(src, 3)), next(src))
src = iter(range(3))
print(list(it.islice(src, 5)), list(src))
s = it.islice(it.count(), 0, None, 3)
print([next(s) for _ in range(4)])
# tee copies are independent; the original source is shared
base = iter([1, 2, 3, 4])
a, b, c = it.tee(base, 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(it.tee([1], 0), len(it.tee('ab')))
a, b = it.tee(iter('xyz'))
a2, = it.tee(a, 1)
print(next(a), list(a2), list(b))
# groupby: advancing the outer iterator invalidates the old group
groups = it.groupby('aaabbc')
k1, g1 = next(groups)
print(k1, next(g1))
k2, g2 = next(groups)
print(k2, list(g1), list(g2))
k3, g3 = next(groups)
print(k3, list(g3), list(groups))
print([(k, ''.join(g)) for k, g in it.groupby('AaBbbA', key=str.upper)])
# chain is lazy in its arguments
def gen():
    print('gen started')
    yield 1
ch = it.chain(gen(), [2])
print('chain made')
print(list(ch))
print(list(it.chain.from_iterable(iter([[1], (2, 3), 'ab']))))
# dropwhile/takewhile stop calling the predicate at the switch
calls = []
def small(x):
    calls.append(x)
    return x < 3
print(list(it.dropwhile(small, [1, 2, 5, 1, 0])), calls)
calls.clear()
print(list(it.takewhile(small, [1, 2, 5, 1, 0])), calls)
print(type(it.chain()).__name__, type(it.islice([], 1)).__name__, type(it.count()).__name__)
print(isinstance(it.count(), it.count), iter(c) is c, hasattr(it.product([1]), '__next__'))
# where islice leaves the source in the corner cases
for args in [(5, 2), (2, 7, 3), (0, 0), (3, None, 4), (1, 4), (0, None, 2), (4,)]:
    src = iter(range(10))
    got = list(it.islice(src, *args))
    print(args, got, next(src, 'end'))
print(list(it.product('ab', [1, 2], 'xy')), list(it.product([1], [], [2])), list(it.product(range(2), repeat=3))[-2:])
