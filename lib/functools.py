"""Tools for functions that act on or return other functions.

    partial        freeze some arguments of a call
    reduce         fold an iterable with a two-argument function
    update_wrapper / wraps
                   make a decorator's wrapper look like what it wraps
    lru_cache / cache
                   memoise calls; the cache is a dict used in insertion
                   order, so its first key is the least recently used one
                   (a hit moves its key to the end by re-inserting it)
    cached_property
                   compute an attribute once, store it in the instance dict
    cmp_to_key, total_ordering
                   adapt old-style comparison functions and fill in the
                   missing rich comparisons
    singledispatch generic functions dispatching on the first argument's
                   class, most specific registered class in its MRO first

CPython keeps partial, reduce, cmp_to_key and the lru_cache wrapper in C
(Modules/_functoolsmodule.c).  Here they are Python; the visible
difference is that an lru_cache-wrapped function is a plain function
(<function f at 0x...>, not <functools._lru_cache_wrapper object ...>).
Read first: lru_cache.
"""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS',
           'WRAPPER_UPDATES', 'total_ordering', 'cache', 'cmp_to_key',
           'lru_cache', 'reduce', 'partial', 'partialmethod',
           'singledispatch', 'singledispatchmethod', 'cached_property']


# {====== update_wrapper and wraps ======

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function.

    Copies the attributes named in assigned (those wrapped lacks are
    skipped), merges the dicts named in updated, and sets __wrapped__
    last so that it points at wrapped even if wrapped had its own."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)

# }======


# {====== total_ordering ======
# From one comparison the other three follow; each derived method returns
# NotImplemented when the one it is built on does, so Python can try the
# reflected operation.

def _gt_from_lt(self, other):
    'Return a > b.  Computed by @total_ordering from (not a < b) and (a != b).'
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _le_from_lt(self, other):
    'Return a <= b.  Computed by @total_ordering from (a < b) or (a == b).'
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _ge_from_lt(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a < b).'
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _ge_from_le(self, other):
    'Return a >= b.  Computed by @total_ordering from (not a <= b) or (a == b).'
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _lt_from_le(self, other):
    'Return a < b.  Computed by @total_ordering from (a <= b) and (a != b).'
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _gt_from_le(self, other):
    'Return a > b.  Computed by @total_ordering from (not a <= b).'
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _lt_from_gt(self, other):
    'Return a < b.  Computed by @total_ordering from (not a > b) and (a != b).'
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _ge_from_gt(self, other):
    'Return a >= b.  Computed by @total_ordering from (a > b) or (a == b).'
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _le_from_gt(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a > b).'
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _le_from_ge(self, other):
    'Return a <= b.  Computed by @total_ordering from (not a >= b) or (a == b).'
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _gt_from_ge(self, other):
    'Return a > b.  Computed by @total_ordering from (a >= b) and (a != b).'
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _lt_from_ge(self, other):
    'Return a < b.  Computed by @total_ordering from (not a >= b).'
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result


_DERIVED = {
    '__lt__': (('__gt__', _gt_from_lt), ('__le__', _le_from_lt),
               ('__ge__', _ge_from_lt)),
    '__le__': (('__ge__', _ge_from_le), ('__lt__', _lt_from_le),
               ('__gt__', _gt_from_le)),
    '__gt__': (('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt),
               ('__le__', _le_from_gt)),
    '__ge__': (('__le__', _le_from_ge), ('__gt__', _gt_from_ge),
               ('__lt__', _lt_from_ge)),
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    defined = [op for op in _DERIVED
               if getattr(cls, op, None) is not getattr(object, op, None)]
    if not defined:
        raise ValueError('must define at least one ordering operation: '
                         '< > <= >=')
    # CPython picks the largest name: __lt__ before __le__, __gt__, __ge__.
    root = max(defined)
    for name, method in _DERIVED[root]:
        if name not in defined:
            method.__name__ = name
            setattr(cls, name, method)
    return cls

# }======


# {====== cmp_to_key ======

def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function."""

    class KeyWrapper:
        __slots__ = ('obj',)

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return KeyWrapper

# }======


# {====== reduce ======

_initial_missing = object()


def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of a
    sequence or iterable, from left to right, so as to reduce the iterable
    to a single value.  For example, reduce(lambda x, y: x+y, [1, 2, 3, 4,
    5]) calculates ((((1+2)+3)+4)+5)."""
    # Arguments checked as CPython's C function checks them.
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    n = len(args)
    if n < 2:
        raise TypeError('reduce expected at least 2 arguments, got %d' % n)
    if n > 3:
        raise TypeError('reduce expected at most 3 arguments, got %d' % n)
    function, sequence = args[0], args[1]
    initial = args[2] if n == 3 else _initial_missing
    try:
        it = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if initial is _initial_missing:
        for value in it:
            break
        else:
            raise TypeError('reduce() of empty iterable with no initial '
                            'value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value

# }======


# {====== partial and partialmethod ======

class partial:
    """New function with partial application of the given arguments and
    keywords."""

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func = args[0]
        args = args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # partial(partial(f, 1), 2) is flattened into partial(f, 1, 2).
        if type(func) is partial and cls is partial:
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super().__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        if self.keywords:
            keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend([repr(a) for a in self.args])
        parts.extend(['%s=%r' % (k, v) for k, v in self.keywords.items()])
        if type(self) is partial:
            name = 'functools.partial'
        else:
            name = type(self).__qualname__
        return '%s(%s)' % (name, ', '.join(parts))

    def __reduce__(self):
        return (type(self), (self.func,),
                (self.func, self.args, self.keywords or None,
                 self.__dict__ or None))


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend([repr(a) for a in self.args])
        parts.extend(['%s=%r' % (k, v) for k, v in self.keywords.items()])
        return 'functools.partialmethod(%s)' % ', '.join(parts)

    def __get__(self, obj, cls=None):
        get = getattr(self.func, '__get__', None)
        if get is None:
            return partial(self.func, *self.args, **self.keywords)
        bound = get(obj, cls)
        if bound is self.func:
            return partial(self.func, *self.args, **self.keywords)
        result = partial(bound, *self.args, **self.keywords)
        try:
            result.__self__ = bound.__self__
        except AttributeError:
            pass
        return result

# }======


# {====== lru_cache and cache ======

_CacheInfo = None


def _cache_info_type():
    global _CacheInfo
    if _CacheInfo is None:
        from collections import namedtuple
        _CacheInfo = namedtuple('CacheInfo',
                                ['hits', 'misses', 'maxsize', 'currsize'])
    return _CacheInfo


_KWD_MARK = object()      # separates positional from keyword parts of a key
_FAST_TYPES = {int, str}


def _make_key(args, kwds, typed):
    """The cache key of one call: flat, hashable, equal for equal calls.

    A lone int or str argument is its own key (cheap to hash and compare);
    everything else becomes a tuple of the arguments, the keyword items
    after a marker, and with typed=True the argument types."""
    key = args
    if kwds:
        key = key + (_KWD_MARK,)
        for item in kwds.items():
            key = key + item
    if typed:
        key = key + tuple([type(v) for v in args])
        if kwds:
            key = key + tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in _FAST_TYPES:
        return key[0]
    return key


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]           # hits, misses
    missing = object()

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    elif maxsize is None:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, missing)
            if result is not missing:
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, missing)
            if result is not missing:
                cache[key] = result        # now the most recently used
                stats[0] += 1
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                # The call re-entered and cached the same key already.
                return result
            if len(cache) >= maxsize:
                del cache[next(iter(cache))]   # the least recently used
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _cache_info_type()(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator.

    If maxsize is None, the cache grows without bound; if typed is true,
    arguments of different types are cached separately (f(3) and f(3.0)).
    The wrapped function gets cache_info(), cache_clear() and
    cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        # Used as @lru_cache without parentheses.
        user_function, maxsize = maxsize, 128
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a '
                        'callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize,
                                            'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)

# }======


# {====== cached_property ======

_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, '__module__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError('Cannot assign the same cached_property to two '
                            'different names (%r and %r).'
                            % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError('Cannot use cached_property instance without '
                            'calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError("No '__dict__' attribute on %r instance to cache "
                            "%r property." % (type(instance).__name__,
                                              self.attrname)) from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            try:
                cache[self.attrname] = value
            except TypeError:
                raise TypeError("The '__dict__' attribute on %r instance "
                                "does not support item assignment for "
                                "caching %r property."
                                % (type(instance).__name__,
                                   self.attrname)) from None
        return value

# }======


# {====== singledispatch ======

def _find_impl(cls, registry):
    """The implementation registered for the most specific class of cls's
    MRO other than object; failing that, for an ABC cls is a (virtual)
    subclass of, the most derived such ABC winning; failing that, object's.

    (CPython merges the ABCs into the MRO where they fit, _compose_mro;
    this simpler order agrees with it except when a virtual ABC should
    outrank a real base.)"""
    for base in cls.__mro__:
        if base in registry and base is not object:
            return registry[base]
    match = None
    for typ in registry:
        if typ is object:
            continue
        try:
            if not issubclass(cls, typ):
                continue
        except TypeError:
            continue
        if match is None or issubclass(typ, match):
            match = typ
        elif not issubclass(match, typ):
            raise RuntimeError('Ambiguous dispatch: %s or %s' % (match, typ))
    if match is not None:
        return registry[match]
    return registry.get(object)


def singledispatch(func):
    """Single-dispatch generic function decorator.

    The decorated function is the default; register(cls) adds an
    implementation for cls and its subclasses."""
    registry = {object: func}
    dispatch_cache = {}

    def dispatch(cls):
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def _is_valid_type(cls):
        return isinstance(cls, type)

    def register(cls, func=None):
        if _is_valid_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError('Invalid first argument to `register()`. '
                                '%r is not a class.' % (cls,))
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError('Invalid first argument to `register()`: '
                                '%r. Use either `@register(some_class)` or '
                                'plain `@register` on an annotated function.'
                                % (cls,))
            func = cls
            argname, cls = next(iter(ann.items()))
            if not _is_valid_type(cls):
                raise TypeError('Invalid annotation for %r. %r is not a '
                                'class.' % (argname, cls))
        registry[cls] = func
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError('%s requires at least 1 positional argument'
                            % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the first
    argument after self."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, '__get__'):
            raise TypeError('%r is not callable or a descriptor' % (func,))
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        dispatcher = self.dispatcher
        func = self.func

        def _method(*args, **kwargs):
            method = dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.register = self.register
        update_wrapper(_method, func)
        return _method

# }======
