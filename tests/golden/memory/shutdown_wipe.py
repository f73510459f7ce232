# shutdown (runtime.c finalize_modules): a module kept alive is wiped, single-underscore names first
import sys


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


sys.keep_main_alive = sys.modules[__name__]
z = D("z")
_y = D("_y")
__w = D("__w")
a = D("a")
_b = D("_b")
print("end")
