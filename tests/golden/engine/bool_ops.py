# and/or return an operand and short-circuit; not; truthiness of built-in values; conditional expressions.
log = []
def t(v):
    log.append(v)
    return v
print(0 or "x", [] and 1, "a" and "b", None or 0 or "", 1 and 0 or 5)
print(t(0) and t(1), t(2) or t(3), log)
for v in (0, 0.0, "", [], (), {}, set(), None, 1, "0", [0], -1, 0.1):
    print(repr(v), bool(v), not v, "T" if v else "F")
print(True & False, True | False, True ^ True, ~True, -False, True == 1)
x = 5
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
print(all([]), any([]), all([1, 0]), any([0, 2]), all(v > 0 for v in [1, 2]))
