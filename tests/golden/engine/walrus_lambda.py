# Assignment expressions (:=) in conditions and comprehensions; lambdas with defaults and closures.
data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print("long", n)
it = iter(data)
while (v := next(it, None)) is not None:
    print(v, end=" ")
print()
print([y for x in data if (y := x * 2) > 5], y)
def f():
    [last := x for x in range(4)]
    return last
print(f())
add = lambda a, b=10, *r, k=1, **kw: a + b + sum(r) + k + len(kw)
print(add(1), add(1, 2, 3, 4, k=0, z=1), (lambda: "no args")(), (lambda *a: a)(1, 2))
make = lambda base: (lambda v: base + v)
print(make(100)(5), add.__name__, sorted(data, key=lambda x: -x))
