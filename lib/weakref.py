"""weakref — weak references and the containers built on them.

The core (ref, proxy, getweakrefcount, getweakrefs) is C: src/objects/
weakref.c, the _weakref module.  Everything here is Python built on it:

  WeakMethod           a ref to a bound method, which dies with its object
                       or its function (a plain ref to a bound method dies
                       at once: the method object is temporary);
  WeakValueDictionary  key -> ref(value); an entry disappears when its
                       value dies (the ref's callback removes it);
  WeakKeyDictionary    ref(key) -> value; the same for keys;
  WeakSet              a set of refs;
  finalize             call a function when an object dies, or at exit.

The callbacks hold the container only weakly too, so that a container can
die before its contents.  While a container is being iterated, removals
are deferred (a callback would otherwise change the dict under the
iteration) and done when the last iteration ends.

minipy's own code, written after the documentation of CPython's
Lib/weakref.py and Lib/_weakrefset.py.
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs,
                      ReferenceType, ProxyType, CallableProxyType)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method: alive while both the object and
    the function are."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            # the first of the object or the function to die calls back
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._alive = True
        self_wr = ref(self)
        return self

    def __init__(self, meth, callback=None):
        pass

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and \
                self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or \
                self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class _Guarded:
    """Deferred removals while iterating (shared by the containers)."""

    def _init_guard(self):
        self._pending_removals = []
        self._iterating = 0

    def _enter(self):
        self._iterating += 1

    def _leave(self):
        self._iterating -= 1
        if self._iterating == 0 and self._pending_removals:
            self._commit_removals()


class KeyedRef(ref):
    """A ref that remembers a key: WeakValueDictionary's values, so that
    the callback knows which entry to remove."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakValueDictionary(_Guarded):
    """A mapping whose values are held weakly: an entry goes away when its
    value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(wr.key)
                else:
                    _remove_dead_weakref(self.data, wr.key)

        self._remove = remove
        self._init_guard()
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self):
        pending = self._pending_removals
        self._pending_removals = []
        for key in pending:
            _remove_dead_weakref(self.data, key)

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in self.data.values() if wr() is not None)

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        self._enter()
        try:
            for k, wr in list(self.data.items()):
                v = wr()
                if v is not None:
                    yield k, v
        finally:
            self._leave()

    def keys(self):
        for k, v in self.items():
            yield k

    __iter__ = keys

    def itervaluerefs(self):
        self._enter()
        try:
            yield from list(self.data.values())
        finally:
            self._leave()

    def valuerefs(self):
        return list(self.data.values())

    def values(self):
        for k, v in self.items():
            yield v

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *args):
        try:
            wr = self.data.pop(key)
        except KeyError:
            o = None
        else:
            o = wr()
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def clear(self):
        self.data.clear()

    def __or__(self, other):
        if hasattr(other, "items"):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakKeyDictionary(_Guarded):
    """A mapping whose keys are held weakly: an entry goes away when its
    key dies."""

    def __init__(self, dict=None):
        self.data = {}
        self_wr = ref(self)

        def remove(k, selfref=self_wr):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(k)
                else:
                    try:
                        del self.data[k]
                    except KeyError:
                        pass

        self._remove = remove
        self._init_guard()
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pending = self._pending_removals
        self._pending_removals = []
        for k in pending:
            try:
                del self.data[k]
            except KeyError:
                pass

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        self._enter()
        try:
            for wr, value in list(self.data.items()):
                key = wr()
                if key is not None:
                    yield key, value
        finally:
            self._leave()

    def keys(self):
        for k, v in self.items():
            yield k

    __iter__ = keys

    def values(self):
        for k, v in self.items():
            yield v

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def __or__(self, other):
        if hasattr(other, "items"):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


class WeakSet(_Guarded):
    """A set whose elements are held weakly."""

    def __init__(self, data=None):
        self.data = set()
        self_wr = ref(self)

        def remove(item, selfref=self_wr):
            self = selfref()
            if self is not None:
                if self._iterating:
                    self._pending_removals.append(item)
                else:
                    self.data.discard(item)

        self._remove = remove
        self._init_guard()
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending = self._pending_removals
        self._pending_removals = []
        for item in pending:
            self.data.discard(item)

    def __iter__(self):
        self._enter()
        try:
            for itemref in list(self.data):
                item = itemref()
                if item is not None:
                    yield item
        finally:
            self._leave()

    def __len__(self):
        return sum(1 for wr in self.data if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        while True:
            try:
                itemref = self.data.pop()
            except KeyError:
                raise KeyError('pop from empty WeakSet') from None
            item = itemref()
            if item is not None:
                return item

    def remove(self, item):
        self.data.remove(ref(item))

    def discard(self, item):
        self.data.discard(ref(item))

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        for item in other:
            self.discard(item)

    def __isub__(self, other):
        self.difference_update(other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        keep = [item for item in other if item in self]
        self.data.clear()
        for item in keep:
            self.add(item)

    def __iand__(self, other):
        self.intersection_update(other)
        return self

    def issubset(self, other):
        return all(item in other for item in self)

    __le__ = issubset

    def __lt__(self, other):
        return self.issubset(other) and len(self) < len(other)

    def issuperset(self, other):
        return all(item in self for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.issuperset(other) and len(self) > len(other)

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == other.data

    __hash__ = None

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        for item in list(other):
            if item in self:
                self.discard(item)
            else:
                self.add(item)

    def __ixor__(self, other):
        self.symmetric_difference_update(other)
        return self

    def union(self, other):
        new = self.copy()
        new.update(other)
        return new

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


class finalize:
    """finalize(obj, func, *args, **kwargs): calls func(*args, **kwargs)
    once, when obj dies, when the finalize object is called, or at exit
    (if .atexit is true and it has not run before), whichever comes
    first."""

    _registry = {}          # finalize object -> _Info, while pending
    _shutdown = False       # set once the exit function has run
    _index_iter = None
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        pass

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        if finalize._index_iter is None:
            finalize._index_iter = _counter()
        info.index = next(finalize._index_iter)
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Run the callback unless it has already been called or
        cancelled."""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """(obj, func, args, kwargs) and cancel, or None if dead."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs), or None if dead."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the finalizer is still pending."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether it runs at exit if still pending."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return '<%s object at %#x; dead>' % (type(self).__name__,
                                                 id(self))
        return '<%s object at %#x; for %r at %#x>' % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _select_for_exit(cls):
        # the pending ones marked atexit, oldest first
        pending = [(f, i) for (f, i) in cls._registry.items() if i.atexit]
        pending.sort(key=lambda item: item[1].index)
        return [f for (f, i) in pending]

    @classmethod
    def _exitfunc(cls):
        # Run the pending finalizers marked atexit, newest first; a
        # finalizer may create others, which are then run too.
        reenable_gc = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    reenable_gc = True
                    gc.disable()
                pending = None
                while True:
                    if pending is None or finalize._dirty:
                        pending = cls._select_for_exit()
                        finalize._dirty = False
                    if not pending:
                        break
                    f = pending.pop()
                    try:
                        f()
                    except Exception as e:
                        import sys
                        hook = getattr(sys, "excepthook", None)
                        if hook is None:
                            raise
                        hook(type(e), e, e.__traceback__)
        finally:
            finalize._shutdown = True
            if reenable_gc:
                gc.enable()


def _remove_dead_weakref(d, key):
    # removes d[key] if it is a dead reference (a live one means the key
    # was given a new value since)
    wr = d.get(key)
    if wr is not None and wr() is None:
        del d[key]


def _counter():
    i = 0
    while True:
        yield i
        i += 1
