# statements: def with every parameter kind, defaults, annotations, returns
def f():
    return
def f(a, b=1, *args, c, d=2, **kwargs):
    return a
def f(a, /, b, *, c):
    pass
def f(a=1, /, b=2, *, c=3, d):
    pass
def f(a: int, b: "str" = "x", *args: tuple, c: int = 0, **kw: dict) -> None:
    pass
def f(*, a):
    pass
def f(a, b, /):
    pass
def f(*args, **kwargs):
    """docstring"""
    return args, kwargs
