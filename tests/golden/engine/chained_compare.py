# Chained comparisons: each middle operand evaluated once, short-circuit on first False.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) != v(2) is not None, calls)
calls.clear()
print(v(1) in [v(1), 2] not in [[True]], calls)
x = 5
print(0 <= x < 10, 0 < x > 10, 1 < 2 > 0 == 0)
print([i for i in range(10) if 2 < i <= 5])
try:
    print(1 < "a" < 2)
except TypeError as e:
    print(e)
