# Circular imports inside a package: `from . import sibling` finds a half-built submodule in sys.modules.
import sys
sys.path.insert(0, "circpkg_dir")
import circpkg
print(circpkg.first.NAME, circpkg.first.second.__name__)
try:
    import circpkg.first.nothing
except ModuleNotFoundError as e:
    print(e)
print(sorted(m for m in sys.modules if m.startswith("circpkg")))
