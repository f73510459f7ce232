# Type variables inside X | Y.
from typing import TypeVar

T = TypeVar('T')
S = TypeVar('S')

u = int | list[T]
print(u, u.__parameters__, u[str], (T | None) if False else None)
v = list[T] | dict[S, T]
print(v.__parameters__, v[int, str])
try:
    u[int, str]
except TypeError as e:
    print(e)
