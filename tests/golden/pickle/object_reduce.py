# The object protocol pickle and copy rely on: object.__reduce_ex__,
# object.__reduce__, object.__getstate__, __getnewargs__, and the
# __reduce__ of built-in types.
import copyreg


class A:
    pass


class S:
    __slots__ = ('x', 'y')


class SD(S):
    pass


class G:
    def __getstate__(self):
        return 'custom'


class R:
    def __reduce__(self):
        return (R, (1,))


class N:
    def __getnewargs__(self):
        return (1, 2)


class NX:
    def __getnewargs_ex__(self):
        return ((1,), {'k': 2})


def brief(r):
    """A reduce value with functions by name (their repr has an
    address)."""
    if isinstance(r, tuple):
        return tuple(brief(x) for x in r)
    if callable(r) and hasattr(r, '__name__') and not isinstance(r, type):
        return '<%s>' % r.__name__
    if hasattr(r, '__next__'):
        return '<iterator %s>' % list(r)
    return r


a = A()
print(brief(a.__reduce_ex__(2)))
print(brief(a.__reduce_ex__(4)))
a.v = 1
print(brief(a.__reduce_ex__(2)))
print(brief(a.__reduce_ex__(1)))
print(brief(a.__reduce_ex__(0)))
print(brief(a.__reduce__()))
print(a.__getstate__(), A().__getstate__(), object().__getstate__())
s = S()
print(s.__getstate__())
s.x = 1
print(s.__getstate__())
print(S.__slotnames__)
sd = SD()
sd.y = 2
sd.z = 3
print(sd.__getstate__())
print(brief(sd.__reduce_ex__(2)))
print(brief(G().__reduce_ex__(3)))
print(brief(R().__reduce_ex__(2)))
print(brief(N().__reduce_ex__(2)))
print(brief(NX().__reduce_ex__(2)))
print(brief([1, 2].__reduce_ex__(2)))
print(brief({1: 2}.__reduce_ex__(2)))
print(brief((1, 2).__reduce_ex__(2)))
print(brief((5).__reduce_ex__(2)))
print(brief('s'.__reduce_ex__(2)))
print(brief((1.5).__reduce_ex__(2)))
print(brief(b'b'.__reduce_ex__(2)))
print(brief({1, 2}.__reduce__()))
print(brief(frozenset({3}).__reduce__()))
print(brief(bytearray(b'ab').__reduce_ex__(2)))
print(brief(bytearray(b'ab').__reduce_ex__(3)))
print(brief(bytearray().__reduce_ex__(4)))
print(brief(bytearray(b'x').__reduce__()))
print(len.__reduce__(), print.__reduce_ex__(2))
print(brief([].append.__reduce__()))
print(NotImplemented.__reduce__(), Ellipsis.__reduce__())
print((1).__getnewargs__(), 'ab'.__getnewargs__(), (1.5).__getnewargs__(),
      (1, 2).__getnewargs__(), b'x'.__getnewargs__(),
      (1 + 2j).__getnewargs__())
print(copyreg.__newobj__(A, ).__class__.__name__)
print(copyreg._reconstructor(A, object, None).__class__.__name__)
print(copyreg._slotnames(SD), copyreg._slotnames(A))
print(copyreg.dispatch_table[complex](1 + 2j))


class BadNewArgs:
    def __getnewargs__(self):
        return [1]


class BadNewArgsEx:
    def __getnewargs_ex__(self):
        return (1, 2, 3)


class BadNewArgsEx2:
    def __getnewargs_ex__(self):
        return ([], {})


for obj, proto in [(BadNewArgs(), 2), (BadNewArgsEx(), 2),
                   (BadNewArgsEx2(), 2), ((x for x in ()), 2),
                   (a.__reduce_ex__, 'x')]:
    try:
        obj.__reduce_ex__(proto) if proto != 'x' else obj(proto)
    except Exception as e:
        print(type(e).__name__, e)
