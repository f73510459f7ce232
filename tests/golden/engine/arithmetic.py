# Integer and float operators, the small-int fast paths and their overflow into GMP.
x = 7
y = -3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** 2, -x, +x, ~x)
print(2 ** 64, 2 ** 64 - 1 + 1, -(2 ** 63), (2 ** 63 - 1) + 1)
print(x << 3, x >> 1, x & 3, x | 8, x ^ 5)
print(7.5 // 2, 7.5 % 2, -7.5 // 2, divmod(17, 5), divmod(-17, 5))
print(1 < 2 < 3, 1 < 2 > 3, 3 == 3.0, 1 != 1)
total = 0
for i in range(100):
    total += i * i
print(total)
a = 10
a -= 3
a *= 2
a //= 3
print(a)
