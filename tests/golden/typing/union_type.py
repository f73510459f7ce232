# int | str: types.UnionType.
import types

print(int | str, int | None, None | int, type(None) | int)
print(int | str | None, int | list[int] | None, (int | str) | (bytes | int))
u = int | str
print(u.__args__, u.__parameters__, type(u), u.__module__, type(u).__name__)
print(int | int, (int | int) is int, str | str | str)
print(u == (str | int), u == (int | str | int), u != (int | bytes))
print(hash(u) == hash(str | int), {u: 1}[str | int])
print(isinstance(1, u), isinstance('a', u), isinstance(1.0, u))
print(isinstance(None, int | None), issubclass(bool, int | str))
print(issubclass(float, int | str), isinstance([], list | dict))
print(list[int] | list[int], list[int] | list[str])

class Meta(type):
    pass

class A(metaclass=Meta):
    pass

print(A | int, int | A, type.__or__(int, str), type.__ror__(int, str))
print(type.__or__(int, 3))
