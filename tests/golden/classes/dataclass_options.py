# dataclasses: order, frozen, unsafe_hash, __post_init__, InitVar, KW_ONLY, inheritance
from dataclasses import dataclass, field, FrozenInstanceError, InitVar, KW_ONLY, fields

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
print(sorted([Version(1, 2), Version(0, 9), Version(1, 0)]))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < (1, 0)
except TypeError as e:
    print('TypeError:', e)

@dataclass(frozen=True)
class Frozen:
    x: int
    y: int = 2
f = Frozen(1)
print(f, hash(f) == hash(Frozen(1, 2)), {f: 'v'}[Frozen(1)])
try:
    f.x = 5
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e, isinstance(e, AttributeError))
try:
    del f.y
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)
try:
    f.z = 1
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)

@dataclass(unsafe_hash=True)
class Hashable:
    a: int
    b: int = field(hash=False)
print(hash(Hashable(1, 2)) == hash(Hashable(1, 3)))

@dataclass
class Unhashable:
    a: int
try:
    hash(Unhashable(1))
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Celsius:
    degrees: float
    kelvin: float = field(init=False)
    def __post_init__(self):
        self.kelvin = self.degrees + 273.15
print(Celsius(10))

@dataclass
class WithInitVar:
    value: int
    scale: InitVar[int] = 1
    def __post_init__(self, scale):
        self.value *= scale
print(WithInitVar(3, 4), [f.name for f in fields(WithInitVar)])

@dataclass
class Options:
    name: str
    _: KW_ONLY
    verbose: bool = False
    level: int = 1
print(Options('o', level=3))
try:
    Options('o', True)
except TypeError as e:
    print('TypeError:', e)

@dataclass(kw_only=True)
class AllKw:
    a: int
    b: int = 2
print(AllKw(a=1))
try:
    AllKw()
except TypeError as e:
    print('TypeError:', e)

@dataclass
class Base:
    x: int
    y: int = 1
@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10
print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])

@dataclass
class Custom:
    a: int
    def __repr__(self):
        return 'custom!'
print(repr(Custom(1)), Custom(1) == Custom(1))

@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) != 0)

try:
    @dataclass(frozen=True)
    class FrozenChild(Base):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass(order=True, eq=False)
    class Odd:
        a: int
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass(order=True)
    class HasLt:
        a: int
        def __lt__(self, other):
            return True
except TypeError as e:
    print('TypeError:', e)
