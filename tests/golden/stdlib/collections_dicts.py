# collections: defaultdict, OrderedDict, ChainMap
from collections import defaultdict, OrderedDict, ChainMap


def t(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ':', e)


dd = defaultdict(list)
dd['a'].append(1)
dd['b']
print(dd, dd.default_factory, dict(dd), isinstance(dd, dict), 'c' in dd)
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
print(counts, counts.get('z'), 'z' in counts, len(counts))
print(defaultdict(None), defaultdict(lambda: 'x', {1: 2}, k=3)['q'])
print(repr(defaultdict(int, a=1)), defaultdict(list).copy(), type(dd.copy()).__name__)
n = defaultdict()
t(n.__getitem__, 'missing')
t(defaultdict, 1)
print(dd | {'z': 0}, type(dd | {}).__name__)
rec = defaultdict(list)
rec['self'] = rec
print(rec)
od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), od.keys(), od.values(), od.items())
od.move_to_end('b')
print(od)
od.move_to_end('b', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([('x', 1), ('y', 2)])
od3 = OrderedDict([('y', 2), ('x', 1)])
print(od2 == od3, od2 == dict(od3), dict(od2) == od3, od2 != od3)
print(OrderedDict.fromkeys('abc', 0), OrderedDict(a=1) | {'b': 2}, repr(OrderedDict()))
print(od2.setdefault('z', 9), od2, od2.pop('x'), od2.pop('q', 'dflt'), od2.copy())
print(list(reversed(od2)), list(reversed(od2.items())), 'y' in od2.keys(), od2.keys() & {'y'})
t(OrderedDict().popitem)
t(OrderedDict().move_to_end, 'x')
t(OrderedDict().pop, 'x')
ro = OrderedDict()
ro['me'] = ro
print(ro)
base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm, cm['a'], cm['b'], cm.get('z', 0), len(cm), sorted(cm), 'c' in cm, dict(cm))
cm['a'] = 100
print(over, base, cm.maps[0] is over)
child = cm.new_child()
child['n'] = 1
print(child, child.parents, child.new_child({'q': 0}).maps[0])
del cm['a']
print(cm, cm.pop('c'), ChainMap(), bool(ChainMap({})), bool(cm))
t(cm.__getitem__, 'zz')
t(cm.__delitem__, 'zz')
t(ChainMap().pop, 1)
t(ChainMap().popitem)
print(list(ChainMap({'x': 1}, {'y': 2, 'x': 3})), ChainMap({'x': 1}) | {'y': 2})
