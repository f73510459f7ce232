# format() and str.format with a width near 2**63 and a two-byte fill:
# the padding is reserved in one allocation (format.c put_fill over
# MpStrBuf_Reserve), so the impossible size is a MemoryError at once
# instead of 2**62 appends that each fail (a hang).  (Widths whose padding
# would reach malloc are left out: under ASan malloc(2**62) aborts.)
def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
    else:
        print(expr, '->', repr(r) if len(r) < 60 else len(r))
for expr in [
    "format(1, 'é>9223372036854775806')",
    "format(-1, 'é<9223372036854775806')",
    "format('a', 'é<9223372036854775806')",
    "format(1.5, 'é>9223372036854775806')",
    "format(1j, 'é<9223372036854775806')",
    "'{:é>9223372036854775807}'.format('x')",
    "'{:é>{}}'.format('x', 2**63 - 1)",
    "format(1, '9223372036854775808')",
    "format(1, '0=1000,')",
    "format(-1, '0=1000_x')",
    "format(1, 'é^2001')",
]:
    show(expr)
