# PEP 562: a module's __getattr__ and __dir__.
import sys
sys.path.insert(0, "getattr")
import lazy
print(lazy.real, lazy.virtual_thing)
try:
    lazy.forbidden
except AttributeError as e:
    print("AttributeError:", e)
from lazy import computed
print(computed)
print(lazy.__dir__())
import plain
print(sorted(n for n in plain.__dir__() if not n.startswith("__")), "__file__" in plain.__dir__())
try:
    plain.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(plain, "nothing", "default"), hasattr(lazy, "anything"), hasattr(lazy, "forbidden"))
