# sys.version_info, hash_info, float_info, flags: struct sequences (tuples
# with named fields); the int <-> str digit limit.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 8), type(sys.version_info).__name__)
print(sys.hash_info)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[0])
print(sys.flags.optimize, sys.flags.debug, len(sys.flags))
print(sys.hexversion >> 16, sys.maxunicode, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.implementation.name in ("cpython", "minipy"), type(sys.implementation).__name__)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(1000)
try:
    str(10 ** 1200)
except ValueError as e:
    print(e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
try:
    sys.set_int_max_str_digits(5)
except ValueError as e:
    print(e)
major, minor, *rest = sys.version_info
