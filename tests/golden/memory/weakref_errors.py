# weakref errors (src/objects/weakref.c): objects without a weak reference slot, dead referents
import weakref


class C:
    pass


class I(int):
    pass


class T(tuple):
    pass


for obj in (1, 2.5, "s", b"b", (1,), [], {}, None, True, I(3), T()):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(e)
try:
    weakref.proxy([])
except TypeError as e:
    print(e)
try:
    weakref.ref()
except TypeError as e:
    print(e)
try:
    weakref.ref(C, None, 3)
except TypeError as e:
    print(e)
try:
    weakref.ref(C, callback=None)
except TypeError as e:
    print(e)
try:
    hash(weakref.ref(C()))
except TypeError as e:
    print(e)
p = weakref.proxy(C())
for op in (lambda: p.x, lambda: str(p), lambda: p + 1, lambda: len(p)):
    try:
        op()
    except ReferenceError as e:
        print(type(e).__name__, e)
try:
    hash(weakref.proxy(C))
except TypeError as e:
    print(e)
c = C()
try:
    hash(weakref.proxy(c))
except TypeError as e:
    print(e)
r = weakref.ref(c)
try:
    r(1)
except TypeError as e:
    print(type(e).__name__)
