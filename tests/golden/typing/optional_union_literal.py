# Union flattening and deduplication, Optional, Literal, Annotated, and how
# they mix with X | Y.
from typing import Union, Optional, Literal, Annotated, List, Any
import typing

print(Union[int, Union[str, bytes]], Union[int, int], Union[int, str, int])
print(Union[int, None] == Optional[int], Optional[Union[int, str]])
print(Union[int, str].__args__, Optional[int].__args__, Union[int, None, str])
print(Union[int | str, bytes], Union[int, list[int]], Optional[int] | str)
print(int | Optional[str], Union[int, str] | None, Literal[1] | None)
print(Union[int, str] == Union[str, int], hash(Union[int, str]) == hash(Union[str, int]))
print(isinstance(1, Union[int, str]), isinstance(None, Optional[int]), issubclass(bool, Union[str, int]))
try:
    isinstance([], Union[int, List[int]])
except TypeError as e:
    print(e)
print(Literal['a', 'b'], Literal[1, 1, 2], Literal[True, 1], Literal[Literal[1], 2])
print(Literal[1] == Literal[1], Literal[1, 2] == Literal[2, 1], Literal[0] == Literal[False])
print(Annotated[int, 'x'], Annotated[List[int], 1, 2].__metadata__)
print(Annotated[Annotated[int, 1], 2], Annotated[int, 'x'] == Annotated[int, 'x'])
print(Annotated[int, 'm'].__origin__, Annotated[int, 1] | None)
print(Any | int, Union[Any, int], typing.Never, typing.NoReturn)
for bad in (lambda: Union[int, 'x'](), lambda: Optional[int](),
            lambda: Literal(), lambda: Annotated(), lambda: Union[int, 'x'][int]):
    try:
        bad()
    except TypeError as e:
        print(e)
try:
    class U(Union):
        pass
except TypeError as e:
    print(e)
try:
    class U2(Union[int, str]):
        pass
except TypeError as e:
    print(e)
try:
    class AnyChild(Any):
        pass
    print(AnyChild(), AnyChild.__mro__)
except TypeError as e:
    print(e)
print(Literal[1, 2], Literal[True, 2], Literal[(1, True)], Literal[(True, 1)])
