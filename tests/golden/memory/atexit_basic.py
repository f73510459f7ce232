# atexit (modules/atexit.c): last registered first, arguments, unregister, errors reported and skipped
import atexit


def hello(name, punct="!"):
    print("hello", name + punct)


def boom():
    raise ValueError("in atexit")


print(atexit.register(hello, "first") is hello)
atexit.register(boom)
atexit.register(hello, "second", punct="?")


@atexit.register
def decorated():
    print("decorated")


def removed():
    print("never")


atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)
print("registered")
try:
    atexit.register(1)
except TypeError as e:
    print(e)
try:
    atexit.register()
except TypeError as e:
    print(e)
print("end of script")
