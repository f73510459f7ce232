# abc: virtual subclasses (register) and __subclasshook__
from abc import ABC, ABCMeta, abstractmethod, get_cache_token, update_abstractmethods

class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any('__len__' in B.__dict__ for B in C.__mro__):
                return True
        return NotImplemented

class Box:
    def __len__(self):
        return 0
print(issubclass(Box, Sized), isinstance(Box(), Sized))
print(issubclass(int, Sized), isinstance(3, Sized))
print(issubclass(list, Sized), issubclass(dict, Sized))

class Drawable(ABC):
    pass
class Circle:
    pass
token = get_cache_token()
print(issubclass(Circle, Drawable))
print(Drawable.register(Circle) is Circle)
print(get_cache_token() != token)
print(issubclass(Circle, Drawable), isinstance(Circle(), Drawable))
print(Drawable in Circle.__mro__)

@Drawable.register
class Polygon:
    pass
print(issubclass(Polygon, Drawable))
class Triangle(Polygon):
    pass
print(issubclass(Triangle, Drawable))

try:
    Drawable.register(3)
except TypeError as e:
    print('TypeError:', e)
class Sub(Drawable):
    pass
try:
    Sub.register(Drawable)
except RuntimeError as e:
    print('RuntimeError:', e)
print(Drawable.register(Sub) is Sub)
try:
    issubclass(3, Drawable)
except TypeError as e:
    print('TypeError:', e)

class BadHook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 1
try:
    issubclass(int, BadHook)
except AssertionError as e:
    print('AssertionError:', e)

class Later(ABC):
    @abstractmethod
    def run(self):
        ...
class Done(Later):
    pass
Done.run = lambda self: 'ran'
print(sorted(Done.__abstractmethods__))
update_abstractmethods(Done)
print(sorted(Done.__abstractmethods__), Done().run())
print(update_abstractmethods(int) is int)
