"""Type hints at run time (PEP 484 and its successors), written for minipy.

Type checkers read annotations without running them; at run time they are
ordinary objects, and this module makes them: subscriptable aliases
(List[int], Dict[str, T], Callable[[int], str]), special forms (Union,
Optional, Literal, ClassVar, Final, Annotated, Any), type variables and
user generics (TypeVar, Generic[T]), structural types (Protocol with
@runtime_checkable), and the helpers that read annotations back
(get_type_hints, get_origin, get_args).

How the pieces fit:

  _SpecialForm      a named object whose subscription is a function:
                    Union[int, str] calls the `Union` function below.
  _GenericAlias     what a subscription gives: remembers __origin__ and
                    __args__, collects the type variables in __args__ as
                    __parameters__, and substitutes them when subscripted
                    again (Dict[str, T][int] is Dict[str, int]).
  _SpecialGenericAlias   the bare typing.List, typing.Iterable ...: stands
                    for its origin class in isinstance() and subscripts
                    into a _GenericAlias.
  Generic, Protocol classes whose subclasses are generic; Protocol's
                    metaclass answers isinstance() by looking for the
                    protocol's members (duck typing, PEP 544).

The built-in types' own subscriptions (list[int], int | str) are C types,
types.GenericAlias and types.UnionType (src/objects/genericalias.c,
union.c); this module accepts them wherever a type goes.

Written from the documented behaviour of CPython 3.11's typing module,
whose reprs and error messages it reproduces.  Not here: ParamSpec,
Concatenate, TypeVarTuple, Unpack, ContextManager aliases (no contextlib
yet), and the deprecated typing.io / typing.re namespaces."""

import collections
import collections.abc
import functools
import operator
import sys
import types
from abc import ABCMeta, abstractmethod

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Final', 'ForwardRef',
    'Generic', 'Literal', 'Optional', 'Protocol', 'Tuple', 'Type',
    'TypeVar', 'Union', 'AbstractSet', 'ByteString', 'Container',
    'Collection', 'Hashable', 'ItemsView', 'Iterable', 'Iterator',
    'KeysView', 'Mapping', 'MappingView', 'MutableMapping',
    'MutableSequence', 'MutableSet', 'Sequence', 'Sized', 'ValuesView',
    'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
    'AsyncGenerator', 'Reversible', 'SupportsAbs', 'SupportsBytes',
    'SupportsComplex', 'SupportsFloat', 'SupportsIndex', 'SupportsInt',
    'SupportsRound', 'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict',
    'List', 'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict',
    'Generator', 'AnyStr', 'assert_never', 'assert_type', 'cast',
    'clear_overloads', 'dataclass_transform', 'final', 'get_args',
    'get_origin', 'get_overloads', 'get_type_hints', 'is_typeddict',
    'LiteralString', 'Never', 'NewType', 'no_type_check',
    'no_type_check_decorator', 'NoReturn', 'NotRequired', 'overload',
    'reveal_type', 'runtime_checkable', 'Required', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard',
]

TYPE_CHECKING = False

_NoneType = type(None)


# {====== Small helpers ======

def _caller_module(depth=2, default='__main__'):
    """The __name__ of the module whose code called our caller."""
    try:
        return sys._getframe(depth).f_globals.get('__name__', default)
    except (AttributeError, ValueError):
        return None


def _type_repr(obj):
    """How an argument shows inside List[...]: builtins by bare name,
    other classes as module.qualname, ... for Ellipsis, functions by
    name, anything else by repr()."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if isinstance(obj, types.FunctionType):
        return obj.__name__
    return repr(obj)


def _type_convert(arg, module=None, *, allow_special_forms=False):
    """None stands for type(None); a string is a forward reference."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg, module=module, is_class=allow_special_forms)
    return arg


def _type_check(arg, msg, is_argument=True, module=None, *,
                allow_special_forms=False):
    """arg as a type argument, or TypeError.  msg starts the message for
    a tuple (which is never a type)."""
    refused = (Generic, Protocol)
    if not allow_special_forms:
        refused += (ClassVar,)
        if is_argument:
            refused += (Final,)
    arg = _type_convert(arg, module=module,
                        allow_special_forms=allow_special_forms)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in refused:
        raise TypeError(f"{arg} is not valid as type argument")
    if arg in (Any, LiteralString, NoReturn, Never, Self, TypeAlias):
        return arg
    if allow_special_forms and arg in (ClassVar, Final):
        return arg
    if isinstance(arg, _SpecialForm) or arg in (Generic, Protocol):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if type(arg) is tuple:
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _is_dunder(name):
    return name.startswith('__') and name.endswith('__')


def _collect_parameters(args):
    """The type variables among args, and inside the aliases among them,
    in order of first appearance."""
    found = []
    for a in args:
        if isinstance(a, type):
            continue
        if hasattr(a, '__typing_subst__'):
            if a not in found:
                found.append(a)
            continue
        for p in getattr(a, '__parameters__', ()):
            if p not in found:
                found.append(p)
    return tuple(found)


def _check_generic(cls, parameters, expected):
    if not expected:
        raise TypeError(f"{cls} is not a generic class")
    got = len(parameters)
    if got != expected:
        raise TypeError(f"Too {'many' if got > expected else 'few'} "
                        f"arguments for {cls}; actual {got}, "
                        f"expected {expected}")


def _dedup(params):
    """params without repeats (by ==), first occurrences kept."""
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return tuple(out)


def _flatten_unions(params):
    flat = []
    for p in params:
        if isinstance(p, (_UnionGenericAlias, types.UnionType)):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return _dedup(flat)


_cache = {}


def _cached(method):
    """Subscriptions are remembered, so List[int] is List[int]; an
    unhashable argument (a list for Callable) just skips the cache.  The
    key holds the types of the arguments too: 1 == True, but Literal[1]
    is not Literal[True]."""
    @functools.wraps(method)
    def lookup(self, params):
        if type(params) is tuple:
            kinds = tuple(type(p) for p in params)
        else:
            kinds = type(params)
        try:
            key = (method, self, kinds, params)
            hit = _cache.get(key)
        except TypeError:
            return method(self, params)
        if hit is None:
            hit = _cache[key] = method(self, params)
        return hit
    return lookup

# }======


# {====== Special forms ======

class _SpecialForm:
    # A name such as Union or ClassVar: subscription calls the function
    # it wraps; everything a class could do is refused.  (No docstring:
    # __doc__ is a slot, each form's own.)

    __slots__ = ('_name', '__doc__', '_getitem')

    def __init__(self, getitem):
        self._getitem = getitem
        self._name = getitem.__name__
        self.__doc__ = getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    @_cached
    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Compatible with every type, in both directions."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls, *args, **kwargs)


def _not_subscriptable(self, parameters):
    raise TypeError(f"{self} is not subscriptable")


def _single_type(self, parameters):
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NoReturn(self, parameters):
    """The return type of a function that never returns."""
    _not_subscriptable(self, parameters)


@_SpecialForm
def Never(self, parameters):
    """The bottom type: no value has it."""
    _not_subscriptable(self, parameters)


@_SpecialForm
def Self(self, parameters):
    """The class the method was looked up on."""
    _not_subscriptable(self, parameters)


@_SpecialForm
def LiteralString(self, parameters):
    """A str built only from literals."""
    _not_subscriptable(self, parameters)


@_SpecialForm
def TypeAlias(self, parameters):
    """Marks an assignment as a type alias."""
    _not_subscriptable(self, parameters)


@_SpecialForm
def ClassVar(self, parameters):
    """A class attribute, not an instance attribute."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Final(self, parameters):
    """A name that cannot be reassigned or overridden."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def TypeGuard(self, parameters):
    """A boolean function that narrows its argument's type."""
    item = _type_check(parameters, f'{self} accepts only single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Required(self, parameters):
    """A TypedDict key that must be present."""
    item = _type_check(parameters, f'{self} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def NotRequired(self, parameters):
    """A TypedDict key that may be missing."""
    item = _type_check(parameters, f'{self} accepts only a single type.')
    return _GenericAlias(self, (item,))


@_SpecialForm
def Union(self, parameters):
    """Union[X, Y]: either X or Y."""
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = _flatten_unions(
        tuple(_type_check(p, msg) for p in parameters))
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


@_SpecialForm
def Optional(self, parameters):
    """Optional[X] is Union[X, None]."""
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, _NoneType]


@_SpecialForm
def Literal(self, parameters):
    """Literal[1, 'a']: exactly one of these values."""
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    flat = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    try:
        kept, seen = [], set()
        for p in flat:
            key = (p, type(p))
            if key not in seen:
                seen.add(key)
                kept.append(p)
        flat = kept
    except TypeError:  # unhashable values: keep them all
        pass
    return _LiteralGenericAlias(self, tuple(flat))

# }======


# {====== Forward references ======

class ForwardRef:
    """A type named by a string, evaluated later (get_type_hints)."""

    __slots__ = ('__forward_arg__', '__forward_code__',
                 '__forward_evaluated__', '__forward_value__',
                 '__forward_is_argument__', '__forward_is_class__',
                 '__forward_module__')

    def __init__(self, arg, is_argument=True, module=None, *,
                 is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got "
                            f"{arg!r}")
        try:
            code = compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f"Forward reference must be an expression -- "
                            f"got {arg!r}")
        self.__forward_arg__ = arg
        self.__forward_code__ = code
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns, recursive_guard):
        if self.__forward_arg__ in recursive_guard:
            return self
        if not self.__forward_evaluated__ or localns is not globalns:
            if globalns is None and localns is None:
                globalns = localns = {}
            elif globalns is None:
                globalns = localns
            elif localns is None:
                localns = globalns
            if self.__forward_module__ is not None:
                globalns = getattr(sys.modules.get(self.__forward_module__),
                                   '__dict__', globalns)
            value = _type_check(
                eval(self.__forward_code__, globalns, localns),
                "Forward references must evaluate to types.",
                is_argument=self.__forward_is_argument__,
                allow_special_forms=self.__forward_is_class__)
            self.__forward_value__ = _eval_type(
                value, globalns, localns,
                recursive_guard | {self.__forward_arg__})
            self.__forward_evaluated__ = True
        return self.__forward_value__

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        if self.__forward_evaluated__ and other.__forward_evaluated__:
            return (self.__forward_arg__ == other.__forward_arg__ and
                    self.__forward_value__ == other.__forward_value__)
        return (self.__forward_arg__ == other.__forward_arg__ and
                self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        mod = ('' if self.__forward_module__ is None
               else f', module={self.__forward_module__!r}')
        return f'ForwardRef({self.__forward_arg__!r}{mod})'


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """t with its forward references evaluated, inside aliases too."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        if isinstance(t, types.GenericAlias):
            args = tuple(ForwardRef(a) if isinstance(a, str) else a
                         for a in t.__args__)
        else:
            args = t.__args__
        new = tuple(_eval_type(a, globalns, localns, recursive_guard)
                    for a in args)
        if new == t.__args__:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, new)
        if isinstance(t, types.UnionType):
            return functools.reduce(operator.or_, new)
        return t.copy_with(new)
    return t

# }======


# {====== Type variables ======

class TypeVar:
    """A type variable: T = TypeVar('T'), optionally bound to a type,
    constrained to some types, covariant or contravariant.  Shows as ~T,
    +T or -T."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        self.__name__ = name
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        if constraints and bound is not None:
            raise TypeError("Constraints cannot be combined with bound=...")
        if constraints and len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        msg = "TypeVar(name, constraint, ...): constraints must be types."
        self.__constraints__ = tuple(_type_check(t, msg)
                                     for t in constraints)
        self.__bound__ = (_type_check(bound, "Bound must be a type.")
                          if bound else None)
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __reduce__(self):
        return self.__name__

    def __typing_subst__(self, arg):
        arg = _type_check(arg, "Parameters to generic types must be types.",
                          is_argument=True)
        return arg



# }======


# {====== Generic aliases ======

_ALIAS_OWN = frozenset({'_name', '_inst', '_nparams', '_defaults'})


class _BaseGenericAlias:
    """What every alias shares: calling it makes an instance of the
    origin, attributes not its own come from the origin, and it stands
    for the origin among a class's bases."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        entries = []
        if self.__origin__ not in bases:
            entries.append(self.__origin__)
        later = bases[bases.index(self) + 1:]
        if not any(isinstance(b, _BaseGenericAlias) or
                   (isinstance(b, type) and issubclass(b, Generic))
                   for b in later):
            entries.append(Generic)
        return tuple(entries)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if attr in ('__origin__', '__args__'):
            raise AttributeError(attr)
        if '__origin__' in self.__dict__ and not _is_dunder(attr):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, value):
        if _is_dunder(attr) or attr in _ALIAS_OWN:
            super().__setattr__(attr, value)
        else:
            setattr(self.__origin__, attr, value)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __dir__(self):
        return sorted(set(object.__dir__(self)) |
                      {a for a in dir(self.__origin__) if not _is_dunder(a)})


class _GenericAlias(_BaseGenericAlias):
    """origin[args] for a typing name (List[int], Union[int, str]) or a
    user generic (Box[int])."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    @_cached
    def __getitem__(self, args):
        if self.__origin__ in (Generic, Protocol):
            raise TypeError(f"Cannot subscript already-subscripted {self}")
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with(self._substitute(args))

    def _substitute(self, args):
        """self.__args__ with each type variable replaced by its value."""
        params = self.__parameters__
        _check_generic(self, args, len(params))
        value_of = dict(zip(params, args))
        new_args = []
        for old in self.__args__:
            if isinstance(old, type):
                new_args.append(old)
                continue
            subst = getattr(old, '__typing_subst__', None)
            if subst is not None:
                new = subst(value_of[old])
            else:
                inner = getattr(old, '__parameters__', ())
                if inner:
                    new = old[tuple(value_of.get(p, p) for p in inner)]
                else:
                    new = old
            if (self.__origin__ is collections.abc.Callable and
                    isinstance(new, tuple)):
                new_args.extend(new)
            else:
                new_args.append(new)
        return tuple(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name,
                              inst=self._inst)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join(_type_repr(a) for a in self.__args__)
        else:
            args = "()"
        return f'{name}[{args}]'

    def __reduce__(self):
        if self._name:
            origin = globals()[self._name]
        else:
            origin = self.__origin__
        args = tuple(self.__args__)
        if len(args) == 1 and not isinstance(args[0], tuple):
            args, = args
        return operator.getitem, (origin, args)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:  # an ABC's or built-in's alias
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            for b in bases[bases.index(self) + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)


class _SpecialGenericAlias(_BaseGenericAlias):
    """The bare alias of a class: typing.List stands for list."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        if origin.__module__ == 'builtins':
            self.__doc__ = f'A generic version of {origin.__qualname__}.'
        else:
            self.__doc__ = (f'A generic version of {origin.__module__}.'
                            f'{origin.__qualname__}.')

    @_cached
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        _check_generic(self, params, self._nparams)
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name,
                             inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __reduce__(self):
        return self._name

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _CallableGenericAlias(_GenericAlias):
    """Callable[[int, str], bool]: __args__ is (int, str, bool)."""

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is Ellipsis:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        shown = ', '.join(_type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{shown}], {_type_repr(args[-1])}]'


class _CallableType(_SpecialGenericAlias):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params,
                                     name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            args = tuple(args)
        return self._parameterize((args, result))

    @_cached
    def _parameterize(self, params):
        args, result = params
        result = _type_check(result,
                             "Callable[args, result]: result must be a type.")
        if args is Ellipsis:
            return self.copy_with((Ellipsis, result))
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_convert(a) for a in args)
        return self.copy_with(args + (result,))


class _TupleType(_SpecialGenericAlias):
    @_cached
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with(params + (...,))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _UnionGenericAlias(_GenericAlias):
    """Union[int, str]: order-blind equality; isinstance() tries each
    member."""

    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False

    def __reduce__(self):
        func, (origin, args) = super().__reduce__()
        return func, (Union, args)


class _LiteralGenericAlias(_GenericAlias):
    """Literal[...]: equal when the same values of the same types."""

    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return (set((a, type(a)) for a in self.__args__) ==
                set((a, type(a)) for a in other.__args__))

    def __hash__(self):
        return hash(frozenset((a, type(a)) for a in self.__args__))


class _AnnotatedAlias(_GenericAlias):
    """Annotated[T, x, ...]: T with metadata; nested ones merge."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin, name='Annotated')
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        meta = ", ".join(repr(m) for m in self.__metadata__)
        return f"typing.Annotated[{_type_repr(self.__origin__)}, {meta}]"

    def __reduce__(self):
        return operator.getitem, (Annotated,
                                  (self.__origin__,) + self.__metadata__)

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and
                self.__metadata__ == other.__metadata__)

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)

    def __mro_entries__(self, bases):
        return (self.__origin__,)


class Annotated:
    """Annotated[T, x]: the type T, with metadata x for tools."""

    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError("Type Annotated cannot be instantiated.")

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError("Annotated[...] should be used "
                            "with at least two arguments (a type and an "
                            "annotation).")
        origin = _type_check(params[0], "Annotated[t, ...]: t must be a "
                                        "type.", allow_special_forms=True)
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f"Cannot subclass {cls.__module__}.Annotated")


_abc = collections.abc
Hashable = _SpecialGenericAlias(_abc.Hashable, 0)
Awaitable = _SpecialGenericAlias(_abc.Awaitable, 1)
Coroutine = _SpecialGenericAlias(_abc.Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_abc.AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_abc.AsyncIterator, 1)
Iterable = _SpecialGenericAlias(_abc.Iterable, 1)
Iterator = _SpecialGenericAlias(_abc.Iterator, 1)
Reversible = _SpecialGenericAlias(_abc.Reversible, 1)
Sized = _SpecialGenericAlias(_abc.Sized, 0)
Container = _SpecialGenericAlias(_abc.Container, 1)
Collection = _SpecialGenericAlias(_abc.Collection, 1)
Callable = _CallableType(_abc.Callable, 2)
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1)
Mapping = _SpecialGenericAlias(_abc.Mapping, 2)
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2)
Sequence = _SpecialGenericAlias(_abc.Sequence, 1)
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1)
ByteString = _SpecialGenericAlias(_abc.ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False,
                                 name='FrozenSet')
MappingView = _SpecialGenericAlias(_abc.MappingView, 1)
KeysView = _SpecialGenericAlias(_abc.KeysView, 1)
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2)
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1)
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2,
                                   name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(collections.Counter, 1)
ChainMap = _SpecialGenericAlias(collections.ChainMap, 2)
Generator = _SpecialGenericAlias(_abc.Generator, 3)
AsyncGenerator = _SpecialGenericAlias(_abc.AsyncGenerator, 2)
Type = _SpecialGenericAlias(type, 1, inst=False, name='Type')
del _abc

# }======


# {====== Generic and Protocol ======

def _generic_class_getitem(cls, params):
    """Generic[T, S] declares the type variables; Box[int] fills in a
    user generic's."""
    if not isinstance(params, tuple):
        params = (params,)
    params = tuple(_type_convert(p) for p in params)
    if cls in (Generic, Protocol):
        if not params:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] "
                            f"cannot be empty")
        if not all(isinstance(p, TypeVar) for p in params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                            f"be type variables or parameter "
                            f"specification variables.")
        if len(set(params)) != len(params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all "
                            f"be unique")
    else:
        _check_generic(cls, params, len(cls.__parameters__))
    return _GenericAlias(cls, params)


def _generic_init_subclass(cls):
    """A subclass's __parameters__: the type variables of its generic
    bases, or exactly those of its Generic[...] base when it has one."""
    if '__orig_bases__' in cls.__dict__:
        refused = Generic in cls.__orig_bases__
    else:
        refused = (Generic in cls.__bases__ and
                   cls.__name__ != 'Protocol' and
                   type(cls) is not _TypedDictMeta)
    if refused:
        raise TypeError("Cannot inherit from plain Generic")
    tvars = []
    if '__orig_bases__' in cls.__dict__:
        tvars = _collect_parameters(cls.__orig_bases__)
        declared = None
        for base in cls.__orig_bases__:
            if (isinstance(base, _GenericAlias) and
                    base.__origin__ is Generic):
                if declared is not None:
                    raise TypeError(
                        "Cannot inherit from Generic[...] multiple types.")
                declared = base.__parameters__
        if declared is not None:
            missing = [t for t in tvars if t not in declared]
            if missing:
                s_vars = ', '.join(str(t) for t in missing)
                s_args = ', '.join(str(g) for g in declared)
                raise TypeError(f"Some type variables ({s_vars}) are"
                                f" not listed in Generic[{s_args}]")
            tvars = declared
    cls.__parameters__ = tuple(tvars)


class Generic:
    """The base of generic classes: class Box(Generic[T]) makes Box[int]
    meaningful."""

    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        return _generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        _generic_init_subclass(cls)


# Attributes of a protocol class that are not members of the protocol.
_NOT_MEMBERS = frozenset({
    '__parameters__', '__orig_bases__', '__orig_class__', '_is_protocol',
    '_is_runtime_protocol', '__abstractmethods__', '__annotations__',
    '__dict__', '__doc__', '__init__', '__module__', '__new__', '__slots__',
    '__subclasshook__', '__weakref__', '__class_getitem__',
    '_MutableMapping__marker', '__qualname__',
})


def _get_protocol_attrs(cls):
    """The members a protocol asks for: what its classes (short of
    Protocol, Generic and object) define or annotate."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = getattr(base, '__annotations__', {})
        for attr in list(base.__dict__.keys()) + list(annotations.keys()):
            if not attr.startswith('_abc_') and attr not in _NOT_MEMBERS:
                attrs.add(attr)
    return attrs


def _is_callable_members_only(cls):
    return all(callable(getattr(cls, attr, None))
               for attr in _get_protocol_attrs(cls))


def _allow_reckless_class_checks(depth=3):
    """Whether the check comes from abc's or functools' own machinery
    (ABCMeta walking its subclasses, singledispatch), which may ask any
    class without the protocol refusing."""
    # one more frame than depth: _caller_module's own
    return _caller_module(depth + 1, None) in ('abc', 'functools')


def _no_init_or_replace_init(self, *args, **kwargs):
    """The __init__ a protocol gets: a protocol cannot be instantiated;
    an explicit subclass of one finds the first real __init__ along its
    MRO, installs it and calls it."""
    cls = type(self)
    if cls._is_protocol:
        raise TypeError('Protocols cannot be instantiated')
    if cls.__init__ is not _no_init_or_replace_init:
        return
    for base in cls.__mro__:
        init = base.__dict__.get('__init__', _no_init_or_replace_init)
        if init is not _no_init_or_replace_init:
            cls.__init__ = init
            break
    else:
        cls.__init__ = object.__init__
    cls.__init__(self, *args, **kwargs)


class _ProtocolMeta(ABCMeta):
    """isinstance(x, P) for a runtime-checkable protocol P: x has every
    member of P (a method member set to None on x does not count)."""

    def __instancecheck__(cls, instance):
        if (getattr(cls, '_is_protocol', False) and
                not getattr(cls, '_is_runtime_protocol', False) and
                not _allow_reckless_class_checks(depth=2)):
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if ((not getattr(cls, '_is_protocol', False) or
                _is_callable_members_only(cls)) and
                issubclass(instance.__class__, cls)):
            return True
        if cls._is_protocol:
            members = _get_protocol_attrs(cls)
            if all(hasattr(instance, attr) and
                   (not callable(getattr(cls, attr, None)) or
                    getattr(instance, attr) is not None)
                   for attr in members):
                return True
        return super().__instancecheck__(instance)


def _protocol_subclass_hook(cls):
    """The __subclasshook__ a protocol class gets: issubclass(C, P) when
    C (or a class on its MRO) defines every member of P."""

    def _proto_hook(other):
        if not cls.__dict__.get('_is_protocol', False):
            return NotImplemented
        if not getattr(cls, '_is_runtime_protocol', False):
            if _allow_reckless_class_checks():
                return NotImplemented
            raise TypeError("Instance and class checks can only be used with"
                            " @runtime_checkable protocols")
        if not _is_callable_members_only(cls):
            if _allow_reckless_class_checks():
                return NotImplemented
            raise TypeError("Protocols with non-method members"
                            " don't support issubclass()")
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        for attr in _get_protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return NotImplemented
                    break
                annotations = getattr(base, '__annotations__', {})
                if (isinstance(annotations, collections.abc.Mapping) and
                        attr in annotations and
                        issubclass(other, Generic) and other._is_protocol):
                    break
            else:
                return NotImplemented
        return True

    return _proto_hook


# Non-protocol ABCs a protocol may still list among its bases.
_PROTO_ALLOWLIST = {
    'collections.abc': [
        'Callable', 'Awaitable', 'Iterable', 'Iterator', 'AsyncIterable',
        'Hashable', 'Sized', 'Container', 'Collection', 'Reversible',
    ],
    'contextlib': ['AbstractContextManager', 'AbstractAsyncContextManager'],
}


class Protocol(Generic, metaclass=_ProtocolMeta):
    """The base of protocol classes (structural subtyping, PEP 544):

        class Fittable(Protocol):
            def fit(self, X, y): ...

    Any class with a `fit` method is a Fittable to a type checker, and to
    isinstance() once the protocol is decorated @runtime_checkable."""

    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = _protocol_subclass_hook(cls)
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base in (object, Generic) or
                    base.__module__ in _PROTO_ALLOWLIST and
                    base.__name__ in _PROTO_ALLOWLIST[base.__module__] or
                    issubclass(base, Generic) and base._is_protocol):
                raise TypeError('Protocols can only inherit from other'
                                ' protocols, got %r' % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init_or_replace_init


def runtime_checkable(cls):
    """Lets isinstance() and issubclass() check a protocol (by looking
    for its members, not their signatures)."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)) or \
            not cls._is_protocol:
        raise TypeError('@runtime_checkable can be only applied to '
                        'protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


# The library's own type variables (made once Generic and Protocol
# exist, which _type_check consults).
AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')
T_co = TypeVar('T_co', covariant=True)
V_co = TypeVar('V_co', covariant=True)
VT_co = TypeVar('VT_co', covariant=True)
T_contra = TypeVar('T_contra', contravariant=True)
CT_co = TypeVar('CT_co', covariant=True, bound=type)
Text = str


@runtime_checkable
class SupportsInt(Protocol):
    """An object with __int__."""
    __slots__ = ()

    @abstractmethod
    def __int__(self) -> int:
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An object with __float__."""
    __slots__ = ()

    @abstractmethod
    def __float__(self) -> float:
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An object with __complex__."""
    __slots__ = ()

    @abstractmethod
    def __complex__(self) -> complex:
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An object with __bytes__."""
    __slots__ = ()

    @abstractmethod
    def __bytes__(self) -> bytes:
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An object with __index__."""
    __slots__ = ()

    @abstractmethod
    def __index__(self) -> int:
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An object with __abs__."""
    __slots__ = ()

    @abstractmethod
    def __abs__(self) -> T_co:
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An object with __round__."""
    __slots__ = ()

    @abstractmethod
    def __round__(self, ndigits: int = 0) -> T_co:
        pass

# }======


# {====== Overloads ======
# @overload returns a stub that refuses to run, and remembers the
# decorated function under (module, qualified name, first line), so that
# get_overloads(f) can list a function's overloads in definition order
# (later definitions on the same line replace earlier ones).

_overload_registry = {}


def _overload_dummy(*args, **kwds):
    """What an @overload-decorated name is bound to."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Declares one signature of an overloaded function; the undecorated
    definition that follows is the implementation."""
    f = getattr(func, "__func__", func)
    try:
        key = f.__module__, f.__qualname__
        line = f.__code__.co_firstlineno
    except AttributeError:
        return _overload_dummy  # not a function: nothing to remember
    _overload_registry.setdefault(key, {})[line] = func
    return _overload_dummy


def get_overloads(func):
    """The @overload stubs defined for func, in definition order."""
    f = getattr(func, "__func__", func)
    key = getattr(f, '__module__', None), getattr(f, '__qualname__', None)
    return list(_overload_registry.get(key, {}).values())


def clear_overloads():
    """Forgets every registered overload."""
    _overload_registry.clear()

# }======


# {====== NamedTuple and TypedDict ======

def _make_nmtuple(name, fields, module, defaults=()):
    names = [n for n, t in fields]
    annotations = {n: _type_check(t, f"field {n} annotation must be a type")
                   for n, t in fields}
    cls = collections.namedtuple(name, names, defaults=defaults,
                                 module=module)
    cls.__annotations__ = cls.__new__.__annotations__ = annotations
    return cls


# Names a NamedTuple class body may not define.
_NT_PROHIBITED = frozenset({'__new__', '__init__', '__slots__',
                            '__getnewargs__', '_fields', '_field_defaults',
                            '_make', '_replace', '_asdict', '_source'})
_NT_SPECIAL = frozenset({'__module__', '__name__', '__annotations__'})


class NamedTupleMeta(type):
    """Turns `class P(NamedTuple): x: int` into collections.namedtuple
    with the annotations as fields and the assigned ones as defaults."""

    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError(
                    'can only inherit from a NamedTuple type and Generic')
        bases = tuple(tuple if b is _NamedTuple else b for b in bases)
        fields = ns.get('__annotations__', {})
        with_default = []
        for field in fields:
            if field in ns:
                with_default.append(field)
            elif with_default:
                s = 's' if len(with_default) > 1 else ''
                raise TypeError(f"Non-default namedtuple field {field} "
                                f"cannot follow default field{s} "
                                f"{', '.join(with_default)}")
        nt = _make_nmtuple(typename, fields.items(),
                           defaults=[ns[n] for n in with_default],
                           module=ns['__module__'])
        if Generic in bases:
            nt.__bases__ = bases
            nt.__class_getitem__ = classmethod(_generic_class_getitem)
        for key in ns:
            if key in _NT_PROHIBITED:
                raise AttributeError("Cannot overwrite NamedTuple attribute "
                                     + key)
            if key not in _NT_SPECIAL and key not in nt._fields:
                setattr(nt, key, ns[key])
        if Generic in bases:
            nt.__init_subclass__()
        return nt


def NamedTuple(typename, fields=None, /, **kwargs):
    """A typed namedtuple: NamedTuple('P', [('x', int)]) or a class
    statement with annotated fields."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module=_caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})
NamedTuple.__mro_entries__ = lambda bases: (_NamedTuple,)


class _TypedDictMeta(type):
    """A TypedDict class is a dict subclass whose instances are plain
    dicts: calling it calls dict."""

    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp = type.__new__(_TypedDictMeta, name, (dict,), ns)
        msg = "TypedDict('Name', {f0: t0, f1: t1, ...}); each t must be a type"
        own = {n: _type_check(t, msg, module=tp.__module__)
               for n, t in ns.get('__annotations__', {}).items()}
        annotations, required, optional = {}, set(), set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, tp_ in own.items():
            origin = get_origin(tp_)
            if origin is Annotated:
                origin = get_origin(tp_.__origin__)
            if origin is Required:
                required.add(key)
            elif origin is NotRequired:
                optional.add(key)
            elif total:
                required.add(key)
            else:
                optional.add(key)
        tp.__annotations__ = annotations
        tp.__required_keys__ = frozenset(required)
        tp.__optional_keys__ = frozenset(optional)
        if not hasattr(tp, '__total__'):
            tp.__total__ = total
        return tp

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class '
                        'checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict with a fixed set of typed keys: TypedDict('Movie',
    {'name': str}) or a class statement with annotated keys."""
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


def is_typeddict(tp):
    """Whether tp is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)

# }======


# {====== Reading annotations ======

_allowed_types = (types.FunctionType, types.BuiltinFunctionType,
                  types.MethodType, types.ModuleType,
                  types.WrapperDescriptorType, types.MethodWrapperType,
                  types.MethodDescriptorType)


def _strip_annotations(t):
    """t without Annotated wrappers, at any depth."""
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if hasattr(t, '__origin__') and t.__origin__ in (Required, NotRequired):
        return _strip_annotations(t.__args__[0])
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        stripped = tuple(_strip_annotations(a) for a in t.__args__)
        if stripped == t.__args__:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, stripped)
        if isinstance(t, types.UnionType):
            return functools.reduce(operator.or_, stripped)
        return t.copy_with(stripped)
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """obj's annotations with strings evaluated and None as NoneType; for
    a class, those of its whole MRO (base classes first)."""
    if getattr(obj, '__no_type_check__', None):
        return {}
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            if globalns is None:
                base_globals = getattr(sys.modules.get(base.__module__),
                                       '__dict__', {})
            else:
                base_globals = globalns
            ann = base.__dict__.get('__annotations__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # class names shadow module names, as in the class body
                base_globals, base_locals = base_locals, base_globals
            for name, value in ann.items():
                if value is None:
                    value = _NoneType
                if isinstance(value, str):
                    value = ForwardRef(value, is_argument=False,
                                       is_class=True)
                hints[name] = _eval_type(value, base_globals, base_locals)
        if include_extras:
            return hints
        return {k: _strip_annotations(t) for k, t in hints.items()}

    if globalns is None:
        if isinstance(obj, types.ModuleType):
            globalns = obj.__dict__
        else:
            inner = obj
            while hasattr(inner, '__wrapped__'):
                inner = inner.__wrapped__
            globalns = getattr(inner, '__globals__', {})
        if localns is None:
            localns = globalns
    elif localns is None:
        localns = globalns
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if isinstance(obj, _allowed_types):
            return {}
        raise TypeError('{!r} is not a module, class, method, '
                        'or function.'.format(obj))
    hints = dict(hints)
    for name, value in hints.items():
        if value is None:
            value = _NoneType
        if isinstance(value, str):
            value = ForwardRef(
                value, is_argument=not isinstance(obj, types.ModuleType),
                is_class=False)
        hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return {k: _strip_annotations(t) for k, t in hints.items()}


def get_origin(tp):
    """The unsubscripted form: get_origin(List[int]) is list,
    get_origin(Union[int, str]) is Union, get_origin(int) is None."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, (_BaseGenericAlias, types.GenericAlias)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if isinstance(tp, types.UnionType):
        return types.UnionType
    return None


def get_args(tp):
    """The subscript, with Callable's parameters as a list:
    get_args(Callable[[int], str]) is ([int], str)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, (_GenericAlias, types.GenericAlias)):
        res = tp.__args__
        if (tp.__origin__ is collections.abc.Callable and
                not (len(res) == 2 and res[0] is Ellipsis)):
            res = (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, types.UnionType):
        return tp.__args__
    return ()

# }======


# {====== Small runtime helpers ======

def cast(typ, val):
    """Tells a type checker that val has type typ; returns val."""
    return val


def assert_type(val, typ, /):
    """Asks a type checker to confirm val's type; returns val."""
    return val


def assert_never(arg, /):
    """For code a type checker can prove unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: "
                         f"{value}")


def reveal_type(obj, /):
    """Prints the run-time type of obj (to stderr) and returns obj."""
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def final(f):
    """Marks a method or class final (no overriding, no subclassing)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Type checkers ignore the annotations of arg (a function, or every
    method of a class)."""
    if isinstance(arg, type):
        for key in dir(arg):
            obj = getattr(arg, key)
            if (not hasattr(obj, '__qualname__') or
                    obj.__qualname__ != f'{arg.__qualname__}.{obj.__name__}'
                    or getattr(obj, '__module__', None) != arg.__module__):
                continue
            if isinstance(obj, types.FunctionType):
                obj.__no_type_check__ = True
            if isinstance(obj, types.MethodType):
                obj.__func__.__no_type_check__ = True
            if isinstance(obj, type):
                no_type_check(obj)
    try:
        arg.__no_type_check__ = True
    except TypeError:  # built-in classes
        pass
    return arg


def no_type_check_decorator(decorator):
    """Makes decorator apply no_type_check to what it decorates."""
    @functools.wraps(decorator)
    def wrapped_decorator(*args, **kwds):
        return no_type_check(decorator(*args, **kwds))
    return wrapped_decorator


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(),
                        **kwargs):
    """Marks a decorator, class or metaclass as making dataclass-like
    classes (PEP 681); records its arguments."""
    def decorator(cls_or_fn):
        cls_or_fn.__dataclass_transform__ = {
            "eq_default": eq_default,
            "order_default": order_default,
            "kw_only_default": kw_only_default,
            "field_specifiers": field_specifiers,
            "kwargs": kwargs,
        }
        return cls_or_fn
    return decorator


class NewType:
    """NewType('UserId', int): a distinct name for int to a type checker;
    at run time calling it returns its argument unchanged."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __call__(self, x):
        return x

    def __mro_entries__(self, bases):
        superclass_name = self.__name__

        class Dummy:
            def __init_subclass__(cls):
                subclass_name = cls.__name__
                raise TypeError(
                    f"Cannot subclass an instance of NewType. Perhaps you "
                    f"were looking for: `{subclass_name} = NewType("
                    f"{subclass_name!r}, {superclass_name})`")

        return (Dummy,)

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __reduce__(self):
        return self.__qualname__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# }======
