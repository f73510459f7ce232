# dict.items() iteration reuses its (key, value) pair once the loop has
# dropped it, as CPython does: kept pairs stay intact, finalizers of
# replaced values run when the dict lets go, tracking is restored.
import gc
d = {1: 'a', 2: [3], 'x': (4,)}
kept = []
for p in d.items():
    kept.append(p)
print(kept)
for k, v in d.items():
    print(k, v, end='; ')
print()
it = iter(d.items())
a = next(it); b = next(it)
print(a, b, a is b)
del a
c = next(it)
print(b, c, gc.is_tracked(c))
class D:
    def __del__(self): print('del', self.n)
    def __init__(self, n): self.n = n
e = {i: D(i) for i in range(3)}
for k, v in e.items():
    pass
print('loop done')
del v
e.clear()
print('cleared')
l = list({1: 2, 3: 4}.items()); print(l, l[0] is l[1])
print([gc.is_tracked(t) for t in {1: [], 2: 3}.items()])
