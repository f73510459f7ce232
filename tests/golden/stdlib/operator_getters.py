# operator.itemgetter / attrgetter / methodcaller: results, reprs, errors
import operator as op


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


g = op.itemgetter(1)
print(g, g('abc'), g([4, 5]), op.itemgetter(0, -1)('hello'))
print(op.itemgetter('a', 'b')({'a': 1, 'b': 2}), op.itemgetter(slice(1, None))([1, 2, 3]))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=op.itemgetter(1)))
print(repr(op.itemgetter(1, 'x')))
t(op.itemgetter)
t(g, [])
t(g, 5)
t(g, [1, 2], [3])


class P:
    def __init__(self, x, y, child=None):
        self.x, self.y, self.child = x, y, child

    def scaled(self, k, *, plus=0):
        return self.x * k + plus


p = P(1, 2, P(3, 4))
a = op.attrgetter('x')
print(a, a(p), op.attrgetter('x', 'y')(p), op.attrgetter('child.x')(p),
      op.attrgetter('child.y', 'x')(p))
print(repr(op.attrgetter('child.x', 'y')))
t(op.attrgetter)
t(op.attrgetter, 1)
t(op.attrgetter('z'), p)
t(op.attrgetter('child.child.x'), p)
m = op.methodcaller('scaled', 3)
print(m, m(p), op.methodcaller('scaled', 2, plus=10)(p))
print(repr(op.methodcaller('split', ',', maxsplit=1)), op.methodcaller('upper')('ab'))
print(op.methodcaller('split', ',', maxsplit=1)('a,b,c'))
t(op.methodcaller)
t(op.methodcaller, 5)
t(op.methodcaller('nope'), p)
print(list(map(op.itemgetter(0), ['ab', 'cd'])), max([P(5, 1), P(2, 9)], key=op.attrgetter('y')).x)
