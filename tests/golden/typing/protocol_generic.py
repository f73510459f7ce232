# Generic protocols and the library's Supports* protocols.
from typing import Protocol, TypeVar, runtime_checkable, SupportsInt, \
    SupportsFloat, SupportsIndex, SupportsAbs, SupportsRound
import typing

T = TypeVar('T')

@runtime_checkable
class Source(Protocol[T]):
    def read(self) -> T: ...

class IntSource:
    def read(self):
        return 1

print(Source.__parameters__, Source[int], isinstance(IntSource(), Source))
print(isinstance(3, SupportsInt), isinstance('3', SupportsInt))
print(isinstance(2.5, SupportsFloat), isinstance(True, SupportsIndex))
print(issubclass(complex, SupportsAbs), issubclass(float, SupportsRound))
print(SupportsAbs[int], SupportsInt.__mro__[1].__name__)
