# from x import *: __all__ honoured (with submodules), underscored names skipped otherwise, errors.
import sys
sys.path.insert(0, "star")
from starplain import *
print(sorted(n for n in globals() if not n.startswith("__")))
from starall import *
print(public, "_hidden" in globals(), "also" in globals())
from starpkg import *
print(sub.WHAT, top_name)
try:
    from starbad import *
except AttributeError as e:
    print("AttributeError:", e)
try:
    from starnotstr import *
except TypeError as e:
    print("TypeError:", e)
