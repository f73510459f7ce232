# enum: methods, properties, tuple values through __init__, _missing_
from enum import Enum, IntEnum, auto

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass)
print(round(Planet.EARTH.surface_gravity, 2))
print(Planet((3.303e+23, 2.4397e6)))

class Mood(Enum):
    FUNKY = 1
    HAPPY = 3
    def describe(self):
        return self.name, self.value
    def __str__(self):
        return 'my custom str! {0}'.format(self.value)
    @classmethod
    def favorite_mood(cls):
        return cls.HAPPY
print(Mood.FUNKY.describe(), str(Mood.HAPPY), Mood.favorite_mood())

class Lenient(Enum):
    ONE = 1
    TWO = 2
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None
print(Lenient('two'), Lenient(1))
try:
    Lenient(3)
except ValueError as e:
    print('ValueError:', e)

class Number(IntEnum):
    ONE = 1
    TWO = auto()
    THREE = auto()
print(repr(Number.TWO), str(Number.TWO), f'{Number.THREE}')
print(Number.ONE + 1, Number.TWO * 3, Number.THREE == 3, Number(2))
print(sorted([Number.THREE, Number.ONE]), Number.TWO < Number.THREE)
print(isinstance(Number.ONE, int), format(Number.ONE, '03d'), [1, 2, 3][Number.ONE])

class Ordered(Enum):
    LOW = 1
    HIGH = 2
    def __lt__(self, other):
        return self.value < other.value
print(sorted([Ordered.HIGH, Ordered.LOW]))

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value)
Letters = Enum('Letters', [('A', 'a'), ('B', 'b')])
print(Letters('b'))
