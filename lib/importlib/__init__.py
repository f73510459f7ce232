"""importlib for minipy: import_module, reload, invalidate_caches.

Our own Python over the C import system (src/import.c), reached through
the _imp module: the finding, loading and caching of modules all happen
in C, exactly as for the import statement, so both behave the same.
"""
import sys
import _imp

__all__ = ["import_module", "reload", "invalidate_caches"]

_RELOADING = {}


def _resolve_name(name, package, level):
    """The absolute name of a relative import, as CPython computes it."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def _sanity_check(name, package, level):
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        elif not package:
            raise ImportError("attempted relative import with no known "
                              "parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")


def import_module(name, package=None):
    """Import a module and return it (the module itself, not its top-level
    package).  A relative name ('.mod', '..pkg.mod') is taken relative to
    package, which is then required."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform "
                            f"a relative import for {name!r}")
        for character in name:
            if character != ".":
                break
            level += 1
    name = name[level:]
    _sanity_check(name, package, level)
    if level > 0:
        name = _resolve_name(name, package, level)
    return _imp.import_module(name)


def invalidate_caches():
    """Nothing to do: minipy's finders keep no caches (every import looks
    at the file system afresh)."""


def reload(module):
    """Re-run the module's code in the same module object, after finding
    it again (its file may have moved or changed).  Returns the module
    that sys.modules then holds."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if not isinstance(module, type(sys)):
        raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError(f"parent {parent_name!r} not in "
                                  "sys.modules", name=parent_name) from None
            else:
                pkgpath = parent.__path__
        else:
            pkgpath = None
        spec = _imp.find_spec(name, pkgpath)
        if spec is None:
            raise ModuleNotFoundError(f"spec not found for the module "
                                      f"{name!r}", name=name)
        module.__spec__ = spec
        _imp.exec_spec(spec, module)
        # as CPython: the reloaded module moves to the end of sys.modules
        module = sys.modules.pop(name)
        sys.modules[name] = module
        return module
    finally:
        del _RELOADING[name]


# importlib.__import__ is the import statement's function itself
__import__ = __import__
