"""Data classes (PEP 557), written for minipy.

How it works.  @dataclass reads the class's own __annotations__, in order,
to find its fields; a class attribute of the same name is the default
(or a field(...) describing it).  The fields of dataclass bases come
first, along the MRO.  The decorator then adds the methods the options
ask for -- __init__, __repr__, __eq__, the four orderings, __hash__,
__setattr__/__delattr__ for frozen classes -- unless the class defines
them itself, and records the fields in __dataclass_fields__.

CPython generates each method's source text and exec()s it; minipy builds
them as closures over the list of fields instead, so the methods are
ordinary functions whose behaviour (argument errors included) follows
CPython's generated code.  Assigning them to the class goes through
type.__setattr__, which keeps the special-method slots right.

Not implemented: slots=True, weakref_slot=True, make_dataclass's
namespace argument details, and the recursive-repr guard shares one set
for all classes.  CPython counterpart: Lib/dataclasses.py.
"""

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple',
           'make_dataclass', 'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = getattr(self.type, '__name__', None) or repr(self.type)
        return 'dataclasses.InitVar[%s]' % name

    def __class_getitem__(cls, type):
        return InitVar(type)


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr',
                 'hash', 'init', 'compare', 'metadata', 'kw_only',
                 '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,'
                'init=%r,repr=%r,hash=%r,compare=%r,metadata=%r,'
                'kw_only=%r,_field_type=%s)'
                % (self.name, self.type, self.default, self.default_factory,
                   self.init, self.repr, self.hash, self.compare,
                   self.metadata, self.kw_only, self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field of a dataclass."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,'
                'unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order,
                   self.unsafe_hash, self.frozen))


def _is_classvar(annotation):
    if isinstance(annotation, str):
        return (annotation.startswith('ClassVar') or
                annotation.startswith('typing.ClassVar'))
    text = repr(annotation)
    return text.startswith('typing.ClassVar')


def _is_initvar(annotation):
    if isinstance(annotation, str):
        return (annotation.startswith('InitVar') or
                annotation.startswith('dataclasses.InitVar'))
    return annotation is InitVar or isinstance(annotation, InitVar)


def _get_field(cls, name, annotation, default_kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = annotation
    f._field_type = _FIELD
    if _is_classvar(annotation):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(annotation):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory'
                            % (f.name,))
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only'
                            % (f.name,))
    if f._field_type is _FIELD and type(f.default).__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: '
                         'use default_factory' % (type(f.default), f.name))
    return f


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    value.__qualname__ = '%s.%s' % (cls.__qualname__, name)
    setattr(cls, name, value)
    return False


_HAS_DEFAULT_FACTORY = object()


def _make_init(cls, all_fields, frozen, has_post_init):
    qual = cls.__qualname__ + '.__init__'
    init_fields = [f for f in all_fields
                   if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError('non-default argument %r follows default '
                            'argument' % (f.name,))
    names = [f.name for f in init_fields]
    setter = object.__setattr__ if frozen else None

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = len(positional) + 1
            least = most - sum(1 for f in positional
                               if f.default is not MISSING or
                               f.default_factory is not MISSING)
            if least == most:
                takes = '%d positional argument%s' % (
                    most, '' if most == 1 else 's')
            else:
                takes = 'from %d to %d positional arguments' % (least, most)
            raise TypeError('%s() takes %s but %d %s given'
                            % (qual, takes, len(args) + 1,
                               'was' if len(args) == 0 else 'were'))
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (qual, k))
            if k in values:
                raise TypeError('%s() got multiple values for argument %r'
                                % (qual, k))
            if k in [f.name for f in positional] or k in names:
                values[k] = v
        missing = [f.name for f in positional
                   if f.name not in values and f.default is MISSING and
                   f.default_factory is MISSING]
        if missing:
            _raise_missing(qual, missing, 'positional')
        missing = [f.name for f in keyword
                   if f.name not in values and f.default is MISSING and
                   f.default_factory is MISSING]
        if missing:
            _raise_missing(qual, missing, 'keyword-only')
        initvars = []
        for f in all_fields:
            if f._field_type is _FIELD_CLASSVAR:
                continue
            if f.init and f.name in values:
                value = values[f.name]
            elif f.default_factory is not MISSING:
                value = f.default_factory()
            elif f.init and f.default is not MISSING:
                value = f.default
            elif f._field_type is _FIELD and not f.init:
                continue
            else:
                value = None
            if f._field_type is _FIELD_INITVAR:
                initvars.append(value)
                continue
            if setter is not None:
                setter(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*initvars)

    return __init__


def _raise_missing(qual, missing, kind):
    quoted = ["'%s'" % name for name in missing]
    if len(quoted) == 1:
        text = quoted[0]
    elif len(quoted) == 2:
        text = '%s and %s' % tuple(quoted)
    else:
        text = ', '.join(quoted[:-1]) + ', and ' + quoted[-1]
    raise TypeError('%s() missing %d required %s argument%s: %s'
                    % (qual, len(missing), kind,
                       '' if len(missing) == 1 else 's', text))


_repr_running = set()


def _make_repr(fields):
    def __repr__(self):
        key = (id(self),)
        if key in _repr_running:
            return '...'
        _repr_running.add(key)
        try:
            parts = ['%s=%r' % (f.name, getattr(self, f.name))
                     for f in fields]
            return '%s(%s)' % (self.__class__.__qualname__, ', '.join(parts))
        finally:
            _repr_running.discard(key)
    return __repr__


def _tuple_of(fields):
    def as_tuple(self):
        return tuple(getattr(self, f.name) for f in fields)
    return as_tuple


def _make_compare(op, fields):
    as_tuple = _tuple_of(fields)

    def compare(self, other):
        if other.__class__ is self.__class__:
            return op(as_tuple(self), as_tuple(other))
        return NotImplemented
    return compare


def _make_hash(fields):
    as_tuple = _tuple_of(fields)

    def __hash__(self):
        return hash(as_tuple(self))
    return __hash__


def _make_frozen(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError('cannot assign to field %r' % (name,))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError('cannot delete field %r' % (name,))
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots):
    if slots:
        raise NotImplementedError('dataclass(slots=True) is not '
                                  'implemented in minipy')
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True

    annotations = cls.__dict__.get('__annotations__', {})
    own = []
    kw_only_now = kw_only
    for name, annotation in annotations.items():
        if annotation is KW_ONLY or annotation == 'KW_ONLY' or \
                annotation == 'dataclasses.KW_ONLY':
            kw_only_now = True
            continue
        own.append(_get_field(cls, name, annotation, kw_only_now))
    for f in own:
        fields[f.name] = f
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError('%r is a field but has no type annotation'
                            % (name,))

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _DataclassParams(init, repr, eq, order,
                                                unsafe_hash, frozen)
    all_fields = list(fields.values())
    std_fields = [f for f in all_fields if f._field_type is _FIELD]

    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in
                              cls.__dict__))

    if init:
        has_post_init = hasattr(cls, '__post_init__')
        _set_new_attribute(cls, '__init__',
                           _make_init(cls, all_fields, frozen,
                                      has_post_init))
    if repr:
        _set_new_attribute(cls, '__repr__',
                           _make_repr([f for f in std_fields if f.repr]))
    compare_fields = [f for f in std_fields if f.compare]
    if eq:
        _set_new_attribute(cls, '__eq__',
                           _make_compare(lambda a, b: a == b,
                                         compare_fields))
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', lambda a, b: a < b),
                         ('__le__', lambda a, b: a <= b),
                         ('__gt__', lambda a, b: a > b),
                         ('__ge__', lambda a, b: a >= b)):
            if _set_new_attribute(cls, name,
                                  _make_compare(op, compare_fields)):
                raise TypeError('Cannot overwrite attribute %s in class %s. '
                                'Consider using functools.total_ordering'
                                % (name, cls.__name__))
    if frozen:
        setter, deleter = _make_frozen(cls, {f.name for f in all_fields})
        for name, fn in (('__setattr__', setter), ('__delattr__', deleter)):
            if _set_new_attribute(cls, name, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (name, cls.__name__))

    hash_fields = [f for f in std_fields
                   if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class '
                            '%s' % (cls.__name__,))
        cls.__hash__ = _make_hash(hash_fields)
    elif eq and frozen:
        if not has_explicit_hash:
            cls.__hash__ = _make_hash(hash_fields)
    elif eq:
        if not has_explicit_hash:
            cls.__hash__ = None

    if not getattr(cls, '__doc__'):
        try:
            text = str(inspect_signature(cls)).replace(' -> None', '')
        except Exception:
            text = ''
        cls.__doc__ = cls.__name__ + text

    if match_args:
        _set_new_attribute_plain(cls, '__match_args__',
                                 tuple(f.name for f in std_fields
                                       if f.init and not f.kw_only))
    return cls


def inspect_signature(cls):
    params = []
    for f in cls.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        t = f.type
        tname = t if isinstance(t, str) else getattr(t, '__name__', repr(t))
        text = '%s: %s' % (f.name, tname)
        if f.default is not MISSING:
            text += ' = %r' % (f.default,)
        elif f.default_factory is not MISSING:
            text += ' = <factory>'
        params.append(text)
    return '(' + ', '.join(params) + ')'


def _set_new_attribute_plain(cls, name, value):
    if name not in cls.__dict__:
        setattr(cls, name, value)


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ ... to a class from its annotated
    fields."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass (or instance), in order, without
    ClassVar and InitVar pseudo-fields."""
    try:
        fields = getattr(class_or_instance, '__dataclass_fields__')
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') \
            from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _copy_value(obj):
    try:
        import copy
    except ImportError:
        return obj
    return copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name,
                              _asdict_inner(getattr(obj, f.name),
                                            dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy_value(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a new tuple, recursively."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name),
                                             tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory),
                          _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy_value(obj)


def replace(obj, /, **changes):
    """A new instance of obj's class with the given fields changed."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it '
                                 'cannot be specified with replace()'
                                 % (f.name,))
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError('InitVar %r must be specified with '
                                 'replace()' % (f.name,))
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """A new dataclass named cls_name with the given fields: names,
    (name, type) or (name, type, Field) items."""
    ns = dict(namespace or {})
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r'
                            % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        annotations[name] = tp
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)
