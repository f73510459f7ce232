# The message of an overload stub, compared whole.
from typing import overload

@overload
def f(x: int) -> int: ...

print(f.__name__, f.__qualname__)
try:
    f(1)
except NotImplementedError as e:
    print(type(e).__name__, str(e) == (
        "You should not call an overloaded function. A series of "
        "@overload-decorated functions outside a stub module should "
        "always be followed by an implementation that is not "
        "@overload-ed."))
