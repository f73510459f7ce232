# math.fsum: exact partials (Shewchuk), one rounding, inf/nan/overflow rules
import math

print(sum([0.1] * 10), math.fsum([0.1] * 10))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(range(10)), math.fsum(iter([0.5, 0.25])))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([1e308, 1e308, -1e308 * 0.5, -1e308 * 1.5]) if False else math.fsum([2.0**53, -0.5, -2.0**-54]))
print(math.fsum([1.0, 1e-16, 1e-16, 1e-16]), math.fsum([-0.0, -0.0]), math.fsum([-0.0, 0.0]))
print(math.fsum([2.0**1023, 2.0**1023 * -1, 1.5]))
print(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 5e-324]))
print(math.fsum([math.inf, 1.0]), math.fsum([-math.inf, -math.inf]), math.fsum([math.nan, 1]))
print(math.fsum([math.inf, math.nan]))
vals = [(-1) ** i * 1.0 / (i + 1) for i in range(1000)]
print(math.fsum(vals), math.fsum(x * 1e-300 for x in vals))
print(math.fsum([1, 2 ** 52 + 0.5, -(2 ** 52)]), math.fsum([0.5, 2.0**-53, 2.0**-106]))
print(math.fsum([1.0, 2.0**-53, 2.0**-105]), math.fsum([1.0, -(2.0**-54), -(2.0**-107)]))
for bad in ([1e308, 1e308, -1e308], [math.inf, -math.inf], [1, "a"], 5):
    try:
        print(math.fsum(bad))
    except Exception as e:
        print(type(e).__name__, e)
