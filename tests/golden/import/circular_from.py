# `from a import foo` in a circular import fails with CPython's words; both modules leave sys.modules.
import sys
sys.path.insert(0, "cfrom")
try:
    import ca
except ImportError as e:
    print(type(e).__name__, "|", e)
    print("name:", e.name, "| path:", e.path)
print([m for m in ("ca", "cb") if m in sys.modules])
# a fully initialised module: the plain message
import cdone
try:
    from cdone import missing
except ImportError as e:
    print(e, "|", e.name, "|", e.path)
# a module without __file__: (unknown location)
try:
    from sys import no_such_thing
except ImportError as e:
    print(e, "|", e.name, "|", e.path)
# the partially-initialised AttributeError, from the other side
import cattr
