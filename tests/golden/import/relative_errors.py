# Relative imports: resolution from __package__, and CPython's errors.
import sys
sys.path.insert(0, "rel")
import top.mid.low.leaf as leaf
print(leaf.mid_value, leaf.top_value, leaf.SIB)
try:
    from . import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .. import anything
except ImportError as e:
    print(type(e).__name__, e)
try:
    __import__("x", {"__package__": "top"}, None, [], 2)
except ImportError as e:
    print(type(e).__name__, e)
print(__import__("mid", {"__package__": "top"}, None, ["low"], 1).low.__name__)
print(__import__("mid.low", {"__name__": "top.other"}, None, [], 1).__name__)
print(__import__("", {"__name__": "top", "__path__": []}, None, ["mid"], 1).mid.__name__)
for bad in ({"__package__": 3}, {"__name__": 3}, {}, None):
    try:
        __import__("x", bad, None, [], 1)
    except Exception as e:
        print(type(e).__name__, e)
for args in ((3,), ("",), ("x", None, None, [], -1)):
    try:
        __import__(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    __import__("top", fromlist=[3])
except TypeError as e:
    print(e)
import top.mid.sibling as sib
try:
    import top.mid.sibling.nope
except ModuleNotFoundError as e:
    print(e, "|", e.name)
