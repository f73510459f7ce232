"""Abstract base classes for containers: Iterable, Sequence, Mapping, ...

Each ABC answers isinstance/issubclass in one of two ways:

  * structurally, through __subclasshook__: a class is an Iterable if some
    class in its MRO defines __iter__ (and none sets it to None first);
    the "one-trick ponies" (Hashable, Iterable, Sized, Container,
    Callable, ...) work this way, so user classes qualify without
    inheriting;
  * nominally, through register(): the built-in types are registered with
    the richer ABCs at the bottom of this file (tuple is a Sequence, dict a
    MutableMapping, ...), which a bare method check could not decide.

The richer ABCs are also mixins: subclass Mapping and define
__getitem__, __iter__ and __len__, and you get get, keys, items, values,
__contains__ and __eq__ from here.

The metaclass comes from the abc module when it is importable.  Until then
this file carries a small private ABCMeta of its own (_FallbackABCMeta):
register, caches, __subclasshook__ and a refusal to instantiate a class
with abstract methods left, which is the whole public contract these
classes rely on.

CPython keeps this in Lib/_collections_abc.py; this is a separate
implementation of the same documented behaviour.
Read first: _check_methods.
"""

import sys as _sys

__all__ = ['Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator',
           'AsyncGenerator', 'Hashable', 'Iterable', 'Iterator',
           'Generator', 'Reversible', 'Sized', 'Container', 'Callable',
           'Collection', 'Set', 'MutableSet', 'Mapping', 'MutableMapping',
           'MappingView', 'KeysView', 'ItemsView', 'ValuesView', 'Sequence',
           'MutableSequence', 'ByteString']


# {====== The metaclass (abc's, or a private fallback) ======

try:
    from abc import ABCMeta, abstractmethod
except ImportError:
    ABCMeta = None

if ABCMeta is None:
    def abstractmethod(funcobj):
        """Mark a method abstract: a class with abstract methods left
        cannot be instantiated."""
        funcobj.__isabstractmethod__ = True
        return funcobj

    class _FallbackABCMeta(type):
        """A minimal ABCMeta: registry, subclass hook, caches, abstract
        method check at instantiation."""

        _abc_invalidation = 0     # bumped by every register()

        def __new__(mcls, name, bases, namespace, **kwargs):
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
            abstracts = set()
            for key, value in namespace.items():
                if getattr(value, '__isabstractmethod__', False):
                    abstracts.add(key)
            for base in bases:
                for key in getattr(base, '__abstractmethods__', ()):
                    value = getattr(cls, key, None)
                    if getattr(value, '__isabstractmethod__', False):
                        abstracts.add(key)
            cls.__abstractmethods__ = frozenset(abstracts)
            cls._abc_registry = []
            cls._abc_subclasses = []
            cls._abc_cache = set()
            cls._abc_negative = set()
            cls._abc_version = _FallbackABCMeta._abc_invalidation
            for base in bases:
                if isinstance(base, _FallbackABCMeta):
                    base._abc_subclasses.append(cls)
            return cls

        def __call__(cls, *args, **kwargs):
            if cls.__abstractmethods__:
                names = sorted(cls.__abstractmethods__)
                raise TypeError("Can't instantiate abstract class %s with "
                                "abstract method%s %s"
                                % (cls.__name__,
                                   's' if len(names) > 1 else '',
                                   ', '.join(names)))
            return super().__call__(*args, **kwargs)

        def register(cls, subclass):
            """Register a virtual subclass of an ABC; returns it."""
            if not isinstance(subclass, type):
                raise TypeError('Can only register classes')
            if issubclass(subclass, cls):
                return subclass
            if issubclass(cls, subclass):
                raise RuntimeError('Refusing to create an inheritance cycle')
            cls._abc_registry.append(subclass)
            _FallbackABCMeta._abc_invalidation += 1
            return subclass

        def __instancecheck__(cls, instance):
            subclass = instance.__class__
            if subclass in cls._abc_cache:
                return True
            subtype = type(instance)
            if subtype is subclass:
                return cls.__subclasscheck__(subclass)
            return (cls.__subclasscheck__(subclass)
                    or cls.__subclasscheck__(subtype))

        def __subclasscheck__(cls, subclass):
            if not isinstance(subclass, type):
                raise TypeError('issubclass() arg 1 must be a class')
            if subclass in cls._abc_cache:
                return True
            if cls._abc_version < _FallbackABCMeta._abc_invalidation:
                cls._abc_negative = set()
                cls._abc_version = _FallbackABCMeta._abc_invalidation
            elif subclass in cls._abc_negative:
                return False
            ok = cls.__subclasshook__(subclass)
            if ok is not NotImplemented:
                if ok:
                    cls._abc_cache.add(subclass)
                else:
                    cls._abc_negative.add(subclass)
                return ok
            if cls in subclass.__mro__:
                cls._abc_cache.add(subclass)
                return True
            for rcls in cls._abc_registry:
                if issubclass(subclass, rcls):
                    cls._abc_cache.add(subclass)
                    return True
            for scls in cls._abc_subclasses:
                if issubclass(subclass, scls):
                    cls._abc_cache.add(subclass)
                    return True
            cls._abc_negative.add(subclass)
            return False

    class _FallbackABC(metaclass=_FallbackABCMeta):
        @classmethod
        def __subclasshook__(cls, C):
            return NotImplemented

    ABCMeta = _FallbackABCMeta
    _Base = _FallbackABC
else:
    class _Base(metaclass=ABCMeta):
        @classmethod
        def __subclasshook__(cls, C):
            return NotImplemented

# }======


# {====== Generic aliases: Iterable[int] ======
# What subscripting a generic ABC (or deque, OrderedDict, ...) gives, so
# that annotations such as `def f(x: Iterable[int])` evaluate: a
# types.GenericAlias (the C type list[int] is made of).  Callable's
# subscript keeps its argument list apart (Callable[[int, str], bool]),
# which the C alias does not show, so it has the small class below, as
# CPython has a subclass (_CallableGenericAlias).

GenericAlias = type(list[int])


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, list):
        return '[%s]' % ', '.join([_type_repr(a) for a in obj])
    return repr(obj)


class _GenericAlias:
    """Callable[[args], result], remembering both."""

    def __init__(self, origin, args, shown=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._shown = args if shown is None else shown
        self.__parameters__ = ()

    def __repr__(self):
        return '%s[%s]' % (_type_repr(self.__origin__),
                           ', '.join([_type_repr(a) for a in self._shown]))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ is other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)


def _callable_getitem(cls, args):
    # Callable[[int, str], bool]: __args__ is flattened to (int, str, bool)
    if not isinstance(args, tuple) or len(args) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], '
                        'result].')
    params, result = args
    if isinstance(params, list):
        flat = tuple(params) + (result,)
    else:
        flat = (params, result)
    return _GenericAlias(cls, flat, shown=(params, result))

# }======


# {====== Structural checks ======

def _namespace(cls):
    """cls's own attribute dict, or None when the class machinery does not
    expose it (then _lookup approximates through getattr)."""
    ns = getattr(cls, '__dict__', None)
    if ns is not None and hasattr(type(ns), '__getitem__'):
        return ns
    return None


_MISSING = object()


def _lookup(C, name):
    """The first definition of name along C's MRO: the value, or _MISSING.

    Attributes a metaclass provides (type.__call__ bound to C) do not
    count: they are not in C's MRO."""
    for B in C.__mro__:
        ns = _namespace(B)
        if ns is None:
            break
        if name in ns:
            return ns[name]
    else:
        return _MISSING
    # Class dicts are not visible: fall back on getattr, and reject what
    # came from the metaclass (bound to C itself).
    value = getattr(C, name, _MISSING)
    if value is _MISSING or value is None:
        return value
    if getattr(value, '__self__', None) is C and hasattr(type(C), name):
        return _MISSING
    return value


def _check_methods(C, *methods):
    """True when every method is defined somewhere in C's MRO and the
    first definition is not None; NotImplemented otherwise (so that
    register() and inheritance get their say)."""
    for method in methods:
        value = _lookup(C, method)
        if value is _MISSING or value is None:
            return NotImplemented
    return True

# }======


# {====== One-trick ponies ======
# minipy has no coroutines yet ('async def' is rejected), so the
# asynchronous ABCs below declare plain methods: they serve isinstance()
# and issubclass(), and their mixin methods return what the awaited call
# would produce instead of awaiting it.

class Hashable(_Base):

    @abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, '__hash__')
        return NotImplemented


class Awaitable(_Base):

    @abstractmethod
    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Awaitable:
            return _check_methods(C, '__await__')
        return NotImplemented


class Coroutine(Awaitable):

    @abstractmethod
    def send(self, value):
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('coroutine ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, '__await__', 'send', 'throw', 'close')
        return NotImplemented


class AsyncIterable(_Base):

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterable:
            return _check_methods(C, '__aiter__')
        return NotImplemented


class AsyncIterator(AsyncIterable):

    @abstractmethod
    def __anext__(self):
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterator:
            return _check_methods(C, '__anext__', '__aiter__')
        return NotImplemented


class AsyncGenerator(AsyncIterator):

    def __anext__(self):
        return self.asend(None)

    @abstractmethod
    def asend(self, value):
        raise StopAsyncIteration

    @abstractmethod
    def athrow(self, typ, val=None, tb=None):
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def aclose(self):
        return self.athrow(GeneratorExit)

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, '__aiter__', '__anext__',
                                  'asend', 'athrow', 'aclose')
        return NotImplemented


class Iterable(_Base):

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, '__iter__')
        return NotImplemented


class Iterator(Iterable):

    @abstractmethod
    def __next__(self):
        'Return the next item from the iterator. When exhausted, raise StopIteration'
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, '__iter__', '__next__')
        return NotImplemented


class Reversible(Iterable):

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, '__reversed__', '__iter__')
        return NotImplemented


class Generator(Iterator):

    def __next__(self):
        """Return the next item from the generator.
        When exhausted, raise StopIteration."""
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Send a value into the generator.
        Return next yielded value or raise StopIteration."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception in the generator.
        Return next yielded value or raise StopIteration."""
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        """Raise GeneratorExit inside generator."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError('generator ignored GeneratorExit')

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__',
                                  'send', 'throw', 'close')
        return NotImplemented


class Sized(_Base):

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, '__len__')
        return NotImplemented


class Container(_Base):

    @abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, '__contains__')
        return NotImplemented


class Collection(Sized, Iterable, Container):

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, '__len__', '__iter__', '__contains__')
        return NotImplemented


class Callable(_Base):

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            return _check_methods(C, '__call__')
        return NotImplemented

# }======


# {====== Sets ======

class Set(Collection):
    """A set is a finite, iterable container.

    Concrete subclasses define __contains__, __iter__ and __len__; the
    comparisons and the operators & | - ^ and isdisjoint() come from here,
    the operators building results through _from_iterable (cls(it) by
    default)."""

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other
                                   if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        'Return True if two sets have a null intersection.'
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self
                                   if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other
                                   if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash for a set-like object, independent of iteration order
        (the frozenset algorithm: mix each element's hash, xor them, then
        mix in the size)."""
        MAX = _sys.maxsize
        MASK = 2 * MAX + 1
        n = len(self)
        h = 1927868237 * (n + 1)
        h &= MASK
        for x in self:
            hx = hash(x)
            h ^= (hx ^ (hx << 16) ^ 89869747) * 3644798167
            h &= MASK
        h ^= (h >> 11) ^ (h >> 25)
        h = h * 69069 + 907133923
        h &= MASK
        if h > MAX:
            h -= MASK + 1
        if h == -1:
            h = 590923713
        return h


Set.register(frozenset)


class MutableSet(Set):
    """A mutable set: add and discard are abstract; remove, pop, clear and
    the in-place operators come from here."""

    @abstractmethod
    def add(self, value):
        """Add an element."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Remove an element.  Do not raise an exception if absent."""
        raise NotImplementedError

    def remove(self, value):
        """Remove an element. If not a member, raise a KeyError."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Return the popped value.  Raise KeyError if empty."""
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        """This is slow (creates N new iterators!) but effective."""
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


MutableSet.register(set)

# }======


# {====== Mappings and their views ======

class Mapping(Collection):
    """A Mapping is a generic container for associating key/value pairs.

    Concrete subclasses define __getitem__, __iter__ and __len__."""

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        'D.get(k[,d]) -> D[k] if k in D, else d.  d defaults to None.'
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        "D.keys() -> a set-like object providing a view on D's keys"
        return KeysView(self)

    def items(self):
        "D.items() -> a set-like object providing a view on D's items"
        return ItemsView(self)

    def values(self):
        "D.values() -> an object providing a view on D's values"
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)


class KeysView(MappingView, Set):

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class MutableMapping(Mapping):
    """A MutableMapping is a generic container for associating key/value
    pairs.

    Concrete subclasses also define __setitem__ and __delitem__; pop,
    popitem, clear, update and setdefault come from here."""

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    __marker = object()

    def pop(self, key, default=__marker):
        '''D.pop(k[,d]) -> v, remove specified key and return the
        corresponding value.  If key is not found, d is returned if given,
        otherwise KeyError is raised.'''
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        '''D.popitem() -> (k, v), remove and return some (key, value) pair
        as a 2-tuple; but raise KeyError if D is empty.'''
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        'D.clear() -> None.  Remove all items from D.'
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        ''' D.update([E, ]**F) -> None.  Update D from mapping/iterable E
        and F.'''
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        'D.setdefault(k[,d]) -> D.get(k,d), also set D[k]=d if k not in D'
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

# }======


# {====== Sequences ======

class Sequence(Reversible, Collection):
    """All the operations on a read-only sequence.

    Concrete subclasses must override __new__ or __init__, __getitem__,
    and __len__."""

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        '''S.index(value, [start, [stop]]) -> integer -- return first index
        of value.  Raises ValueError if the value is not present.'''
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        'S.count(value) -> integer -- return number of occurrences of value'
        return sum(1 for v in self if v is value or v == value)


Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)


class ByteString(Sequence):
    """This unifies bytes and bytearray."""


ByteString.register(bytes)
ByteString.register(bytearray)


class MutableSequence(Sequence):
    """All the operations on a read-write sequence.

    Concrete subclasses must provide __new__ or __init__, __getitem__,
    __setitem__, __delitem__, __len__, and insert()."""

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        'S.insert(index, value) -- insert value before index'
        raise IndexError

    def append(self, value):
        'S.append(value) -- append value to the end of the sequence'
        self.insert(len(self), value)

    def clear(self):
        'S.clear() -> None -- remove all items from S'
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        'S.reverse() -- reverse *IN PLACE*'
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        'S.extend(iterable) -- extend sequence by appending elements from the iterable'
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        '''S.pop([index]) -> item -- remove and return item at index
        (default last).  Raise IndexError if list is empty or index is out
        of range.'''
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        '''S.remove(value) -- remove first occurrence of value.  Raise
        ValueError if the value is not present.'''
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


MutableSequence.register(list)
MutableSequence.register(bytearray)

# }======


# {====== The built-in types, registered ======

_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())

Iterator.register(type(iter(b'')))
Iterator.register(type(iter(bytearray())))
Iterator.register(type(iter({})))
Iterator.register(type(iter({}.values())))
Iterator.register(type(iter({}.items())))
Iterator.register(type(iter([])))
Iterator.register(type(iter(reversed([]))))
Iterator.register(type(iter(range(0))))
Iterator.register(type(iter(range(1 << 1000))))
Iterator.register(type(iter(set())))
Iterator.register(type(iter('')))
Iterator.register(type(iter(())))
Iterator.register(type(iter(zip())))


def _generator():
    yield


Generator.register(type(_generator()))
del _generator

KeysView.register(_dict_keys)
ValuesView.register(_dict_values)
ItemsView.register(_dict_items)
MutableMapping.register(dict)

# }======


# {====== Subscription ======
# The ABCs CPython makes generic (all but Hashable and Sized).
for _cls in (Awaitable, Coroutine, AsyncIterable, AsyncIterator,
             AsyncGenerator, Iterable, Iterator, Reversible, Generator,
             Container, Collection, Set, MutableSet, Mapping,
             MutableMapping, MappingView, KeysView, ItemsView, ValuesView,
             Sequence, MutableSequence, ByteString):
    _cls.__class_getitem__ = classmethod(GenericAlias)
Callable.__class_getitem__ = classmethod(_callable_getitem)
del _cls
# }======
