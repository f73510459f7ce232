# enum: Flag and IntFlag combine members with bitwise operators
from enum import Flag, IntFlag, auto

class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value)
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
print(repr(Perm.R & Perm.X), repr(~Perm.R), list(Perm))
print(list(rw), len(rw))
print(Perm(6) is rw, Perm(5))
try:
    Perm(8)
except ValueError as e:
    print('ValueError:', e)

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
print([(c.name, c.value) for c in Color])
print(repr(Color.RED | Color.BLUE), repr(Color))

class IPerm(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(IPerm.R | IPerm.W), str(IPerm.R | IPerm.W), IPerm.R | 1)
print(IPerm.R + 1, IPerm.R == 4, isinstance(IPerm.W, int), format(IPerm.X))
print(repr(IPerm(7)))
