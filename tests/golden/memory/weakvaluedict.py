# weakref.WeakValueDictionary (lib/weakref.py): entries go when values die; iteration defers removals
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K(%d)" % self.n


objs = [K(i) for i in range(5)]
d = weakref.WeakValueDictionary()
for i, o in enumerate(objs):
    d[i] = o
print(len(d), sorted(d.keys()), d[2], 3 in d, d.get(9, "no"))
del objs[1]
print(len(d), sorted(d.keys()), 1 in d)
try:
    d[1]
except KeyError as e:
    print("KeyError", e)
print(sorted(v.n for v in d.values()), sorted(k for k, v in d.items()))
print(d.pop(0), len(d), d.setdefault(7, objs[0]), len(d))
try:
    d.pop(100)
except KeyError as e:
    print("KeyError", e)
print(d.pop(100, "dflt"))
objs.clear()
print(len(d), list(d.items()))
vals = [K(i) for i in range(4)]
wd = weakref.WeakValueDictionary(enumerate(vals))
for k in wd.keys():
    if k == 0:
        del vals[2:]
print(len(wd), sorted(wd))
c = wd.copy()
print(type(c).__name__, sorted(c.items(), key=lambda kv: kv[0]))
wd.update({10: vals[0]}, x=vals[1])
print(len(wd), wd[10], wd["x"], len(wd.valuerefs()))
del wd[10]
print(10 in wd, repr(wd).startswith("<WeakValueDictionary at 0x"))
wd.clear()
print(len(wd))
