# Integer results too large for GMP (more than INT_MAX limbs, about 2**37
# bits) must be MemoryError: past its limit GMP prints "overflow in mpz
# type" and aborts the process (int.c MAX_RESULT_BITS, result_fits).  The
# size estimate of a power must not overflow 64 bits either (2 ** 2**63
# estimated 2 * 2**63 bits, which wrapped to 0).  CPython spends hours
# squaring before its own MemoryError, so nothing can be recorded from it.
import sys

failures = []
count = 0
for expr in ['2 ** 2**63', '(-2) ** 2**63', '2 ** (2**64 - 1)',
             '3 ** 2**62', '(2**100) ** (2**60)', '1 << 2**37',
             '(-1) << 2**40', '7 ** 2**40']:
    count += 1
    try:
        eval(expr)
    except MemoryError:
        continue
    except Exception as e:
        failures.append('%s: %s' % (expr, type(e).__name__))
        continue
    failures.append('%s: no MemoryError' % expr)
# The trivial bases stay exact for any exponent.  round() to -2**63
# digits is 0 (without negating INT64_MIN: int.c long_round); CPython
# computes 10 ** 2**63 first.
for expr, want in [('1 ** 2**100', 1), ('(-1) ** (2**100 + 1)', -1),
                   ('0 ** 2**100', 0), ('round(12345, -2**63)', 0),
                   ('round(-2**100, -2**63)', 0),
                   ('round(5, -2**63 + 1)', 0), ('round(2**100, -2**64)', 0),
                   ('round(987654321, -5)', 987700000)]:
    count += 1
    if eval(expr) != want:
        failures.append(expr)
if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('ok: %d cases' % count)
