"""Shallow and deep copies: copy.copy(x) and copy.deepcopy(x, memo).

For each object the first rule that applies decides:

  1. immutable atoms (None, numbers, str, bytes, functions, types, ...)
     are returned as they are; so are tuples and frozensets for a shallow
     copy;
  2. the built-in containers (list, dict, set, bytearray) are copied
     directly;
  3. a class's own __copy__(self) / __deepcopy__(self, memo) is called;
  4. otherwise the object is *reduced* -- copyreg.dispatch_table, then
     __reduce_ex__(4), then __reduce__() -- to a tuple
     (callable, args, state, listitems, dictitems) and rebuilt from it by
     _reconstruct, copying the parts recursively for a deep copy.

deepcopy keeps `memo`, a dict from id(original) to its copy, so an object
reached twice is copied once and a structure that contains itself is
copied into a structure that contains itself.  The copy is entered in the
memo *before* its contents are copied.

minipy's object has no __reduce_ex__ yet, so the default reduction that
CPython's object.__reduce_ex__ performs in C is written here
(_default_reduce): class and __new__ arguments (from __getnewargs__),
state (from __getstate__, else the instance __dict__ plus __slots__
values), and the items of list and dict subclasses.  Objects of built-in
types it cannot rebuild raise CPython's TypeError ("cannot pickle
'generator' object").

CPython counterpart: Lib/copy.py and object.__reduce_ex__ in
Objects/typeobject.c.  Read first: deepcopy, then _reconstruct.
"""

import copyreg

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error   # backward compatibility


def _function():
    pass


class _C:
    def _m(self):
        pass


_ATOMIC = {type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, complex, bytes, str, type, range, type(_function),
           type(len), property, slice, type(_C()._m.__func__)}
try:
    _ATOMIC.add(type(_function.__code__))
except AttributeError:
    pass
_ATOMIC = frozenset(_ATOMIC)
_BOUND_METHOD = type(_C()._m)
del _C


# {====== Shallow copy ======

def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)
    if cls in _ATOMIC or cls is tuple or cls is frozenset:
        return x
    if cls is list or cls is dict or cls is set or cls is bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)

# }======


# {====== Deep copy ======

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # If x is its own copy, don't memoize it.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # The tuple may have been copied already while copying its items
    # (a tuple reachable from itself through a list).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return x.__func__.__get__(deepcopy(x.__self__, memo))


_deepcopy_dispatch = {cls: _deepcopy_atomic for cls in _ATOMIC}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[_BOUND_METHOD] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps a reference to x in the memo, so that the id() keys stay
    unique while the copy runs (an original freed early could have its id
    reused by a new object)."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]

# }======


# {====== Reduction and reconstruction ======

def _reduce(x, cls):
    """The reduce value of x: a str (x is a global: copy is x itself) or a
    tuple (callable, args[, state[, listitems[, dictitems]]])."""
    reductor = copyreg.dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, '__reduce_ex__', None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, '__reduce__', None)
    if reductor is not None:
        return reductor()
    return _default_reduce(x, cls)


_NEWARGS_BASES = (int, float, complex, str, bytes, tuple)


def _default_reduce(x, cls):
    """What CPython's object.__reduce_ex__(2+) returns for x."""
    if isinstance(x, (set, frozenset)):
        # set.__reduce__: the class called with a list of the items
        state = getattr(x, '__dict__', None) or None
        return cls, (list(x),), state
    if cls.__module__ == 'builtins' and cls not in _NEWARGS_BASES \
            and cls is not object:
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError('__getnewargs__ should return a tuple, not %r'
                            % type(args).__name__)
    elif isinstance(x, _NEWARGS_BASES):
        for base in cls.__mro__:
            if base in _NEWARGS_BASES:
                args = (base(x),)
                break
    else:
        args = ()
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        state = getstate()
    else:
        state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return copyreg.__newobj__, (cls,) + args, state, listitems, dictitems


def _default_state(x, cls):
    """The instance __dict__ (None when empty), paired with a dict of
    __slots__ values when the class has slots: (dict, slots)."""
    try:
        state = x.__dict__
    except AttributeError:
        state = None
    if not state:
        state = None
    slots = {}
    seen = set()
    for klass in cls.__mro__:
        names = getattr(klass, '__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in seen or name in ('__dict__', '__weakref__'):
                continue
            seen.add(name)
            if name.startswith('__') and not name.endswith('__'):
                name = '_%s%s' % (klass.__name__.lstrip('_'), name)
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y

# }======
