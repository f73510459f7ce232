# which objects have a weak reference slot (tp_weaklistoffset): each dies and calls back
import gc
import sys
import weakref

died = []


def note(name):
    return lambda r: died.append(name)


class C:
    def m(self):
        pass


def gen():
    yield 1


def func():
    pass


objs = {
    "set": {1, 2},
    "frozenset": frozenset([3]),
    "function": lambda: None,
    "instance": C(),
    "bound method": C().m,
    "generator": gen(),
    "code": func.__code__,
    "builtin method": [].append,
    "class": type("Dyn", (), {}),
}
refs = [weakref.ref(o, note(name)) for name, o in objs.items()]
print(all(r() is objs[n] for r, n in zip(refs, objs)))
for name in list(objs):
    del objs[name]
func.__code__ = (lambda: None).__code__
gc.collect()
print(died)
print(weakref.ref(sys)() is sys, weakref.ref(int)() is int, weakref.ref(C)() is C)
