# dataclasses: generated __init__, __repr__, __eq__, defaults, factories, fields()
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, Point(3), Point(y=5, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__hash__, Point.__match_args__)
print([f.name for f in fields(Point)], [f.name for f in fields(p)])
print(asdict(p), astuple(p))
q = replace(p, y=10)
print(q, p, is_dataclass(p), is_dataclass(Point), is_dataclass(3))

@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
    secret: str = field(default='s', compare=False)
a = Inventory('a')
b = Inventory('a')
a.items.append(1)
print(a, b, a.items is not b.items)
print(Inventory('x', [1], 5, 'p') == Inventory('x', [1], 6, 'q'))

@dataclass
class Line:
    start: Point
    end: Point
    tags: dict = field(default_factory=dict)
l = Line(Point(0, 0), Point(1, 1), {'k': [Point(2, 2)]})
print(asdict(l))
print(astuple(l))

def attempt(f):
    try:
        f()
        print('ok')
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)

attempt(lambda: Point())
attempt(lambda: Point(1, 2, 3))
attempt(lambda: Point(1, z=3))
attempt(lambda: Point(1, x=3))
attempt(lambda: fields(3))
attempt(lambda: asdict(Point))
def mutable():
    @dataclass
    class Bad:
        x: list = []
attempt(mutable)
def order():
    @dataclass
    class Bad:
        x: int = 1
        y: int
attempt(order)
attempt(lambda: field(default=1, default_factory=list))
def no_init_replace():
    @dataclass
    class C:
        x: int
        y: int = field(init=False, default=0)
    replace(C(1), y=2)
attempt(no_init_replace)
