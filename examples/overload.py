"""@overload: several signatures for one function.

Course note, section 3.2: np.array([1, 2]) and np.array(1) both return an
ndarray, but many functions return a different type depending on what
they are given.  @overload declares each signature separately, so that a
type checker (mypy) picks the right return type at each call site.  The
overloads are declarations only: the last definition, without @overload,
is the one that runs.  Since Python 3.11, typing.get_overloads(f) returns
the declared signatures at run time.

Run:  build/minipy examples/overload.py
"""
from typing import Union, get_overloads, overload


class Array:
    """A toy ndarray: a shape and flat data."""

    def __init__(self, data, shape):
        self.data, self.shape = data, shape

    def __repr__(self):
        return f"Array({self.data}, shape={self.shape})"


@overload
def array(obj: float) -> Array: ...              # a scalar: 0-d array
@overload
def array(obj: list) -> Array: ...               # a list: 1-d array
@overload
def array(obj: str) -> str: ...                  # (a made-up third case)


def array(obj: Union[float, list, str]) -> Union[Array, str]:
    """The implementation: the only body that runs."""
    if isinstance(obj, str):
        return obj.upper()
    if isinstance(obj, list):
        return Array(list(obj), (len(obj),))
    return Array([obj], ())


print("1. the implementation handles every case")
print("  array([1, 2]) ->", array([1, 2]))
print("  array(1)      ->", array(1))
print("  array('x')    ->", array("x"))

print("2. typing.get_overloads() lists the declared signatures")
for sig in get_overloads(array):
    print(f"  {sig.__name__}{sig.__annotations__}")
print("  array is the implementation:", array.__doc__)

print("3. an @overload-decorated function alone cannot be called")


@overload
def lonely(x: int) -> int: ...


try:
    lonely(1)
except NotImplementedError as e:
    print("  NotImplementedError:", e)

print("4. methods can be overloaded too")


class Scaler:
    @overload
    def scale(self, x: int) -> int: ...
    @overload
    def scale(self, x: list) -> list: ...

    def scale(self, x):
        return [2 * v for v in x] if isinstance(x, list) else 2 * x


print("  Scaler().scale(3)      ->", Scaler().scale(3))
print("  Scaler().scale([1, 2]) ->", Scaler().scale([1, 2]))
print("  overloads of Scaler.scale:", len(get_overloads(Scaler.scale)))
