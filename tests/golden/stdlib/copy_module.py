# copy: shallow and deep copies, memo, recursion, __copy__/__deepcopy__, reduce
import copy
from collections import OrderedDict, defaultdict, deque, namedtuple, Counter


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'], c == a)
tup = (1, 2)
print(copy.copy(tup) is tup, copy.deepcopy(tup) is tup, copy.deepcopy((1, [2]))[1] is (1, [2])[1])
for v in [None, 1, 2.5, 'str', b'b', True, len, int, range(3), frozenset([1])]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v, end='; ')
print()
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(bytearray(b'x')), copy.deepcopy({1: {2}}))
rec = [1]
rec.append(rec)
r2 = copy.deepcopy(rec)
print(r2, r2[1] is r2, r2 is not rec)
d = {}
d['self'] = d
d2 = copy.deepcopy(d)
print(d2, d2['self'] is d2)
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is not shared)
memo = {}
x = [1]
y = copy.deepcopy(x, memo)
print(memo[id(x)] is y, copy.deepcopy(x, memo) is y)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.log = []

    def __repr__(self):
        return 'Point(%r, %r, %r)' % (self.x, self.y, self.log)


p = Point(1, [2])
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pd, pc.y is p.y, pd.y is p.y, type(pd).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


cu = Custom([1])
print(copy.copy(cu).v, copy.deepcopy(cu).v is cu.v)


class Reduced:
    def __init__(self, a, b=0):
        print('init', a, b)
        self.a, self.b = a, b

    def __reduce__(self):
        return (Reduced, (self.a, self.b))


rd = copy.deepcopy(Reduced([1], 2))
print(rd.a, rd.b)


class WithState:
    def __init__(self):
        self.data = [1, 2]
        self.cache = 'drop me'

    def __getstate__(self):
        return {'data': self.data}

    def __setstate__(self, state):
        print('setstate', state)
        self.__dict__.update(state)


ws = copy.deepcopy(WithState())
print(ws.data, hasattr(ws, 'cache'))


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = [1]


sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, 'b'))


class MyList(list):
    pass


ml = MyList([1, [2]])
ml.tag = 't'
ml2 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.tag, ml2[1] is ml[1])


class MyDict(dict):
    pass


md = copy.copy(MyDict(a=1))
print(type(md).__name__, md)
Pt = namedtuple('Pt', 'x y')
print(copy.copy(Pt(1, [2])), copy.deepcopy(Pt(1, [2])), type(copy.deepcopy(Pt(1, 2))).__name__)
print(copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(defaultdict(list, b=[2])), copy.deepcopy(deque([1, [2]], maxlen=4)))
print(copy.copy(Counter('aab')), copy.deepcopy(Counter('ab')))
dq = deque([[1]])
print(copy.copy(dq)[0] is dq[0], copy.deepcopy(dq)[0] is dq[0])
print(copy.Error, copy.error is copy.Error, issubclass(copy.Error, Exception))


def gen():
    yield


t(copy.copy, gen())
t(copy.deepcopy, gen())
