# __annotations__ of functions (return under 'return'), classes and
# modules; annotated names without a value; class without annotations.
def f(a: int, b: "str" = 'x', *args: float, c: list[int], **kw: dict) -> bool:
    pass

print(f.__annotations__)

class C:
    x: int
    y: str = 'a'
    def m(self) -> None:
        pass

print(C.__annotations__, C.__dict__.get('x', 'no x'), C.y, C.m.__annotations__)
z: float
w: int = 3
print(__annotations__, 'z' in globals())

def g():
    q: int = 1
    r: str
    return q

print(g(), g.__annotations__, (lambda x: x).__annotations__)

class D:
    pass

print(D.__annotations__, '__annotations__' in D.__dict__)
(p): int = 5
obj = C()
obj.attr: int = 4
print(__annotations__, obj.attr, p)

class E(C):
    e: bytes

print(E.__annotations__, C.__annotations__)
f.__annotations__ = {'a': 1}
print(f.__annotations__)
try:
    int.__annotations__
except AttributeError as e:
    print(e)
try:
    int.__annotations__ = {}
except TypeError as e:
    print(e)
D.__annotations__ = {'k': int}
print(D.__annotations__)
del D.__annotations__
try:
    del D.__annotations__
except AttributeError as e:
    print(repr(e))
