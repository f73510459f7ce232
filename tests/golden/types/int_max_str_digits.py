# sys.set_int_max_str_digits: the 3.11 limit on decimal int<->str conversions
import sys
for a in [(5,), (640,), (641,), (0,), ('x',), (1.5,), (-1,)]:
    try: print(sys.set_int_max_str_digits(*a), sys.get_int_max_str_digits())
    except Exception as e: print(type(e).__name__, e)
try: sys.set_int_max_str_digits(maxdigits=700); print(sys.get_int_max_str_digits())
except Exception as e: print(type(e).__name__, e)
try: sys.get_int_max_str_digits(1)
except Exception as e: print(type(e).__name__, e)
print(sys.int_info[2:], sys.flags.int_max_str_digits)
sys.set_int_max_str_digits(700)
for f in [lambda: int('1'*701), lambda: str(10**701), lambda: f"{10**701}", lambda: '%d' % (10**701), lambda: '%i' % (10**701), lambda: format(10**701, ','), lambda: repr(10**701), lambda: '{:d}'.format(-10**701), lambda: int(b'1'*701), lambda: int('1'*701, 16) > 0, lambda: len(str(10**699))]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(len(hex(10**800)))
sys.set_int_max_str_digits(0); print(len(str(10**5000)))
