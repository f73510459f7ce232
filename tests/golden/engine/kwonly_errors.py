# Call errors for keyword-only parameters and for too many positional arguments with defaults.
def f(a, *, key):
    return a, key
def g(a, b=1):
    return a, b
def h(*, x, y=2, z):
    return x, y, z
def m(a, b, c=3, *, d):
    return a
calls = [lambda: f(1), lambda: f(1, 2), lambda: f(1, key=2, other=3),
         lambda: g(1, 2, 3), lambda: g(), lambda: h(), lambda: h(y=1),
         lambda: m(1), lambda: m(1, 2, 3, 4), lambda: g(1, a=2),
         lambda: h(1, x=1, z=2), lambda: f(key=1)]
for c in calls:
    try:
        print(c())
    except TypeError as e:
        print(e)
print(f(1, key=2), h(z=3, x=1))
