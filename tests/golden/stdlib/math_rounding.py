# math: floor/ceil/trunc return ints and honour __floor__/__ceil__/__trunc__
import math

for x in [2.5, -2.5, 0.0, -0.0, 1e20, 2**70, 7, -7, True, 1.9999999999999998]:
    print(repr(x), math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.ceil(1e300) == 10**300, math.floor(-1e300) < 0)


class R:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


print(math.floor(R()), math.ceil(R()), math.trunc(R()))


class F:
    def __float__(self):
        return 2.5


print(math.floor(F()), math.ceil(F()), math.sqrt(F()), math.isfinite(F()))


class I:
    def __index__(self):
        return 6


print(math.factorial(I()), math.gcd(I(), 4), math.isqrt(I()), math.comb(I(), 2))


class MyInt(int):
    def __floor__(self):
        return "myfloor"


print(math.floor(MyInt(3)), math.ceil(MyInt(3)), math.trunc(MyInt(3)))


class MyFloat(float):
    pass


print(math.floor(MyFloat(2.5)), math.trunc(MyFloat(-2.5)))
for bad in ["a", None, [1]]:
    for f in (math.floor, math.ceil, math.trunc):
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, type(e).__name__, e)
for v in [math.inf, -math.inf, math.nan]:
    for f in (math.floor, math.ceil, math.trunc):
        try:
            f(v)
        except (ValueError, OverflowError) as e:
            print(f.__name__, v, type(e).__name__, e)
