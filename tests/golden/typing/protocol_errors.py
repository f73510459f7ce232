# Every error Protocol raises, word for word.
from typing import Protocol, runtime_checkable

class Fittable(Protocol):
    def fit(self, X, y): ...

class Model:
    def fit(self, X, y):
        return 1

def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, 'TypeError:', e)

attempt('instantiate', lambda: Fittable())
attempt('isinstance unchecked', lambda: isinstance(Model(), Fittable))
attempt('issubclass unchecked', lambda: issubclass(Model, Fittable))
attempt('runtime_checkable on a class', lambda: runtime_checkable(Model))
attempt('runtime_checkable on int', lambda: runtime_checkable(int))

@runtime_checkable
class Named(Protocol):
    name: str
    def greet(self): ...

class Person:
    name = 'p'
    def greet(self):
        return 'hi'

attempt('isinstance data protocol', lambda: isinstance(Person(), Named))
attempt('issubclass data protocol', lambda: issubclass(Person, Named))
attempt('issubclass non-class', lambda: issubclass(3, runtime_checkable(Fittable)))

try:
    class Mixed(Model, Protocol):
        pass
except TypeError as e:
    print('mixed bases:', e)
