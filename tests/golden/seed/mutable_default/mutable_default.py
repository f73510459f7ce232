# 5 The mutable default argument: defaults are evaluated once, when `def`
# runs, and kept in __defaults__ / __kwdefaults__; a list default is
# shared by every call that omits the argument.  The fix: None.


def append_to(element, to=[]):
    to.append(element)
    return to


print(append_to.__defaults__)
print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)
print(append_to(5) is append_to(6))
print(append_to.__defaults__[0] is append_to(7))

calls = []


def default():
    calls.append("evaluated")
    return []


def f(x=default(), *, y=default()):
    return x, y


print(calls)
f()
f()
print(calls, f()[0] is f()[0], f()[1] is f()[1])
print(f.__kwdefaults__)


def append_to_fixed(element, to=None):
    if to is None:
        to = []
    to.append(element)
    return to


print(append_to_fixed(1))
print(append_to_fixed(2))
print(append_to_fixed(3, [0]))
print(append_to_fixed.__defaults__)


def counter(word, seen={}):
    seen[word] = seen.get(word, 0) + 1
    return seen


counter("a")
counter("b")
print(counter("a"))

# defaults can be replaced or removed
append_to.__defaults__ = ([],)
print(append_to(8))
append_to.__defaults__ = None
try:
    append_to(9)
except TypeError as e:
    print("TypeError:", e)

# a lambda and a method behave the same
g = lambda acc=[]: (acc.append(len(acc)), acc)[1]
print(g(), g())


class Basket:
    def __init__(self, items=[]):
        self.items = items

    def add(self, item):
        self.items.append(item)


b1 = Basket()
b2 = Basket()
b1.add("apple")
print(b2.items, b1.items is b2.items)

# defaults are evaluated left to right, at definition time, in the
# enclosing scope
n = 10


def h(a=n, b=n * 2):
    return a, b


n = 99
print(h())
# an immutable default is safe: rebinding does not change it
def inc(x=0):
    x += 1
    return x


print(inc(), inc(), inc.__defaults__)
