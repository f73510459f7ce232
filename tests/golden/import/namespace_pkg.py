# Namespace packages: directories without __init__.py, spread over two sys.path entries.
import sys
sys.path[0:0] = ["nsa", "nsb"]
import nsp
print(repr(nsp).startswith("<module 'nsp' (<_frozen_importlib_external.NamespaceLoader object at 0x"))
print(nsp.__file__, nsp.__package__, [p.rsplit("/", 2)[-2:] for p in nsp.__path__])
print(type(nsp.__path__).__name__, len(nsp.__path__))
print(nsp.__spec__.name, nsp.__spec__.origin, nsp.__spec__.parent, nsp.__spec__.has_location)
import nsp.one, nsp.two
print(nsp.one.WHO, nsp.two.WHO, nsp.one.__package__, nsp.one.__spec__.parent)
from nsp.deep import leaf
print(leaf.WHO, leaf.__name__, leaf.__package__)
from nsp.deep.leaf import up
print(up)
print(sorted(m for m in sys.modules if m.startswith("nsp")))
