# @overload: stubs refuse to run; get_overloads lists them in definition
# order; clear_overloads forgets them.
from typing import overload, get_overloads, clear_overloads

@overload
def array(x: int) -> int: ...
@overload
def array(x: list) -> list: ...
def array(x):
    return x

print(array(1), array([1, 2]))
stubs = get_overloads(array)
print(len(stubs), [s.__annotations__ for s in stubs])
try:
    stubs[0](1)
except NotImplementedError as e:
    print('stub ran anyway:', e.__class__.__name__)

@overload
def only(x: int) -> int: ...
try:
    only(1)
except NotImplementedError as e:
    print(e)

class K:
    @overload
    def m(self, x: int) -> int: ...
    @overload
    def m(self, x: str) -> str: ...
    def m(self, x):
        return x * 2
    @overload
    @staticmethod
    def s(x: int) -> int: ...
    @staticmethod
    def s(x):
        return x

print(K().m(2), len(get_overloads(K.m)), K.s(3), len(get_overloads(K.s)))
print(get_overloads(print), get_overloads(lambda: 0))
clear_overloads()
print(get_overloads(array), get_overloads(K.m))
