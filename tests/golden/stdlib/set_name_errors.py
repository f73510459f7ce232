# __set_name__ errors: 3.11 wraps them in RuntimeError, caused by the original
from functools import cached_property
cp = cached_property(lambda self: 1)
try:
    class Twice:
        a = cp
        b = cp
except Exception as e:
    print(type(e).__name__ + ':', e)
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, e.__context__ is e.__cause__)
class D:
    def __set_name__(self, owner, name):
        raise ValueError('no ' + name)
class Z:
    d = D()
