# loads(dumps(x)) for every protocol: equal values, preserved sharing and
# cycles, instances restored through BUILD, __setstate__, slots and
# NEWOBJ_EX; dumps of the result gives the same bytes again.
import pickle


class P:
    def __init__(self, a):
        self.a = a

    def __eq__(self, other):
        return type(other) is P and other.__dict__ == self.__dict__


class Slots:
    __slots__ = ('x', 'y')


class Kw:
    def __new__(cls, *, k):
        o = object.__new__(cls)
        o.k = k
        return o

    def __getnewargs_ex__(self):
        return (), {'k': self.k}


class Versioned:
    def __init__(self):
        self.value = 1

    def __getstate__(self):
        return (2, self.value)

    def __setstate__(self, state):
        version, value = state
        self.value = value * 100
        self.version = version


class Counter(dict):
    pass


class Stack(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.label = 'stack'


class Int(int):
    pass


values = [
    None, True, 0, -1, 2**100, 1.25, 'text', b'raw', bytearray(b'ba'),
    (), (1, (2, 3)), [1, [2, [3, []]]], {'k': {'n': [1]}}, {1, 2},
    frozenset({'a'}), 1 + 1j, P(1), [P(2), P(3)], Int(7), range(5),
    list(range(2500)), {i: str(i) for i in range(1500)},
    set(range(1200)), 'x' * 100000, b'y' * 100000,
]

for proto in range(0, 6):
    ok = True
    for v in values:
        data = pickle.dumps(v, proto)
        w = pickle.loads(data)
        if w != v or type(w) is not type(v):
            ok = False
            print('mismatch', proto, repr(v)[:40], repr(w)[:40])
        if proto >= 2 and pickle.dumps(w, proto) != data:
            ok = False
            print('bytes differ', proto, repr(v)[:40])
    print('protocol', proto, 'ok' if ok else 'FAILED')

for proto in range(2, 6):
    s = Slots()
    s.x = 1
    t = pickle.loads(pickle.dumps(s, proto))
    print(proto, t.x, hasattr(t, 'y'))
    print(proto, pickle.loads(pickle.dumps(Kw(k=5), proto)).k if proto >= 4
          else '-')
    v = pickle.loads(pickle.dumps(Versioned(), proto))
    print(proto, v.value, v.version)
    c = Counter(a=1)
    c.extra = 'e'
    c2 = pickle.loads(pickle.dumps(c, proto))
    print(proto, type(c2).__name__, c2, c2.extra)
    st = Stack([1, 2])
    st2 = pickle.loads(pickle.dumps(st, proto))
    print(proto, type(st2).__name__, st2, st2.label)

    shared = [1]
    pair = pickle.loads(pickle.dumps([shared, shared, (shared,)], proto))
    print(proto, pair[0] is pair[1], pair[2][0] is pair[0])
    r = []
    r.append(r)
    r2 = pickle.loads(pickle.dumps(r, proto))
    print(proto, r2[0] is r2)
    d = {}
    d['d'] = d
    d2 = pickle.loads(pickle.dumps(d, proto))
    print(proto, d2['d'] is d2)
    t = ([],)
    t[0].append(t)
    t2 = pickle.loads(pickle.dumps(t, proto))
    print(proto, t2[0][0] is t2)
    p = P(None)
    p.a = p
    p2 = pickle.loads(pickle.dumps(p, proto))
    print(proto, p2.a is p2)
    print(proto, pickle.loads(pickle.dumps(P, proto)) is P,
          pickle.loads(pickle.dumps(len, proto)) is len,
          pickle.loads(pickle.dumps(pickle.loads, proto)) is pickle.loads)
