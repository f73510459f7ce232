# abc: ABCMeta collects __abstractmethods__; object.__new__ refuses them
from abc import ABC, ABCMeta, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'

print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print('TypeError:', e)

class Half(Shape):
    def area(self):
        return 1
try:
    Half()
except TypeError as e:
    print('TypeError:', e)

class Square(Half):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def perimeter(self):
        return 4 * self.side

s = Square(3)
print(s.describe(), s.perimeter(), Square.__abstractmethods__)
print(isinstance(s, Shape), issubclass(Square, Shape), type(Shape).__name__)

class WithProps(metaclass=ABCMeta):
    @property
    @abstractmethod
    def name(self):
        ...
    @classmethod
    @abstractmethod
    def make(cls):
        ...
    @staticmethod
    @abstractmethod
    def helper():
        ...
try:
    WithProps()
except TypeError as e:
    print('TypeError:', e)

class Concrete(WithProps):
    name = 'c'
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def helper():
        return 'help'
print(Concrete.make().name, Concrete.helper())

# abstract methods with an implementation reachable through super()
class Base(ABC):
    @abstractmethod
    def greet(self):
        return 'base greeting'
class Impl(Base):
    def greet(self):
        return 'impl + ' + super().greet()
print(Impl().greet())

# __abstractmethods__ set by hand is enforced the same way
class Manual:
    pass
Manual.__abstractmethods__ = frozenset({'x', 'y'})
try:
    Manual()
except TypeError as e:
    print('TypeError:', e)
del Manual.__abstractmethods__
print(type(Manual()).__name__)
try:
    int.__abstractmethods__
except AttributeError as e:
    print('AttributeError:', e)
try:
    Manual.__abstractmethods__
except AttributeError as e:
    print('AttributeError:', e)

class One(ABC):
    @abstractmethod
    def only(self):
        ...
try:
    object.__new__(One)
except TypeError as e:
    print('TypeError:', e)
print(ABC.__slots__, Shape.__abstractmethods__ == frozenset({'area', 'perimeter'}))
