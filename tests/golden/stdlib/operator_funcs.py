# operator: every function against the operator it names, and its errors
import operator as op


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow',
             'lshift', 'rshift', 'and_', 'or_', 'xor', 'lt', 'le', 'eq',
             'ne', 'gt', 'ge', 'is_', 'is_not']:
    f = getattr(op, name)
    print(name, f(7, 3), f(-7, 2), f(True, 1))
for name in ['neg', 'pos', 'abs', 'invert', 'inv', 'not_', 'truth', 'index']:
    f = getattr(op, name)
    print(name, f(5), f(-3), f(True))
print(op.truediv(1, 4), op.concat([1], [2]), op.concat('a', 'b'),
      op.concat((1,), (2,)))
print(op.contains([1, 2], 2), op.contains('abc', 'd'), op.countOf([1, 2, 1, 1], 1),
      op.indexOf('abc', 'c'))
x = [1, 2, 3]
op.setitem(x, 0, 9)
op.delitem(x, 1)
print(x, op.getitem(x, -1), op.getitem('hello', slice(1, 3)))
d = {}
op.setitem(d, 'k', 1)
print(d, op.getitem(d, 'k'))
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))),
      op.length_hint(object(), 7))


class Hint:
    def __init__(self, v):
        self.v = v

    def __length_hint__(self):
        return self.v


print(op.length_hint(Hint(4)), op.length_hint(Hint(NotImplemented), 2))
t(op.length_hint, Hint(-1))
t(op.length_hint, Hint('x'))
t(op.length_hint, [], 'a')
# in-place forms return the new value, and mutate mutables
a = [1]
print(op.iadd(a, [2]), a, op.iadd(1, 2), op.isub(5, 1), op.imul('ab', 2))
print(op.ifloordiv(7, 2), op.itruediv(7, 2), op.imod(7, 2), op.ipow(2, 10),
      op.ilshift(1, 3), op.irshift(16, 2), op.iand(6, 3), op.ior(6, 3),
      op.ixor(6, 3), op.iconcat([1], (2,)))
s = {1}
print(op.ior(s, {2}), s)
print(op.__add__(1, 2), op.__not__(0), op.__getitem__([5], 0))
print(op.call(max, 1, 5, 3))
# errors are the operators' own
t(op.add, 1, 'a')
t(op.truediv, 1, 0)
t(op.floordiv, 1, 0)
t(op.mod, 1, 0)
t(op.neg, 'a')
t(op.invert, 1.5)
t(op.lt, 1, 'a')
t(op.index, 'a')
t(op.index, 1.5)
t(op.concat, 1, 2)
t(op.iconcat, 1, 2)
t(op.indexOf, [1, 2], 3)
t(op.getitem, [1], 5)
t(op.getitem, {}, 'missing')
t(op.delitem, [], 0)
t(op.contains, 1, 1)
t(op.countOf, 1, 1)
t(op.indexOf, 1, 1)
