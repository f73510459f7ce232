# sys.exc_info() and sys.exception() follow the exception being handled:
# inside except and finally blocks, restored after nested handlers, None
# outside; a replaced sys.excepthook receives the uncaught exception.
import sys

print(sys.exc_info(), sys.exception())
try:
    raise ValueError("outer")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is v.__traceback__, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError as e:
        print(sys.exc_info()[1] is e, repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exc_info())


def gen():
    try:
        raise TypeError("in gen")
    except TypeError:
        yield repr(sys.exception())
        yield repr(sys.exception())


g = gen()
print(next(g), sys.exception())
try:
    raise OSError("around")
except OSError:
    print(next(g))
try:
    1 / 0
finally:
    pass if sys.exception() is None else print("finally sees", repr(sys.exception()))
