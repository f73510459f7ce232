# 4 Q3 dict: a hash table.  hash(key) picks the first slot (hash & (size
# - 1)); collisions probe further; the table grows when 2/3 full.  Seen
# from Python: sizes from sys.getsizeof, collisions that stay correct,
# full hashes compared before __eq__, insertion order kept.
import sys

d = {}
sizes = [sys.getsizeof(d)]
points = []
for i in range(200):
    d[i] = None
    s = sys.getsizeof(d)
    if s != sizes[-1]:
        points.append(len(d))
        sizes.append(s)
print(points)
print(sizes)

d = {}
last = sys.getsizeof(d)
points = []
for i in range(100):
    d["k%d" % i] = i
    s = sys.getsizeof(d)
    if s != last:
        points.append((len(d), s))
        last = s
print(points)

print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}))
print(sys.getsizeof(dict.fromkeys(range(10))))
print(sys.getsizeof(dict(zip(range(20), range(20)))))
big = dict.fromkeys(range(100))
for i in range(95):
    del big[i]
print(sys.getsizeof(big), len(big))
big.clear()
print(sys.getsizeof(big))

# small ints hash to themselves; -1 is reserved for errors
print(hash(0), hash(7), hash(8), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61))
print([hash(k) & 7 for k in (0, 8, 16, 24, 32)])
print(hash(1.0) == hash(1), hash(True) == hash(1))

colliding = {k: str(k) for k in (0, 8, 16, 24, 32)}
print(colliding, colliding[32], 40 in colliding)
del colliding[8]
colliding[40] = "40"
print(list(colliding), colliding[16], colliding[40])


class Key:
    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("eq", self.name, other.name)
        return self.name == other.name

    def __repr__(self):
        return self.name


d = {Key("a", 0): 1, Key("b", 8): 2, Key("c", 16): 3}
print(d[Key("c", 16)])
print(d.get(Key("z", 24)))
print(Key("b", 8) in d)
a = next(iter(d))
print(d[a])                        # the same object: identity, no __eq__


# equal objects must have equal hashes; unhashable types refuse
class NoHash:
    __hash__ = None


for bad in ([], {}, set(), NoHash()):
    try:
        {bad: 1}
    except TypeError as e:
        print("TypeError:", e)


class BadHash:
    def __hash__(self):
        return "x"


try:
    {BadHash(): 1}
except TypeError as e:
    print("TypeError:", e)
print(d)
