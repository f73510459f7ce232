print("b: start")
import a
print("b: a is half-built:", hasattr(a, "VERSION"), hasattr(a, "main"))
PREFIX = "version " + a.VERSION


def describe():
    return PREFIX
