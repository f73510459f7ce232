# __eq__ and __hash__: equal objects collapse in sets and dicts; defining __eq__ alone makes a class unhashable.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d, %d)" % (self.x, self.y)
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s), Point(1, 2) in s, {Point(0, 0): "a"}[Point(0, 0)])
print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(1, 2), Point(1, 2) == (1, 2))
class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__, EqOnly() == 5, EqOnly() != 5)
try:
    {EqOnly()}
except TypeError as e:
    print(e)
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), hash(p) == hash(p))
