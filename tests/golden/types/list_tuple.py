# list and tuple: every method, slicing, errors
from support import t

L = [3, 1, 2]
t(lambda: L[5])
t(lambda: L[-5])
t(lambda: L['a'])
t(lambda: L[1.5:])
t(lambda: L.__setitem__(5, 0))
t(lambda: L.__delitem__(5))
t(lambda: L.index(9))
t(lambda: L.index(1, 2))
t(lambda: L.index(1, 0, 1))
t(lambda: L.index(1, -10, 10))
t(lambda: L.index(1, 'a'))
t(lambda: L.remove(9))
t(lambda: [].pop())
t(lambda: [1].pop(5))
t(lambda: [1].pop('a'))
t(lambda: L.count(1))
t(lambda: L + (1,))
t(lambda: L * 'a')
t(lambda: L < (1,))
t(lambda: [1, 2] < [1, 'a'])
t(lambda: [1, 2] == [1, 'a'])
t(lambda: [1] < [1, 0])
t(lambda: [2] > [1, 9])
t(lambda: [] * -3)
t(lambda: [0] * 3)
x = [1, 2, 3, 4, 5, 6]
t(lambda: x[::2])
t(lambda: x[::-2])
t(lambda: x[5:1:-2])
t(lambda: x[-100:100])
t(lambda: x[::0])
y = list(range(10))
y[2:5] = 'ab'
print(y)
y[::3] = [0, 0, 0, 0]
print(y)
def bad():
    y[::3] = [1, 2]
t(bad)
def bad2():
    y[1:2] = 5
t(bad2)
del y[::2]
print(y)
del y[10:20]
print(y)
y[len(y):] = [7, 8]
print(y)
y[:0] = [0]
print(y)
y[:] = y
print(y)
z = [1, 2, 3]
z[1:1] = z
print(z)
z.extend(z)
print(z)
z += z[:2]
print(z)
z *= 2
print(len(z))
def bad3():
    global z
    z += 1
t(bad3)
z = [5, 3, 1]
z.insert(-1, 'a'); z.insert(100, 'b'); z.insert(-100, 'c')
print(z)
t(lambda: z.insert(0))
t(lambda: z.insert('a', 1))
z.reverse(); print(z)
z.clear(); print(z)
c = [1, [2]]
d = c.copy()
print(d, d is c, d[1] is c[1])
r = [1]
r.append(r)
print(r, repr(r))
q = [r, r]
print(q)
tt = (1, [2])
t(lambda: hash(tt))
t(lambda: hash((1, 2)) == hash((1, 2)))
t(lambda: (1, 2).index(3))
t(lambda: (1, 2).count(2))
t(lambda: (1, 2)[5])
t(lambda: (1, 2) + [3])
t(lambda: (1,) * 3)
e1 = (); t(lambda: e1 is tuple())
t(lambda: tuple('ab'))
t(lambda: tuple(1))
t(lambda: tuple([1], [2]))
t(lambda: tuple(x=1))
t(lambda: list(1))
t(lambda: list('ab', 'c'))
t(lambda: (1, 2) < (1, 2, 0))
t(lambda: (1, 'a') < (1, 2))
t(lambda: ((1,),))
t(lambda: (1,))
t(lambda: tt.__getitem__(slice(None, None, -1)))
t(lambda: [1, 2, 3].__reversed__().__next__())
t(lambda: list(reversed((1, 2, 3))))
t(lambda: sorted([3, 1, 2], reverse=True))
t(lambda: sorted(['b', 'A', 'c'], key=str.lower))
t(lambda: sorted([1, 'a']))
t(lambda: sorted([1, 2], key=1))
t(lambda: sorted())
t(lambda: sorted([1], [2]))
t(lambda: sorted([(1, 'b'), (0, 'a'), (1, 'a')], key=lambda p: p[0]))
s = [5, 1, 4]
def mut(v):
    s.append(v)
    return v
t(lambda: s.sort(key=mut))
print(s)
t(lambda: [3, 1].sort(key=lambda v: 1 / 0))
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return 'K(%d)' % self.v
t(lambda: sorted([K(2), K(1), K(3)]))
t(lambda: max([K(2), K(1), K(3)]))
t(lambda: [1, 2, 3].__contains__(2))
t(lambda: [1, 2] * True)
t(lambda: list.__new__(list) )
t(lambda: [].__init__([1, 2]))
w = [1, 2]
w.__init__([3])
print(w)
t(lambda: [1, 2, 3, 2].index(2, -2))
t(lambda: [1, 2, 3].pop(-1))
t(lambda: len([1] * 5))
t(lambda: [float('nan')] == [float('nan')])
nan = float('nan')
t(lambda: [nan] == [nan])
t(lambda: nan in [nan])
t(lambda: [1, 2].__iadd__((3,)))
t(lambda: [1, 2].__imul__(0))
