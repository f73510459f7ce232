# Functions: positional, keyword, defaults, *args, **kwargs, keyword-only, positional-only.
def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, d=7))

def g(x, y, /, z):
    return x + y + z

print(g(1, 2, 3), g(1, 2, z=3))

def outer():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

counter = outer()
counter()
counter()
print(counter())

def deco(fn):
    def wrapper(*args):
        return "<" + str(fn(*args)) + ">"
    return wrapper

@deco
def double(v):
    return v * 2

print(double(21))
square = lambda n: n * n
print(square(9), (lambda *a, **k: (a, k))(1, x=2))
print(f.__name__, f.__defaults__, f.__kwdefaults__)
