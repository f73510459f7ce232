# __annotations__ and __doc__ of functions and classes.
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    "Return whether a is truthy."
    return bool(a)
print(f.__annotations__)
print(f.__doc__)
def g():
    pass
print(g.__annotations__, g.__doc__)
def h():
    """Multi
    line."""
    x = 1
print(repr(h.__doc__))
class C:
    """A class."""
    n: int = 3
    m: str
    def meth(self) -> None:
        "meth doc"
print(C.__doc__, C.__annotations__, C.meth.__doc__, C.meth.__annotations__)
def not_doc():
    x = 1
    "not a docstring"
print(not_doc.__doc__)
