# 1.2 The __del__ trap: when __init__ raises, the half-built object is
# still freed (when the exception that references its frame goes), and its
# __del__ runs on attributes that were never set.  An exception in __del__
# is reported as "Exception ignored in" on stderr and otherwise ignored.
import sys


class Conn:
    def __init__(self, ok):
        print("init", ok)
        if not ok:
            raise ConnectionError("refused")
        self.sock = "socket"

    def __del__(self):
        print("closing", self.sock)


c = Conn(True)
del c
try:
    Conn(False)
except ConnectionError as e:
    print("caught", e)
    sys.stdout.flush()
sys.stderr.flush()
print("after")

# __new__ ran, __init__ did not finish: the object existed all along
seen = []


class Tracked:
    def __init__(self):
        seen.append(self)
        raise ValueError("half-built")

    def __del__(self):
        print("del Tracked, has attr x:", hasattr(self, "x"))


try:
    Tracked()
except ValueError:
    pass
print("still referenced:", len(seen))
seen.clear()
print("cleared")


# the fix
class Safe:
    def __init__(self, ok):
        self.sock = None
        if not ok:
            raise ConnectionError("refused")
        self.sock = "socket"

    def __del__(self):
        if self.sock is not None:
            print("closing", self.sock)
        else:
            print("nothing to close")


for ok in (True, False):
    try:
        Safe(ok)
    except ConnectionError as e:
        print("caught", e)


# __del__ raising other exceptions: reported, never propagated
class Loud:
    def __del__(self):
        raise RuntimeError("in __del__")


Loud()
sys.stderr.flush()
print("survived")
x = Loud()
del x
sys.stderr.flush()
print("end")
