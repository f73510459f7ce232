# 3.2 @overload: several signatures for one function, for type checkers;
# only the undecorated last definition runs; typing.get_overloads()
# returns the declarations (3.11).
from typing import overload, get_overloads, clear_overloads, Union


@overload
def array(x: int) -> list: ...
@overload
def array(x: list) -> list: ...


def array(x: Union[int, list]) -> list:
    return [x] if isinstance(x, int) else list(x)


print(array(1), array([1, 2]))
ovs = get_overloads(array)
print(len(ovs), [o.__annotations__ for o in ovs])
print(all(o is not array for o in ovs), ovs[0].__name__, ovs[0].__qualname__)
print(array.__annotations__)


@overload
def alone(x: int) -> int: ...


try:
    alone(1)
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(len(get_overloads(alone)))


def never_overloaded(x):
    return x


print(get_overloads(never_overloaded))


class C:
    @overload
    def m(self, x: int) -> int: ...
    @overload
    def m(self, x: str) -> str: ...

    def m(self, x):
        return x * 2

    @overload
    @staticmethod
    def s(x: int) -> int: ...
    @overload
    @staticmethod
    def s(x: str) -> str: ...

    @staticmethod
    def s(x):
        return x


print(C().m(2), C().m("ab"), len(get_overloads(C.m)), C.s(5))
print([o.__qualname__ for o in get_overloads(C.m)])

clear_overloads()
print(get_overloads(array), get_overloads(C.m))


@overload
def later(x: int) -> int: ...
def later(x):
    return -x


print(later(3), len(get_overloads(later)))
