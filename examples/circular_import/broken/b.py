# b.py: imports a and uses it at import time.
print("  b: start")
import a                           # a is in sys.modules: returned half-built

PREFIX = "version " + a.VERSION    # AttributeError: a has not got there yet


def describe():
    return PREFIX
