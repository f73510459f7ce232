# complex.__format__ (format.c MpFormat_Complex): parts, signs, padding, errors.
values = [1 + 2j, 2j, -1.5 - 0.25j, complex(1234567.891, -0.0),
          complex(-0.0, 3), complex(float("nan"), float("inf")), -0.04 - 0.04j,
          1e16j, complex(1e20, 1)]
specs = ["", "10", "<12", "^14", ">16", ".2f", "f", "+.1f", " ", "+", "e",
         ".3g", "g", "n", "#.0f", ",.2f", "_", "z.1f", ".1", ".0", "*^20.2f",
         "E", "F", "G", "-", "#g", "12.3e"]
for s in specs:
    print(repr(s), [format(v, s) for v in values])
print(f"{3+4j:>20.3e}|{1+1j!s:>8}|{2-3j:.1f}")
print("{:.2f} and {:^12}".format(1.234 + 5.678j, 1j))
for bad in ["=10", "010", "0<10", "%", "d", "s", "x", ",c"]:
    try:
        format(1 + 2j, bad)
    except ValueError as e:
        print(repr(bad), e)
try:
    format(1j, 5)
except TypeError as e:
    print(e)
