# int: floor division and modulo signs, big ints, conversions, bases, bool as int.
for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2)):
    print(a, b, a // b, a % b, divmod(a, b), a / b)
big = 2 ** 100
print(big, -big, big // 3, big % 7, big * big, len(str(3 ** 500)))
print(10 ** 20 // -3, -(10 ** 20) % 7, (2 ** 64) >> 3, 1 << 70, -1 >> 100)
print(int("42"), int("-0x1f", 16), int("0b101", 0), int(" 12 "), int(3.99), int(-3.99), int(True))
print(hex(255).upper(), oct(8), bin(10), hex(-big).upper(), abs(-5), pow(2, 10), pow(3, 4, 5))
print(True + True, True * 3, 5 == 5.0, hash(1) == hash(1.0), 0 == -0)
print(round(2.5), round(3.5), round(-0.5), round(1234, -2), max(3, 9, 1), min([4, 2, 8]))
print((255).bit_length(), 7 .__add__(1))
for bad in ("abc", "1.5", ""):
    try:
        int(bad)
    except ValueError as e:
        print(e)
try:
    1 // 0
except ZeroDivisionError as e:
    print(e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(e)
