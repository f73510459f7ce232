# Unpacking: tuple and list targets, starred targets, nested targets, swap, errors.
a, b = 1, 2
[c, d] = "xy"
print(a, b, c, d)
first, *middle, last = range(6)
print(first, middle, last)
*head, tail = [1]
print(head, tail)
(p, q), [r, *s] = (1, 2), [3, 4, 5]
print(p, q, r, s)
a, b = b, a
print(a, b)
x = y = [0]
print(x is y)
for n, (k, v) in ((0, ("a", 1)), (1, ("b", 2))):
    print(n, k, v)
for i, *rest in [(1, 2, 3), (4,)]:
    print(i, rest)
for bad in ((1,), (1, 2, 3), 5):
    try:
        u, v = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c, d = (1, 2)
except ValueError as e:
    print(e)
