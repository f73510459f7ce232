# b.py, fix 2: keep `import a` at the top (b gets the module object, even
# half-built), but look a.VERSION up only when describe() runs, never at
# import time.  `from a import VERSION` here would fail: it needs the
# value now.
print("  b: start")
import a


def describe():
    return "version " + a.VERSION
