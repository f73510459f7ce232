# weakref.WeakKeyDictionary (lib/weakref.py): entries go when keys die
import weakref


class K:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "K(%d)" % self.n


a, b, c = K(1), K(2), K(3)
wk = weakref.WeakKeyDictionary()
wk[a] = "a"
wk[b] = "b"
wk[c] = "c"
print(len(wk), wk[a], a in wk, 5 in wk, [] in wk, sorted(wk.values()))
del a
print(len(wk), sorted(k.n for k in wk), wk.get(b), wk.get(K(9), "none"))
for k in wk.keys():
    del c
print(len(wk), list(wk.items()))
print(wk.pop(b), len(wk), wk.setdefault(b, "again"), wk[b])
try:
    wk[K(5)]
except KeyError:
    print("KeyError")
print(repr(wk).startswith("<WeakKeyDictionary at 0x"), len(wk.keyrefs()))
del b
print(len(wk))
