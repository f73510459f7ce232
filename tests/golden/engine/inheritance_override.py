# Inheritance: method override, calling the base explicitly, attribute lookup through the MRO.
class Shape:
    sides = 0
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return "%s with %d sides, area %s" % (self.name, self.sides, self.area())
class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = "square"
    def describe(self):
        return "[" + Rect.describe(self) + "]"
for s in (Shape("blob"), Rect(2, 3), Square(4)):
    print(s.describe())
print(isinstance(Square(1), (int, Rect)), isinstance(3, (str, (list, int))), isinstance(3, ()))
print(issubclass(Square, (Shape, int)), issubclass(bool, int), Square.__bases__, Shape.__bases__)
try:
    isinstance(3, 4)
except TypeError as e:
    print(e)
