# float: shortest repr, special values, division, rounding, conversions.
print(0.1, 0.1 + 0.2, 1.0, 1e16, 1e-5, 123456789.0, 1.5e300 * 1e10, -0.0)
print(1 / 3, 2 / 2, 7.0 // 2, -7.0 // 2, 7.5 % -2, 2 ** -1, 10 ** 0.5)
print(float("1.5"), float("-inf"), float("nan") == float("nan"), float(" 3 "), float(7))
print(1e22, 1e21, 1e15 + 0.3, 12345678901234567890.0, 0.000001, 0.0001)
print(round(3.14159, 2), round(2.675, 2), round(-1.5), int(2.9), abs(-2.5))
print((3.0).is_integer(), (0.5).as_integer_ratio(), 3.7 // 1, divmod(7.5, 2))
print(float("inf") > 10 ** 300, -float("inf"), repr(float("nan")), str(1.0e-7))
print(1.0 == 1, 0.1 * 3 == 0.3, hash(2.0) == hash(2), max(1, 2.0), min(1.0, 1))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(e)
