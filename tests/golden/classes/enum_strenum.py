# enum.StrEnum: members are str instances with a __dict__ (a str subclass
# gets one in front of the object, typeslots.c add_layout).
import enum


class Color(enum.StrEnum):
    RED = 'red'
    GREEN = enum.auto()
    BLUE = 'Blue'


print(list(Color))
print(Color.RED, repr(Color.GREEN), str(Color.BLUE), f'{Color.RED:>6}|')
print(Color.RED == 'red', Color('red') is Color.RED, Color['GREEN'])
print(Color.RED.upper(), Color.BLUE.lower(), Color.RED + '!', len(Color.GREEN))
print(isinstance(Color.RED, str), type(Color.RED).__mro__[1:3])
print(Color.RED.name, Color.RED.value, Color.GREEN.value)
print(sorted(Color), {Color.RED: 1}['red'])
print(Color.RED.__dict__.keys() >= {'_value_'}, hasattr(Color.RED, '__dict__'))
print('-'.join(Color), Color.RED in {'red', 'x'})
try:
    Color('purple')
except ValueError as e:
    print('ValueError:', e)
try:
    class Bad(enum.StrEnum):
        X = 1
except TypeError as e:
    print('TypeError:', e)


class Method(enum.StrEnum):
    GET = enum.auto()
    POST = enum.auto()

    def describe(self):
        return f'{self.name}={self.value}'


print([m.describe() for m in Method], Method.GET.startswith('g'))
print(Method.POST.__class__.__name__, Method.POST.__reduce_ex__(4)[0].__name__)
