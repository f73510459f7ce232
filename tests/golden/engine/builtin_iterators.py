# Built-in iterator classes: enumerate, zip (strict), map, filter, reversed are lazy, self-iterating and subclassable.
print(list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)))
print(list(enumerate([1], start=10**30)))
print(list(zip([1,2,3], "ab")), list(zip()), list(zip([1])))
print(list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])), list(map(str, range(3))))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda x: x % 2, range(7))), list(filter(bool, [0, 2])))
print(list(reversed([1,2,3])), list(reversed("abc")), list(reversed((1,2))), list(reversed(range(3))))
class S:
    def __len__(self): return 3
    def __getitem__(self, i): return i * 10
print(list(reversed(S())))
r = reversed(S()); print(type(r).__name__, r.__length_hint__())
class NR:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
def check(label, f):
    try: print(label, '->', repr(f())[:30])
    except Exception as e: print(label, type(e).__name__, e)
check('reversed(1)', lambda: reversed(1))
check('reversed(NR())', lambda: reversed(NR()))
check('reversed({1})', lambda: reversed({1}))
check('enumerate()', lambda: enumerate())
check('enumerate(1)', lambda: enumerate(1))
check("enumerate([],'a')", lambda: enumerate([],'a'))
check('enumerate([],1,2)', lambda: enumerate([],1,2))
check('enumerate(x=[])', lambda: enumerate(x=[]))
check('zip(1)', lambda: zip(1))
check('map(len)', lambda: map(len))
check('map()', lambda: map())
check('filter()', lambda: filter())
check('filter(None)', lambda: filter(None))
check('filter(1,2,3)', lambda: filter(1,2,3))
check('reversed()', lambda: reversed())
check('reversed([],x=1)', lambda: reversed([],x=1))
check('list(zip([1],[],strict=True))', lambda: list(zip([1],[],strict=True)))
check('list(zip([1],[2,3],strict=True))', lambda: list(zip([1],[2,3],strict=True)))
check('list(zip([1],[2],[],strict=True))', lambda: list(zip([1],[2],[],strict=True)))
check('list(zip([1, 2],[2],[3], strict=True))', lambda: list(zip([1, 2],[2],[3], strict=True)))
check('list(zip([1],[2],[3, 4], strict=True))', lambda: list(zip([1],[2],[3, 4], strict=True)))
check('zip(x=1)', lambda: zip(x=1))
check('map(len, 1)', lambda: map(len, 1))
check('filter(None, 1)', lambda: filter(None, 1))
check('zip(strict=1, x=2)', lambda: zip(strict=1, x=2))
check('map(len, [1], x=1)', lambda: map(len, [1], x=1))
check('filter(None, [], x=1)', lambda: filter(None, [], x=1))
check('list(zip([1,2],[3,4],strict=True))', lambda: list(zip([1,2],[3,4],strict=True)))
check('list(map(len, [1]))', lambda: list(map(len, [1])))
e = enumerate([1, 2])
print(iter(e) is e, next(e), next(e), next(e, 'done'))
print(type(e), type(zip()), type(map(len, [])), type(filter(None, [])), type(reversed([1]) ))
print(repr(enumerate([])).startswith("<enumerate object at 0x"), repr(zip()).startswith("<zip object at 0x"))
class E(enumerate): pass
print(list(E("ab", 1)), type(E("a")).__name__)
class M(map):
    def __init__(self, f, *its, tag=None): self.tag = tag
m = M(str, [1], tag='t'); print(list(m), m.tag)
class Z(zip):
    def __init__(self, *a, tag=None): self.tag = tag
try: Z([1], [2], tag='t')
except TypeError as e: print(e)
def gen():
    yield 1
    raise ValueError("boom")
try: list(map(str, gen()))
except ValueError as e: print("propagated", e)
print(reversed.__name__, enumerate.__name__, zip.__name__, map.__name__, filter.__name__, property.__name__)
# Laziness: nothing is pulled before next() asks for it.
pulled = []
def source():
    for i in range(3):
        pulled.append(i)
        yield i
m = map(lambda v: v * 10, source())
print(pulled, next(m), pulled)
f = filter(lambda v: v > 0, source())
print(next(f), list(f))
# An exhausted zip keeps asking; a reversed object stays done.
r = reversed([1])
print(list(r), list(r), r.__length_hint__())
