# weakref.WeakSet (lib/weakref.py): members go when they die; set operations
import weakref


class K:
    def __init__(self, n):
        self.n = n


x, y, z = K(1), K(2), K(3)
ws = weakref.WeakSet([x, y])
ws.add(x)
print(len(ws), x in ws, z in ws, 3 in ws)
del x
print(len(ws), [o.n for o in ws])
ws.add(z)
other = weakref.WeakSet([z])
print(other <= ws, ws >= other, other < ws, len(ws | other), len(ws & other), len(ws - other))
print([o.n for o in ws - other], [o.n for o in ws ^ other])
ws.discard(y)
ws.discard(K(7))
print(len(ws), ws == other, ws != other)
try:
    ws.remove(K(8))
except KeyError:
    print("KeyError")
print(ws.pop().n, len(ws))
try:
    ws.pop()
except KeyError as e:
    print(e)
try:
    hash(ws)
except TypeError as e:
    print(e)
