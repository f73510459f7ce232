"""The mutable default argument, and the None fix.

Course note, section 5: a default value is evaluated once, when the `def`
statement runs, and stored on the function (f.__defaults__).  Every call
that omits the argument gets that same object.  A list default therefore
remembers what earlier calls appended to it.

Run:  build/minipy examples/mutable_default.py
"""


def append_to(element, to=[]):
    to.append(element)
    return to


print("1. the trap")
print("  append_to.__defaults__ before any call:", append_to.__defaults__)
print("  append_to(1) ->", append_to(1))
print("  append_to(2) ->", append_to(2), " (wait, what?)")
print("  append_to(3, []) ->", append_to(3, []), " (an explicit list is fresh)")
print("  append_to(4) ->", append_to(4))
print("  __defaults__ now:", append_to.__defaults__)
first, second = append_to(5), append_to(6)
print("  two results are one object:", first is second)

print("2. the default is built when `def` runs, not at each call")


def make_default():
    print("  make_default() called")
    return []


def f(x=make_default()):           # prints once, here
    return x


print("  calling f twice:")
print("  same list both times:", f() is f())

print("3. the fix: None as a sentinel, a new list inside each call")


def append_to_fixed(element, to=None):
    if to is None:
        to = []
    to.append(element)
    return to


print("  append_to_fixed(1) ->", append_to_fixed(1))
print("  append_to_fixed(2) ->", append_to_fixed(2))
print("  __defaults__ stays:", append_to_fixed.__defaults__)

print("4. the same holds for a dict, and for keyword-only defaults")


def count(word, *, seen={}):
    seen[word] = seen.get(word, 0) + 1
    return seen


count("a")
count("b")
print("  count('a') ->", count("a"))
print("  __kwdefaults__:", count.__kwdefaults__)

print("5. and the deliberate use: a cache that outlives the calls")


def fib(n, _memo={0: 0, 1: 1}):
    if n not in _memo:
        _memo[n] = fib(n - 1) + fib(n - 2)
    return _memo[n]


print("  fib(80) =", fib(80), " memo entries:", len(fib.__defaults__[0]))
