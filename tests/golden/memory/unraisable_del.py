# "Exception ignored in" (errors.c MpErr_WriteUnraisable): an exception in __del__ is reported, the program goes on
class C:
    def __init__(self, fail):
        self.fail = fail

    def __del__(self):
        if self.fail:
            raise ValueError("from __del__")
        print("clean __del__")


c = C(True)
del c
print("continues")
C(False)


class Half:
    def __init__(self):
        raise RuntimeError("init failed")

    def __del__(self):
        print("__del__ of the half-built object")
        raise KeyError("k")


try:
    Half()
except RuntimeError as e:
    print("caught", e)
print("end")
