# Type variables in a GenericAlias: __parameters__ and substitution.
from typing import TypeVar, List

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')

print(list[T], list[T].__parameters__, dict[K, V].__parameters__)
print(list[T][int], dict[str, T][list[int]], dict[K, list[V]][str, int])
print(dict[T, T][int], dict[T, T].__parameters__)
print(list[List[T]][int], list[List[T]].__parameters__)
print(tuple[T, ...][str], type[T][int])
for bad in (lambda: list[T][int, str], lambda: dict[K, V][int]):
    try:
        bad()
    except TypeError as e:
        print(e)
