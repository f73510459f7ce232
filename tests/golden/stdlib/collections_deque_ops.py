# collections.deque: a long mixed workload checked against a list model,
# subclasses, copies, iterators
from collections import deque

state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) % 2147483648
    return state % n


d = deque()
model = []
for step in range(3000):
    op = rand(9)
    if op == 0:
        d.append(step)
        model.append(step)
    elif op == 1:
        d.appendleft(step)
        model.insert(0, step)
    elif op == 2 and model:
        assert d.pop() == model.pop()
    elif op == 3 and model:
        assert d.popleft() == model.pop(0)
    elif op == 4 and model:
        k = rand(7) - 3
        d.rotate(k)
        if model:
            k %= len(model)
            model[:] = model[-k:] + model[:-k] if k else model
    elif op == 5 and model:
        i = rand(len(model))
        assert d[i] == model[i] and d[-i - 1] == model[-i - 1]
        d[i] = -step
        model[i] = -step
    elif op == 6 and model:
        i = rand(len(model))
        del d[i]
        del model[i]
    elif op == 7:
        i = rand(len(model) + 3) - 1
        d.insert(i, step)
        model.insert(i, step)
    elif op == 8:
        d.extend(range(rand(4)))
        model.extend(range(len(d) - len(model)))
    assert list(d) == model, step
    assert len(d) == len(model)
print(len(d), list(d)[:8], list(reversed(d))[:4])
bounded = deque(maxlen=5)
for i in range(12):
    (bounded.append if i % 2 else bounded.appendleft)(i)
print(bounded)
bounded.extendleft('abc')
print(bounded, bounded.maxlen)
print(deque([1, 2, 3], maxlen=4) * 3, deque('ab') * 0, deque('ab') * -1)
print(deque([1, 2, 3]).rotate(10 ** 18), deque(range(5)).index(4, -2))
r = deque(range(5))
r.rotate(10 ** 18 + 2)
print(r)
try:
    r.rotate(10 ** 20)
except OverflowError as e:
    print('OverflowError:', e)
e = deque([1, 2, 3])
e.extend(e)
e.extendleft(e)
print(e)


class Stack(deque):
    def peek(self):
        return self[-1]


s = Stack([1, 2])
s.append(3)
print(s, s.peek(), type(s.copy()).__name__, s.copy(), isinstance(s, deque))
print(Stack('ab', 3), repr(Stack()), type(s + deque([9])).__name__)
it = iter(deque('xyz'))
print(type(it).__name__, next(it), it.__length_hint__(), list(it), list(it))
rv = reversed(deque('xyz'))
print(type(rv).__name__, list(rv))
print(deque('abc').__reduce__()[1], deque('abc', 5).__reduce__()[1])
print(deque([1, [2]]) == deque([1, [2]]), deque([1, 2]) > deque([1]), deque() <= deque(), deque([2]) >= deque([1, 5]))
print(deque([1, 2]) == (1, 2), 3 in deque([1, 2, 3]), deque([0, 0, 1]).count(0))
dm = deque([1, 2])
print(dm.__add__(deque([3])), dm.__mul__(2), dm.__rmul__(2), dm.__iadd__([5]), dm.__imul__(2), dm)
import collections.abc
print(isinstance(dm, collections.abc.MutableSequence), issubclass(deque, collections.abc.Sequence), isinstance(dm, collections.abc.Hashable))
t = None
try:
    dm.__mul__('x')
except TypeError as e:
    print('TypeError:', e)
