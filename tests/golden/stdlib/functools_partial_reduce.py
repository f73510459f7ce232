# functools.partial, reduce, wraps/update_wrapper
import functools
from functools import partial, reduce, wraps, update_wrapper


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


def f(a, b, c=3, *, d=4):
    return (a, b, c, d)


p = partial(f, 1)
print(p(2), p(2, 5, d=6), p.func is f, p.args, p.keywords)
print(repr(p))
q = partial(p, 2, d=9)
print(q(), q.func is f, q.args, q.keywords)
print(repr(q))
print(repr(partial(f, d=1)), repr(partial(len)))
print(partial(f, 1, 2, d=0)(d=7))
basetwo = partial(int, base=2)
print(basetwo('1010'), basetwo('11', base=3))
t(partial)
t(partial, 1)
t(partial(f), 1)


class MyPartial(partial):
    pass


mp = MyPartial(f, 1)
print(type(mp).__name__, mp(2), repr(mp).startswith('MyPartial(<function f'))
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(max, [3], 0), reduce(lambda a, b: a, [], 'init'), reduce(lambda a, b: a + b, 'abc'))
t(reduce, lambda a, b: a, [])
t(reduce, lambda a, b: a, 1)
t(reduce, lambda a, b: a + b, [1, 'a'])


def deco(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        'wrapper doc'
        return fn(*args, **kwargs)
    return wrapper


@deco
def greet(name: str) -> str:
    'Say hello.'
    return 'hi ' + name


greet.extra = 1
print(greet('bob'), greet.__name__, greet.__doc__, greet.__qualname__, greet.__module__)
print(greet.__annotations__, greet.__wrapped__.__name__, greet.__wrapped__('x'))


def inner():
    pass


inner.attr = 'copied'


def outer():
    'outer doc'


r = update_wrapper(outer, inner)
print(r is outer, outer.__name__, outer.__doc__, outer.attr, outer.__wrapped__ is inner)


class NoName:
    pass


def w():
    pass


update_wrapper(w, NoName())
print(w.__name__, w.__wrapped__.__class__.__name__)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
t(reduce, len)
t(reduce, len, 1, 2, 3)
t(reduce, len, [], initial=1)
print(reduce(lambda a, b: a - b, [10, 1, 2], 0))
