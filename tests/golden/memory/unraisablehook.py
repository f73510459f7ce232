# sys.unraisablehook (modules/sys_memory.c): replaceable; UnraisableHookArgs; a failing hook is reported
import sys
import weakref

print(sys.unraisablehook is sys.__unraisablehook__)


def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, type(u.exc_traceback).__name__, u.err_msg)
    print("object:", getattr(u.object, "__qualname__", u.object))


sys.unraisablehook = hook


class C:
    def __del__(self):
        raise ValueError("boom")


c = C()
del c


class W:
    pass


w = W()


def cb(r):
    raise KeyError("cb")


r = weakref.ref(w, cb)
del w


def hook2(u):
    raise TypeError("hook failed")


sys.unraisablehook = hook2
C()
sys.unraisablehook = sys.__unraisablehook__
C()
print("end")
