# sys.getrefcount: the object's real reference count plus one for the
# argument (modules/sys.c); containers, locals, attributes and deletion
# move it exactly as in CPython.
import sys


class A:
    pass


x = object()
print(sys.getrefcount(x))
l = [x, x]
print(sys.getrefcount(x))


def f(a):
    return sys.getrefcount(a)


print(f(x))
a = A()
print(sys.getrefcount(a))
a.self = a
print(sys.getrefcount(a))
d = {'k': x, x: 1}
print(sys.getrefcount(x))
t = (x,)
print(sys.getrefcount(x))
del l, d
print(sys.getrefcount(x))
it = iter(t)
print(sys.getrefcount(t))
del it
print(sys.getrefcount(t))
g = (y for y in t)
print(sys.getrefcount(t))
next(g)
del g
print(sys.getrefcount(t), sys.getrefcount(x))
print(sys.getrefcount([]), sys.getrefcount(object()))
for args in ((), (1, 2)):
    try:
        sys.getrefcount(*args)
    except TypeError as e:
        print('TypeError:', e)
