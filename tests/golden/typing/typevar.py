# TypeVar: reprs, attributes, variance, bounds, constraints, errors.
from typing import TypeVar, Union, List, Generic
import typing

T = TypeVar('T')
B = TypeVar('B', bound=int)
C = TypeVar('C', int, str)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
print(T, B, C, Co, Contra, typing.AnyStr, typing.T_co)
print(T.__name__, T.__module__, B.__bound__, C.__constraints__)
print(Co.__covariant__, Co.__contravariant__, Contra.__contravariant__)
print(T.__bound__, T.__constraints__, TypeVar('F', bound='Fwd').__bound__)
print(T | int, int | T, T | None, Union[T, int] == (T | int))
print(T == T, T == TypeVar('T'), {T: 1}[T])
for bad in (lambda: TypeVar('X', int), lambda: TypeVar('X', int, bound=str),
            lambda: TypeVar('X', covariant=True, contravariant=True),
            lambda: TypeVar('X', (int, str), str)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    class Sub(T):
        pass
except TypeError as e:
    print('subclass:', e)
print(isinstance(T, TypeVar), List[T].__parameters__, List[B][bool])
