# deque: __eq__ and __repr__ that mutate the deque while it is being walked
from collections import deque


class Evil:
    def __init__(self, d, action):
        self.d = d
        self.action = action

    def __eq__(self, other):
        self.action(self.d)
        return False

    def __repr__(self):
        self.action(self.d)
        return 'Evil'


def check(name, make_action, op):
    d = deque(range(5))
    d.append(Evil(d, make_action))
    d.extend(range(3))
    try:
        print(name, op(d))
    except Exception as e:
        print(name, type(e).__name__ + ':', e)
    print('  left:', len(d))


actions = {
    'clear': lambda d: d.clear(),
    'append': lambda d: d.append(1),
    'popleft': lambda d: d.popleft() if d else None,
    'rotate': lambda d: d.rotate(1),
}
for aname, act in actions.items():
    check(aname + ' count', act, lambda d: d.count(99))
    check(aname + ' index', act, lambda d: d.index(99))
    check(aname + ' in', act, lambda d: 99 in d)
    check(aname + ' remove', act, lambda d: d.remove(99))
    check(aname + ' eq', act, lambda d: d == deque(range(9)))
    check(aname + ' repr', act, lambda d: len(repr(d)) > 0)


class Shrinker:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.clear()
        return NotImplemented


a = deque([1, 2, 3])
b = deque([1, 2, 3])
a[1] = Shrinker(a)
print(a == b, len(a))
d = deque([1, 2])
it = iter(d)
d.pop()
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
try:
    print(list(it))
except RuntimeError as e:
    print("again RuntimeError:", e)
d = deque(range(3))
d.extend(x for x in d if False)
print(d)


def feeder():
    yield 1
    d.clear()
    yield 2


d.extend(feeder())
print(d)
