# shutdown (runtime.c MpRuntime_Fini): atexit, a collection, modules removed in order, then the cycles
import atexit
import gc


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


b = D("b")
_a = D("_a")
c = D("c")
a = D("a")
__x = D("__x")
lst = [D("in list")]
x = D("cycle")
x.self = x


def f(d=D("default")):
    pass


atexit.register(lambda: print("atexit 1"))
atexit.register(lambda: print("atexit 2"))
import shutdown_mods.mod1
print("end")
