# Operator overloading: __add__, __radd__ fallback, NotImplemented, __mul__/__rmul__, __neg__, reflected __gt__.
class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x, self.y + o.y)
        if o == 0:
            return self
        return NotImplemented
    def __radd__(self, o):
        print("radd with", o)
        return self + o
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __lt__(self, o):
        return self.x + self.y < o.x + o.y
    def __repr__(self):
        return "V(%r, %r)" % (self.x, self.y)
print(V(1, 2) + V(3, 4), 0 + V(1, 1), 3 * V(1, 2), -V(5, 6))
print(sum([V(1, 0), V(0, 1)]), V(1, 1) < V(2, 2), V(3, 3) > V(2, 2))
print(sorted([V(3, 3), V(1, 0), V(2, 0)]))
try:
    V(1, 1) + "s"
except TypeError as e:
    print(e)
try:
    V(1, 1) <= V(1, 1)
except TypeError as e:
    print(e)
