# collections.deque: both ends, maxlen, rotation, indexing, reprs, errors
from collections import deque


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], d.pop(), d.popleft(), d)
d.extend('ab')
d.extendleft([9, 8])
print(d, list(reversed(d)), 'a' in d, 5 in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d, d.count('a'), d.index(2), d.index('b', 2), d.index(1, -5, -1))
d.remove(2)
d.reverse()
print(d)
d[0] = 'first'
del d[1]
print(d, d.maxlen)
d.insert(1, 'ins')
d.insert(-1, 'neg')
d.insert(100, 'end')
print(d)
d.clear()
print(d, len(d), bool(d), deque(), deque('xy'))
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(5)
print(m)
m.appendleft(-1)
print(m)
m.extend([7, 8])
print(m, repr(deque(maxlen=0)), deque([1], maxlen=0))
z = deque(maxlen=0)
z.append(1)
print(z, deque('abc', 2))
# growing across the buffer boundary
big = deque()
for i in range(50):
    big.appendleft(i)
    if i % 3 == 0:
        big.pop()
print(list(big)[:5], len(big), big[10], big[-10])
for i in range(20):
    big.popleft()
print(big)
a = deque([1, 2])
b = a.copy()
b.append(3)
print(a, b, a + b, a * 2, 2 * a, a == deque([1, 2]), a < b, a != b, a == [1, 2])
a += [5]
a *= 2
print(a)
r = deque()
r.append(r)
print(r)
t(deque().pop)
t(deque().popleft)
t(d.__getitem__, 5)
t(deque([1]).__getitem__, -2)
t(lambda: deque([1])['a'])
t(deque([1, 2]).remove, 9)
t(deque([1, 2]).index, 9)
t(deque, [], -1)
t(deque, 'ab', 'x')
t(deque, 1)
t(hash, deque())
t(setattr, deque(), 'maxlen', 3)
t(lambda: deque([1]) + [1])
t(lambda: deque([1], 1).insert(0, 2))
t(deque([1]).rotate, 'a')
t(lambda: deque([1]) < [1])
t(deque([1]).extend, 1)
dd = deque([1, 2, 3])
try:
    for x in dd:
        dd.append(x)
except RuntimeError as e:
    print('RuntimeError:', e)
