# globals(), locals(), vars(), dir() (evalbuiltins.c) and the __dir__ methods.
import sys

print(globals() is sys.modules[__name__].__dict__)
print(locals() is globals())

def f(a, b=2, *args, **kw):
    c = 3
    snap = locals()
    print(sorted(snap.items()))
    d = 4
    print("d" in snap, sorted(locals()))
    print(dir())
    return vars()

print(sorted(f(1)))

def outer():
    x = 1
    def inner():
        return sorted(locals().items())
    print(inner())
    y = 2
    return x + y
outer()

class A:
    cls_attr = 1
    def meth(self):
        pass

class B(A):
    other = 2
    def __init__(self):
        self.inst = 3

names = lambda seq: [n for n in seq if not n.startswith("__")]
print(names(dir(B())))
print(names(dir(B)))
print(dir(B()) == sorted(set(dir(B()))))
print("__class__" in dir(B()), "__dict__" in dir(B), "mro" in dir(type))
print(vars(B()))

class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))

class DirTuple:
    def __dir__(self):
        return ("b", "a")
print(dir(DirTuple()))

class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(e)

print([n for n in dir(sys) if n in ("argv", "path", "modules")])
print(names(dir(3))[:4])
print(names(dir("")) == names(dir(str)))
print(names(dir([]))[:5])

class Meta(type):
    meta_attr = 1
class WithMeta(metaclass=Meta):
    pass
print("meta_attr" in dir(WithMeta), "meta_attr" in dir(Meta))

for bad in [(1,), (1, 2)]:
    try:
        vars(*bad)
    except TypeError as e:
        print(e)
try:
    dir(1, 2)
except TypeError as e:
    print(e)
try:
    locals(1)
except TypeError as e:
    print(e)
try:
    globals(1)
except TypeError as e:
    print(e)

# object.__dir__ and type.__dir__ can be called directly
print(names(object.__dir__(B())))
print(names(type.__dir__(B)))
