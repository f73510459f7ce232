"""Why dict access is O(1): a hash table with open addressing.

Course note, section 4, Q3:
  * hash(key) gives an integer;
  * the first slot tried is hash & (size - 1) (size is a power of two);
  * on a collision, other slots are probed in a fixed sequence;
  * when the table is 2/3 full, it grows (to the next power of two at
    least 3 times the number of items: in practice, it doubles).

Part 1 watches the resize points from outside, with sys.getsizeof.  Part 2
computes probe sequences, in Python, for three schemes: the note's
i + 1, i + 4, i + 9 ... (quadratic), the triangular i + 1, i + 3, i + 6 ...
that minipy's dicts use, and CPython's perturbation.  Part 3 shows that a
real dict, whichever scheme it uses, stays correct under collisions and
compares full hashes before calling __eq__.

Run:  build/minipy examples/dict_probing.py
"""
import sys

print("1. resize points: sys.getsizeof(d) while inserting int keys")
d = {}
last = sys.getsizeof(d)
print(f"  empty dict: {last} bytes (no table yet)")
for i in range(100):
    d[i] = i
    size = sys.getsizeof(d)
    if size != last:
        print(f"  inserting item {len(d):3}: {last:5} -> {size:5} bytes")
        last = size
print("  the table grows at 1, 6, 11, 22, 43, 86 items: 8 slots hold 5,")
print("  16 hold 10, 32 hold 21 ... (2/3 of the slots), then it doubles")

print("2. probe sequences in a table of 8 slots, for a key whose hash is 0")
SIZE = 8
MASK = SIZE - 1


def quadratic(h, n):                    # the note: i, i+1, i+4, i+9, ...
    i = h & MASK
    return [(i + k * k) & MASK for k in range(n)]


def triangular(h, n):                   # minipy: i, i+1, i+3, i+6, ...
    i, seq = h & MASK, []
    for k in range(n):
        seq.append(i)
        i = (i + k + 1) & MASK
    return seq


def perturbation(h, n):                 # CPython: i = 5*i + 1 + perturb
    perturb = h
    i, seq = h & MASK, []
    for _ in range(n):
        seq.append(i)
        perturb >>= 5
        i = (i * 5 + perturb + 1) & MASK
    return seq


for name, probe in (("quadratic (note)", quadratic),
                    ("triangular (minipy)", triangular),
                    ("perturbation (CPython)", perturbation)):
    seq = probe(0, SIZE)
    print(f"  {name:23} {seq}  visits {len(set(seq))} of {SIZE} slots")
print("  squares mod 8 reach only slots 0, 1, 4: a full probe could cycle")
print("  forever, so real tables use triangular numbers or perturbation")
print("  perturbation feeds in the high bits: hash 1000 ->",
      perturbation(1000, SIZE))

print("3. collisions in a real dict")
keys = [0, 8, 16, 24]                   # hash(n) == n: all start at slot 0
print("  hash & 7 of", keys, "=", [hash(k) & MASK for k in keys])
d = {k: str(k) for k in keys}
print("  d =", d, "(insertion order, whatever the slots)")
print("  d[24] =", d[24], " 32 in d:", 32 in d)


class Key:
    """A key with a chosen hash, announcing every __eq__ call."""

    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print(f"    __eq__({self.name}, {other.name})")
        return self.name == other.name


d = {Key("a", 0): 1, Key("b", 8): 2, Key("c", 16): 3}
print("  looking up Key('c', 16): the probe passes a and b (other hashes),")
print("  comparing only their stored hashes; __eq__ runs for c alone:")
print("  ->", d[Key("c", 16)])
print("  looking up Key('z', 24): no stored hash matches, no __eq__ at all:")
print("  ->", d.get(Key("z", 24)))
