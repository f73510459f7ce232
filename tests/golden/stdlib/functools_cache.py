# functools.lru_cache and cache: hits, misses, eviction order, typed, cache_clear
from functools import lru_cache, cache

calls = []


@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x


print(sq(2), sq(3), sq(2), sq(4), sq(3), sq(2))
print(calls)
print(sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], type(info).__name__)
print(tuple(info), info._fields)
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info())


@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(20), fact.cache_info(), fact.__name__, fact.__wrapped__.__name__)


@lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(('ident', x))
    return x


calls.clear()
print(ident(1), ident(1.0), ident(True), ident(1))
print(calls, ident.cache_info(), ident.cache_parameters())


@lru_cache(maxsize=0)
def nocache(x):
    return x


print(nocache(1), nocache(1), nocache.cache_info())


@lru_cache()
def kw(a, b=1, **rest):
    return (a, b, sorted(rest.items()))


print(kw(1), kw(1, b=1), kw(a=1), kw(1, c=2), kw.cache_info())
try:
    kw([1])
except TypeError as e:
    print('TypeError:', e)
try:
    lru_cache('x')
except TypeError as e:
    print('TypeError:', e)
print(lru_cache(-5)(lambda: 3).cache_info())


class C:
    @lru_cache
    def method(self, x):
        return (id(self) > 0, x)


print(C().method(5), C.method.cache_info())
