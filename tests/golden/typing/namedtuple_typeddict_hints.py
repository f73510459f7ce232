# NamedTuple, TypedDict, NewType, cast, no_type_check, get_type_hints.
from typing import *
import typing
class P(NamedTuple):
    x: int
    y: str = 'a'
    def show(self): return f'{self.x}-{self.y}'
p = P(1)
print(p, p.show(), P.__annotations__, P._fields, P._field_defaults, P.__mro__, isinstance(p, tuple))
Q = NamedTuple('Q', [('a', int), ('b', float)])
print(Q(1, 2.0), Q.__annotations__, Q.__module__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e: print(e)
try:
    class Bad2(NamedTuple):
        x: int
        _fields = 1
except AttributeError as e: print(e)
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1)
print(m, type(m), Movie.__annotations__, sorted(Movie.__required_keys__), Movie.__optional_keys__, Movie.__total__, Movie.__mro__)
class Partial(Movie, total=False):
    rating: float
print(sorted(Partial.__required_keys__), sorted(Partial.__optional_keys__), Partial.__total__)
try: isinstance(m, Movie)
except TypeError as e: print(e)
M2 = TypedDict('M2', {'a': int}, total=False)
print(M2(a=1), M2.__optional_keys__, M2.__module__, is_typeddict(M2), is_typeddict(dict))
UserId = NewType('UserId', int)
print(UserId, UserId(5), UserId.__supertype__, UserId.__name__, UserId | None)
try:
    class Sub(UserId): pass
except TypeError as e: print(e)
print(cast(int, 'x'), cast('int', 1), TYPE_CHECKING)
@no_type_check
def f(a: int) -> str: pass
print(f.__no_type_check__, get_type_hints(f))
class A:
    x: int
    y: 'List[int]'
    z: 'A'
class B(A):
    w: Optional['B'] = None
def g(a: 'int', b: 'A' = None, c: None = None) -> 'List[A]': pass
print(get_type_hints(B), get_type_hints(g))
print(get_type_hints(typing.NamedTuple) if 0 else 0)
def h(x: Annotated[int, 'meta'], y: list['int']) -> None: pass
print(get_type_hints(h), get_type_hints(h, include_extras=True))
import sys
v: int = 3
print(get_type_hints(sys.modules[__name__]))
print(final(A) is A, A.__final__)
try: get_type_hints(3)
except TypeError as e: print(e)
try: assert_never(3)
except AssertionError as e: print(e)
print(typing.ForwardRef('int'), ForwardRef('x') == ForwardRef('x'))
try: ForwardRef('1 +')
except SyntaxError as e: print('SE', e)
except TypeError as e: print('TE', e)
