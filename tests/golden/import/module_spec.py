# Module attributes, specs and reprs: file modules, packages, built-ins, ModuleType.
import sys, gc
sys.path.insert(0, "rel")
import top.mid.low.leaf as leaf
for m in (top_mod := sys.modules["top"], sys.modules["top.mid"], leaf):
    s = m.__spec__
    print(m.__name__, m.__package__, s.name, s.parent, s.has_location,
          s.origin.rsplit("/", 3)[-3:], s.submodule_search_locations is not None,
          getattr(m, "__path__", None) is s.submodule_search_locations,
          m.__file__ == s.origin, m.__loader__ is s.loader)
print(repr(leaf).replace(leaf.__file__, "FILE"))
print(repr(sys), repr(gc), sys.__spec__.origin, sys.__package__)
print(sys.__spec__)
print(repr(leaf.__spec__).startswith("ModuleSpec(name='top.mid.low.leaf', loader=<_frozen_importlib_external.SourceFileLoader object at 0x"))
M = type(sys)
m = M("made", "doc here")
print(repr(m), m.__doc__, m.__package__, m.__spec__, m.__loader__)
m.__file__ = "somewhere.py"
print(repr(m))
del m.__file__
m.__loader__ = "LOADER"
print(repr(m))
print(sorted(m.__dict__))
print(sorted(M("x").__dir__()))
from importlib.machinery import ModuleSpec
s = ModuleSpec("a.b", None, origin="here", is_package=True)
print(s, s.parent, s.submodule_search_locations, s.has_location)
s2 = ModuleSpec("a.b", None)
print(s2, s2.parent)
m2 = M("a.b"); m2.__spec__ = s
print(repr(m2))
