# list[int] and friends: types.GenericAlias.
import collections
import types

class C:
    pass

def f():
    pass

print(list[int], dict[str, C], tuple[int, ...], tuple[()], type[int])
print(list['int'], list[[int, str]], dict[str, type(f)], list[f])
print(set[int], frozenset[str], collections.deque[int])
print(list[list[dict[str, tuple[int, ...]]]])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, type(a), a.__class__)
print(a.__name__, a.__qualname__, a.__module__, a.append is list.append)
print(a(), a([1, 2]), a((3,)), dict[str, int](x=1))
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]))
print({a: 1}[list[int]], tuple[int] == tuple[(int,)])
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)))
print(types.GenericAlias(list, ()), a.__reduce__())
print(list[int] | None, int | list[int], type(list[int] | None))

class L(list[int]):
    pass

print(L.__mro__, L.__orig_bases__, L([1]))
