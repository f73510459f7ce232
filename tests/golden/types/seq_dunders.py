# the sequence operators as methods, and subclasses that override them
from support import t

t(lambda: [1].__add__([2]))
t(lambda: [1].__add__((2,)))
t(lambda: [1].__mul__(3))
t(lambda: [1].__rmul__(2))
t(lambda: [1].__mul__(1.5))
t(lambda: [1].__mul__(2**100))
t(lambda: (1,).__add__((2,)))
t(lambda: (1,).__mul__(2))
t(lambda: 'ab'.__mul__(2))
t(lambda: 'ab'.__rmul__(2))
t(lambda: 'ab'.__add__('c'))
t(lambda: 'ab'.__add__(1))
t(lambda: b'ab'.__mul__(2))
t(lambda: bytearray(b'ab').__imul__(2))
l = [1]
print(l.__iadd__([2]) is l, l)
print(l.__imul__(2) is l, l)
t(lambda: l.__iadd__(5))
print(list.__add__([1], [2]), list.__mul__([0], 2), tuple.__rmul__((1,), 3))

class L(list):
    def __add__(self, o):
        return 'L.add'
    def __mul__(self, n):
        return 'L.mul'
print(L([1]) + [2], L([1]) * 2, 2 * L([1]), [2] + L([1]))

class M(list):
    pass
m = M([1])
print(m + [2], type(m + [2]).__name__, m * 2, 2 * m)
m += [3]
print(m, type(m).__name__)

class R:
    def __radd__(self, o):
        return 'R.radd'
    def __rmul__(self, o):
        return 'R.rmul'
print([1] + R(), (1,) + R(), 'a' + R(), [1] * R(), 'ab' * R())

class T(tuple):
    def __mul__(self, n):
        return super().__mul__(n) + ('!',)
print(T((1,)) * 2, 2 * T((1,)))

class S(str):
    def __add__(self, o):
        return S(str.__add__(self, o).upper())
print(S('a') + 'b', 'b' + S('a'), type(S('a') + 'b').__name__)
