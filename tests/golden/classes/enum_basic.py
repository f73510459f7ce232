# enum: members, reprs, lookup by value and name, aliases, iteration
from enum import Enum, auto, unique

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1          # an alias of RED

print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value)
print(Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color))
print([m.name for m in reversed(Color)])
print(list(Color.__members__))
print(type(Color.__members__).__name__)
print(repr(Color), type(Color).__name__, type(Color.RED) is Color)
print(isinstance(Color.RED, Color), Color.RED in Color)
print(Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN)
print(hash(Color.RED) == hash(Color.CRIMSON))
print(f'{Color.GREEN}', format(Color.GREEN), str(Color.BLUE))
print({Color.RED: 'r'}[Color.CRIMSON])
try:
    Color(7)
except ValueError as e:
    print('ValueError:', e)
try:
    Color['PURPLE']
except KeyError as e:
    print('KeyError:', e)
try:
    Color.PURPLE
except AttributeError as e:
    print('AttributeError:', e)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError:', e)
try:
    del Color.GREEN
except AttributeError as e:
    print('AttributeError:', e)
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print('TypeError:', e)

class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    LINE = 10
    POINT = auto()
print([(s.name, s.value) for s in Shape])

try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print('TypeError:', e)

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e:
    print('ValueError:', e)

@unique
class Fine(Enum):
    X = 'x'
    Y = 'y'
print(Fine('y'), Fine.X.value)

try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print('TypeError:', e)
