"""importlib.util for minipy: find_spec, resolve_name, module_from_spec."""
import sys
import _imp
from importlib import _resolve_name

__all__ = ["find_spec", "resolve_name", "module_from_spec"]


def resolve_name(name, package):
    """The absolute name for a relative module name ('.mod') in package."""
    if not name.startswith("."):
        return name
    elif not package:
        raise ImportError(f"no package specified for {repr(name)} "
                          "(required for relative module names)")
    level = 0
    for character in name:
        if character != ".":
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def find_spec(name, package=None):
    """The spec of a module, or None: the __spec__ of a module already in
    sys.modules, else the result of searching for it (the parent package
    of a submodule is imported; the module itself is not)."""
    fullname = resolve_name(name, package) if name.startswith(".") else name
    return _imp.util_find_spec(fullname)


def module_from_spec(spec):
    """A new module, its import attributes set from spec; its code has not
    run."""
    module = type(sys)(spec.name)
    module.__spec__ = spec
    module.__loader__ = spec.loader
    module.__package__ = spec.parent
    if spec.submodule_search_locations is not None:
        module.__path__ = spec.submodule_search_locations
    if spec.has_location:
        module.__file__ = spec.origin
    return module
