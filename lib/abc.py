"""Abstract Base Classes (PEP 3119), written for minipy.

How it works.  ABCMeta is a metaclass: when a class is created it collects
the names of the methods still abstract -- those marked with
@abstractmethod in the body, and those inherited abstract methods the
class did not override -- into cls.__abstractmethods__.  Setting that
attribute on a class raises a flag in the type (type.c,
type_set_abstractmethods) which object.__new__ checks: "Can't instantiate
abstract class C with abstract method f".  So the refusal happens in the
interpreter's own object creation, as in CPython, not in Python code here.

isinstance() and issubclass() consult the metaclass's __instancecheck__ and
__subclasscheck__ (abstract.c).  ABCMeta's __subclasscheck__ answers, in
order: the class's __subclasshook__ (True/False, or NotImplemented to go
on), real inheritance, classes registered with register() (virtual
subclasses), and subclasses of the ABC.  Answers are cached per ABC; a
register() anywhere makes every negative answer stale (a global counter,
the "cache token").

Difference from CPython: the caches and the registry hold classes strongly
(CPython uses weak sets), so a registered class lives as long as the ABC.

CPython counterpart: Lib/abc.py and Lib/_py_abc.py (the pure-Python
implementation the C module _abc mirrors).
"""


def abstractmethod(funcobj):
    """Mark a method abstract: a class whose metaclass is ABCMeta cannot be
    instantiated until every abstract method is overridden."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""

    __isabstractmethod__ = True


# Bumped by every register(): cached negative answers older than this are
# recomputed.
_invalidation_counter = 0


def get_cache_token():
    """The current ABC cache token: it changes whenever a class is
    registered with any ABC."""
    return _invalidation_counter


def _is_abstract(value):
    return getattr(value, "__isabstractmethod__", False)


def _compute_abstracts(cls, namespace_items):
    abstracts = set()
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace.items())
        cls._abc_registry = set()
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _invalidation_counter
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; returns the subclass, so
        that register can be used as a class decorator."""
        global _invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass  # already a subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.add(subclass)
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (cls._abc_negative_cache_version == _invalidation_counter
                    and subclass in cls._abc_negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _invalidation_counter:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _invalidation_counter
        elif subclass in cls._abc_negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either "
                                     "False, True, or NotImplemented")
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add(subclass)
            return True
        for rcls in cls._abc_registry:
            if issubclass(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        for name in ('_abc_registry', '_abc_cache', '_abc_negative_cache',
                     '_abc_negative_cache_version'):
            print(f"{name}: {getattr(cls, name)!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_cache.clear()
        cls._abc_negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added to or
    removed from an ABC after its creation (class decorators do this).
    Returns cls; a class that is not an ABC is returned unchanged."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    cls.__abstractmethods__ = _compute_abstracts(cls, cls.__dict__.items())
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: inherit from ABC instead of writing
    metaclass=ABCMeta."""

    __slots__ = ()
