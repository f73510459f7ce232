# importlib: import_module (absolute and relative), reload, invalidate_caches, util.find_spec, __import__.
import importlib, importlib.util, sys
sys.path.insert(0, "rel")
low = importlib.import_module("top.mid.low")
print(low.__name__, "top" in globals())
print(importlib.import_module(".sibling", "top.mid").SIB)
print(importlib.import_module("..sibling", "top.mid.low").__name__)
for args in ((".x",), (".x", ""), ("...x", "top.mid"), (3,), ("",), ("nowhere_at_all",)):
    try:
        importlib.import_module(*args)
    except Exception as e:
        print(type(e).__name__, e)
sib = sys.modules["top.mid.sibling"]
sib.SIB = "changed"
sib.extra = "kept"
again = importlib.reload(sib)
print(again is sib, sib.SIB, sib.extra)
for bad in (3, type(sys)("not_registered")):
    try:
        importlib.reload(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(importlib.invalidate_caches())
spec = importlib.util.find_spec("top.mid.sibling")
print(spec.name, spec.parent, spec.origin.endswith("rel/top/mid/sibling.py"))
spec = importlib.util.find_spec("top.mid.unloaded")
print(spec)
print(importlib.util.find_spec("no_such_top"), importlib.util.find_spec("sys").origin)
s = importlib.util.find_spec("top.mid.low.leaf")
print(s.name, s.submodule_search_locations, "top.mid.low.leaf" in sys.modules)
try:
    importlib.util.find_spec("top.mid.sibling.x")
except ModuleNotFoundError as e:
    print(e)
print(importlib.util.resolve_name(".a", "p.q"), importlib.util.resolve_name("b", None))
print(__import__("top.mid.low").__name__, __import__("top.mid.low", fromlist=["leaf"]).__name__)
print(__import__("top.mid", globals(), None, ["sibling", "nothing_here"]).__name__)
print(__import__(name="top", fromlist=("mid",), level=0).mid.__name__)
