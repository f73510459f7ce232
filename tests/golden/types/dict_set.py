# dict and set: every method, views, errors, iteration mutation
from support import t

d = {'a': 1, 'b': 2}
t(lambda: d['z'])
t(lambda: d[[1]])
t(lambda: {[1]: 2})
t(lambda: d.get([1]))
t(lambda: d.get('z', 5))
t(lambda: d.setdefault('c', 3))
t(lambda: d.setdefault('c', 4))
t(lambda: d.pop('z'))
t(lambda: d.pop('z', None))
t(lambda: d.pop('c'))
t(lambda: d.popitem())
t(lambda: {}.popitem())
t(lambda: d.update([('x', 1), ('y', 2)]))
t(lambda: d.update([1]))
t(lambda: d.update([(1, 2, 3)]))
t(lambda: d.update(1))
t(lambda: d.update({'k': 0}, v=1))
t(lambda: d.update({}, {}))
print(d)
t(lambda: dict.fromkeys('ab'))
t(lambda: dict.fromkeys('ab', 0))
t(lambda: dict.fromkeys(1))
t(lambda: dict([(1, 2)], a=3))
t(lambda: dict([1]))
t(lambda: dict([[1, 2, 3]]))
t(lambda: dict(1))
t(lambda: dict({}, {}))
t(lambda: d | {'a': 9})
t(lambda: d | [1])
t(lambda: {'a': 9} | d)
e = dict(d)
e |= {'z': 26}
print(e)
e |= [('w', 0)]
print(e)
def bad():
    global e
    e |= 1
t(bad)
t(lambda: list(reversed(d)))
t(lambda: list(reversed(d.keys())))
t(lambda: list(reversed(d.values())))
t(lambda: list(reversed(d.items())))
t(lambda: d.keys() & {'a', 'q'})
t(lambda: sorted(d.keys() | {'q'}))
t(lambda: sorted(d.keys() - {'a'}))
t(lambda: sorted(d.keys() ^ {'a', 'q'}))
t(lambda: d.items() & {('a', 1)})
t(lambda: ('a', 1) in d.items())
t(lambda: ('a', 2) in d.items())
t(lambda: (['x'], 1) in d.items())
t(lambda: d.keys() == {'a', 'b', 'x', 'y', 'k', 'v'})
t(lambda: d.keys().isdisjoint(['q']))
t(lambda: d.values() == d.values())
t(lambda: len(d.items()))
t(lambda: d.keys().mapping['a'])
t(lambda: repr({}.keys()))
t(lambda: repr({1: 2}.items()))
t(lambda: repr({1: 2}.values()))
t(lambda: d == {'a': 1})
t(lambda: d < d)
t(lambda: hash({}))
r = {}
r[1] = r
print(r)
def iter_mut():
    dd = {1: 1, 2: 2}
    for k in dd:
        dd[k + 10] = 0
t(iter_mut)
def iter_del():
    dd = {1: 1, 2: 2}
    for k in dd:
        del dd[k]
t(iter_del)
def iter_keys_change():
    dd = {1: 1, 2: 2}
    for k in dd:
        dd.pop(k)
        dd[k + 10] = 1
t(iter_keys_change)
def values_mut():
    dd = {1: 1}
    for v in dd.values():
        dd[5] = 5
t(values_mut)
class Evil:
    def __hash__(self): return 1
    def __eq__(self, o):
        dd.clear()
        return False
dd = {}
dd[Evil()] = 1
t(lambda: dd.get(Evil()))
print(len(dd))
t(lambda: {1: 'a', 1.0: 'b', True: 'c'})
t(lambda: {-1: 0, -2: 0})
s = {3, 1, 2}
t(lambda: s.remove(9))
t(lambda: s.remove([1]))
t(lambda: [1] in s)
t(lambda: s.discard([1]))
t(lambda: s.add([1]))
t(lambda: set().pop())
t(lambda: s | [1])
t(lambda: s | {9})
t(lambda: s & {1, 9})
t(lambda: s - {1})
t(lambda: s ^ {1, 9})
t(lambda: s.union([9], (10,)))
t(lambda: s.intersection([1, 2], {2}))
t(lambda: s.difference([1], [2]))
t(lambda: s.symmetric_difference([1, 9]))
t(lambda: s.issubset(range(5)))
t(lambda: s.issuperset([1]))
t(lambda: s.isdisjoint([7]))
t(lambda: s <= {1, 2, 3, 4})
t(lambda: s < s)
t(lambda: s < [1])
t(lambda: s == frozenset(s))
t(lambda: frozenset([1]) | {2})
t(lambda: {2} | frozenset([1]))
t(lambda: hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
t(lambda: hash(frozenset()))
t(lambda: hash(set()))
t(lambda: {frozenset([1]): 1})
t(lambda: {1, 2} in {frozenset([1, 2])})
t(lambda: set(1))
t(lambda: set([1], [2]))
t(lambda: frozenset() is frozenset())
t(lambda: set([3, 1, 2, 100, -1, 65, 33]))
t(lambda: {0, 8, 16, 1})
t(lambda: repr(set()))
t(lambda: repr(frozenset()))
t(lambda: repr(frozenset({1})))
u = {1, 2}
u |= {3}; u &= {1, 3, 4}; u -= {4}; u ^= {5}
print(u)
def bad_ior():
    global u
    u |= [1]
t(bad_ior)
u.update([7], (8,)); u.intersection_update([1, 7, 8, 5]); u.difference_update([8]); u.symmetric_difference_update([9])
print(u)
def set_iter_mut():
    ss = {1, 2}
    for x in ss:
        ss.add(x + 10)
t(set_iter_mut)
class RS(set):
    pass
rs = RS([1])
rs.add(rs and 2)
print(sorted(rs), type(rs | {3}).__name__)
cyc = set()
t(lambda: cyc.add(cyc))
t(lambda: set.__init__(set(), 1))
t(lambda: len({1, 2, 2, 1.0, True}))
