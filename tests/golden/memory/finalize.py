# weakref.finalize (lib/weakref.py): at death, on call, detach, peek, and at exit (newest first)
import weakref


class K:
    def __init__(self, n):
        self.n = n


def bye(*a, **k):
    print("bye", a, k)
    return "result"


z = K(9)
f = weakref.finalize(z, bye, 1, x=2)
print(f.alive, f.peek()[1:] == (bye, (1,), {"x": 2}), f.atexit)
del z
print(f.alive, f.peek(), f())
z2 = K(10)
f2 = weakref.finalize(z2, bye, "f2")
print(f2.detach()[1:] == (bye, ("f2",), {}), f2.alive, f2.detach())
z3 = K(11)
f3 = weakref.finalize(z3, bye, "called")
print(f3(), f3.alive, f3())
z4 = K(12)
f4 = weakref.finalize(z4, bye, "at exit 1")
z5 = K(13)
f5 = weakref.finalize(z5, bye, "not at exit")
f5.atexit = False
z6 = K(14)
f6 = weakref.finalize(z6, bye, "at exit 2")
print(f4.atexit, f5.atexit, f6.alive)
print(repr(f4).split(";")[1].split(" at ")[0], repr(f).endswith("; dead>"))
print("end")
