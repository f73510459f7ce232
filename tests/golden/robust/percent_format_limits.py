# str %-formatting at the edges of its width and precision (str.c
# str_format_args): a '*' width of -2**63 (whose negation does not exist),
# a '*' precision outside a C int, digit widths and precisions past the
# limits, and float precisions beyond 10000 digits.
def show(expr):
    try:
        r = eval(expr)
    except Exception as e:
        print(expr, '->', type(e).__name__, e)
    else:
        print(expr, '->', repr(r) if len(r) < 60 else len(r))
for expr in [
    "'%*d|' % (-2**63, 1)",
    "'%*d|' % (-2**63 + 1, 1) if False else '%*d|' % (-5, 1)",
    "'%*s|' % (2**63, 'a')",
    "'%.*d' % (2**31, 1)",
    "'%.*d' % (-2**31 - 1, 1)",
    "'%.*d' % (-5, 1)",
    "'%.*s' % (-1, 'abc')",
    "'%.*f' % (2**31 - 2**31, 1.5)",
    "'%.2147483648d' % 1",
    "'%.2147483647d' % 1",
    "'%.2147483645x' % 1",
    "'%.2147483647d' % 'x'",
    "'%9223372036854775808d' % 1",
    "'%99999999999999999999s' % 'a'",
    "'%.20000f' % 1.5",
    "'%.200000e' % 1.5",
    "'%.20000g' % 1.5",
    "'%.3000f' % 1e300",
]:
    show(expr)
