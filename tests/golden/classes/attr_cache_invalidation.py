# One attribute site meets many situations in turn; each must see what
# CPython sees, whatever the site learnt before (minipy caches, per code
# object and name, where instances of a class keep an attribute).


class P:
    def __init__(self, x):
        self.x = x


def read(o):
    return o.x


def write(o, v):
    o.x = v


a, b = P(1), P(2)
print(read(a), read(b), read(a))
write(a, 10)
print(read(a), a.__dict__)

# Another insertion order: x sits at another index of the dict.
c = P.__new__(P)
c.y = 0
c.x = 3
print(read(c), read(a), c.__dict__)

# Deleting and re-adding moves the entry.
del a.x
try:
    read(a)
except AttributeError as e:
    print("AttributeError:", e)
a.x = 11
print(read(a), a.__dict__)

# A property added to the class afterwards wins over the instance dict.
P.x = property(lambda self: "prop", lambda self, v: print("set", v))
print(read(a), read(b))
write(a, 5)
print(a.__dict__)
del P.x
print(read(a), read(b))

# A class attribute (not a descriptor) is shadowed by the instance.
P.x = "class"
print(read(a), read(P.__new__(P)))
del P.x

# Replacing the instance __dict__.
a.__dict__ = {"x": "fresh"}
print(read(a))
a.__dict__ = {"z": 1, "x": "moved"}
print(read(a))

# A subclass, then a subclass with a data descriptor.
class Q(P):
    pass


class R(P):
    @property
    def x(self):
        return "R.x"


print(read(Q(7)), read(R.__new__(R)), read(Q(8)))
try:
    write(R.__new__(R), 1)
except AttributeError as e:
    print("AttributeError:", e)

# A base class gaining a data descriptor.
class Base:
    pass


class D(Base):
    def __init__(self):
        self.x = "inst"


d = D()
print(read(d))
Base.x = property(lambda self: "base prop")
print(read(d))
del Base.x
print(read(d))

# Non-instance owners at the same site.
import sys
print(read(type("T", (), {"x": "type attr"})), read(P.__new__(P)) if hasattr(P.__new__(P), "x") else "none")
try:
    read(42)
except AttributeError as e:
    print("AttributeError:", e)
