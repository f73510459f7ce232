# User generics (Generic[T]), substitution, get_origin/get_args.
from typing import *
T=TypeVar('T')
class Box(Generic[T]):
    pass
print(Box[int], Box[int]().__orig_class__, Box.__parameters__, Box[T].__parameters__)
try: Box[int,str]
except TypeError as e: print(e)
class IntBox(Box[int]): pass
print(IntBox.__orig_bases__, IntBox.__parameters__, IntBox.__mro__)
try:
    class Bad(Generic): pass
except TypeError as e: print(e)
S=TypeVar('S')
try:
    class Bad(Box[T], Generic[S]): pass
except TypeError as e: print(e)
print(Box[List[T]][int], Dict[T, S][int, str])
print(Callable[[int], str] == Callable[[int], str], List[int] == List[int], List[int] is List[int], hash(List[int])==hash(List[int]), Union[int,str]==Union[str,int], Union[int, str] == (int|str))
print(List[int].__origin__, List.__origin__, Union[int,str].__origin__, Optional[int].__args__)
print(isinstance([], List), issubclass(list, List), isinstance(1, Union[int,str]), isinstance(1, Optional[str]))
print(int | T, T | int, List[int] | None, None | List[int], Optional[int] | str)
print(list[T][int], dict[str, T][list[int]], (int | T)[str], list[T] | None)
try: list[T][int, str]
except TypeError as e: print(e)
try: IntBox[int]
except TypeError as e: print(e)
class Pair(Generic[T, S]):
    def __init__(self, a: T, b: S): self.a, self.b = a, b
p = Pair[int, str](1, 'x')
print(p.a, p.b, p.__orig_class__, Pair[int, str].__args__, get_origin(Pair[int, str]), get_args(Pair[int, str]))
print(get_origin(List[int]), get_origin(List), get_args(List), get_origin(int|str), get_args(int|str), get_origin(Annotated[int, 'x']), get_args(Annotated[int, 'x']), get_origin(Generic), get_origin(int), get_args(Dict[str, int]), get_origin(list[int]), get_args(list[int]), get_args(Callable[..., int]))
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], Literal[Literal[1, 2], 3])
print(Annotated[Annotated[int, 1], 2], Annotated[int, 1].__metadata__)
