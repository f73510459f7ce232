# math: factorial, comb, perm, gcd, lcm, isqrt, prod on GMP integers
import math

print([math.factorial(n) for n in range(12)])
print(math.factorial(100))
print(len(str(math.factorial(3000))), math.factorial(True))
print(math.comb(10, 3), math.comb(10, 0), math.comb(10, 10), math.comb(3, 10), math.comb(0, 0))
print(math.comb(100, 50), math.comb(10**20, 2), math.comb(10**20, 10**20 - 1))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(3, 10), math.perm(10**20, 2))
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 30))
print(math.gcd(0, 0), math.gcd(2**100, 2**60 * 3), math.gcd(True, 4))
print(math.lcm(), math.lcm(4), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6))
print(math.lcm(2**70, 3**40))
print([math.isqrt(n) for n in (0, 1, 3, 4, 15, 16, 17, 10**20, 10**20 - 1)])
print(math.isqrt(2**200 + 12345), math.isqrt(True))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 4]))
print(math.prod([2, 3], start=10), math.prod([[1]], start=3), math.prod(iter([7, 8])))
print(math.prod(["ab"], start=3), math.prod([], start="x"))
