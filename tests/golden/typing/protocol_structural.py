# Structural checks: members found along the MRO, None blocks a method,
# attributes set in __init__ count for isinstance, explicit subclasses
# inherit default methods and get a working __init__.
from typing import Protocol, runtime_checkable

@runtime_checkable
class Closable(Protocol):
    def close(self): ...

class Base:
    def close(self):
        return 'closed'

class Derived(Base):
    pass

class Blocked(Base):
    close = None

print(isinstance(Derived(), Closable), issubclass(Derived, Closable))
print(isinstance(Blocked(), Closable), issubclass(Blocked, Closable))
print(isinstance(object(), Closable), isinstance(open, Closable))

@runtime_checkable
class HasSize(Protocol):
    size: int

class Box:
    def __init__(self):
        self.size = 3

print(isinstance(Box(), HasSize), isinstance(Base(), HasSize))

class Greeter(Protocol):
    def greet(self):
        return 'hello from the protocol'

class English(Greeter):
    pass

class French(Greeter):
    def __init__(self, name):
        self.name = name
    def greet(self):
        return 'bonjour ' + self.name

print(English().greet(), French('x').greet())
print(Greeter._is_protocol, English._is_protocol)

class Both(Closable, HasSize, Protocol):
    def extra(self): ...

import typing
print(sorted(typing._get_protocol_attrs(Both)))
print(Both._is_protocol, Both.__mro__[1:3])
