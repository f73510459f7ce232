"""Enumerations, written for minipy on top of its class machinery.

How it works.  `class Color(Enum): RED = 1` runs its body in an _EnumDict
(EnumType.__prepare__), which notes every plain assignment as a member
name, in order, and turns auto() into a value at once.  EnumType.__new__
then creates the class without those names and makes one instance of the
class per member: member._name_ = 'RED', member._value_ = 1.  A second
name with an equal value becomes an alias of the first member.  The
members are set as class attributes, and three tables answer lookups:
_member_map_ (name -> member, aliases included), _member_names_ (the
canonical names, in definition order) and _value2member_map_.

Color(1) is EnumType.__call__ -> Enum.__new__, which finds a member by
value (never creating one); Color['RED'] is EnumType.__getitem__.
EnumType.__setattr__ and __delattr__ refuse to rebind members, which is
what makes them constant.

Mixins: IntEnum members are ints (the member is made by int.__new__), so
they compare and compute as their values; str() of IntEnum and IntFlag
members is the value's (ReprEnum).  Flag members combine with | & ^ ~;
a combination that is not a member is made on demand and cached, and its
name lists the canonical members it contains ('R|W').

Not implemented: the boundary= options of Flag (a Flag value with bits no
member has raises ValueError, an IntFlag keeps them), pickling support,
_missing_ on Flag, StrEnum's casefolding details, enum.property and
verify().  CPython counterpart: Lib/enum.py.
"""

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique']


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    prefix = '_%s__' % cls_name.lstrip('_')
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or
            hasattr(obj, '__delete__'))


_auto_null = object()


class auto:
    """Instances are replaced with an appropriate value for the member
    (the previous value plus one; the next power of two for a Flag)."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


class _EnumDict(dict):
    """The namespace of an enum class body: remembers which names are
    members, refuses to bind one twice, and evaluates auto()."""

    def __init__(self):
        super().__init__()
        self._member_names = []
        self._last_values = []
        self._ignore = []
        self._generate_next_value = None
        self._cls_name = ''

    def __setitem__(self, key, value):
        if _is_private(self._cls_name, key):
            pass  # a private name is a plain attribute
        elif _is_sunder(key):
            if key == '_ignore_':
                if isinstance(value, str):
                    value = value.replace(',', ' ').split()
                self._ignore = list(value)
            elif key == '_generate_next_value_':
                self._generate_next_value = value
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif _is_descriptor(value):
            pass  # methods, properties, nested classes with __get__...
        else:
            if key in self:
                raise TypeError('%r already defined as %r'
                                % (key, self[key]))
            if isinstance(value, auto):
                if value.value is _auto_null:
                    gen = self._generate_next_value
                    if isinstance(gen, staticmethod):
                        gen = gen.__func__
                    value.value = gen(key, 1, len(self._member_names),
                                      self._last_values[:])
                value = value.value
            self._member_names.append(key)
            self._last_values.append(value)
        super().__setitem__(key, value)


class EnumType(type):
    """Metaclass for Enum."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict._generate_next_value = getattr(
                first_enum, '_generate_next_value_', None)
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None,
                _simple=False, **kwds):
        member_names = classdict._member_names
        invalid = {'mro', ''} & set(member_names)
        if invalid:
            raise ValueError('invalid enum member name(s) %s'
                             % ', '.join(repr(n) for n in sorted(invalid)))
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ns = {k: v for k, v in classdict.items() if k not in member_names}
        values = [classdict[k] for k in member_names]
        # how members are made: the class's own __new__ if it has one,
        # else the mixed-in type's, else object's
        new_member = None
        if Enum is not None and '__new__' in ns:
            new_member = ns.pop('__new__')
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None:
            for base in bases:
                inherited = base.__dict__.get('_new_member_')
                if isinstance(inherited, staticmethod):
                    inherited = inherited.__func__
                if inherited is not None and inherited is not object.__new__:
                    new_member = inherited
                    break
        if new_member is None:
            new_member = member_type.__new__
        ns['_new_member_'] = staticmethod(new_member)
        ns['_use_args_'] = new_member is not object.__new__
        ns['_member_names_'] = []
        ns['_member_map_'] = {}
        ns['_value2member_map_'] = {}
        ns['_unhashable_values_'] = []
        ns['_member_type_'] = member_type
        ns['_boundary_'] = boundary
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        # repr() and friends come from the enum, not from the mixed-in
        # data type that precedes it in the MRO (int.__repr__ for IntEnum)
        if first_enum is not None:
            for name in ('__repr__', '__str__', '__format__'):
                if name in classdict:
                    continue
                found = getattr(enum_class, name)
                if found in (getattr(member_type, name),
                             getattr(object, name)):
                    type.__setattr__(enum_class, name,
                                     getattr(first_enum, name))
        for name, value in zip(member_names, values):
            enum_class._add_member_(name, value)
        # calling the class looks members up (Enum.__new__), whatever
        # __new__ made them (int.__new__ would come first for IntFlag)
        if Enum is not None:
            type.__setattr__(enum_class, '__new__', Enum.__new__)
        return enum_class

    def _add_member_(cls, name, value):
        args = value if isinstance(value, tuple) else (value,)
        member_type = cls._member_type_
        if member_type is tuple:
            args = (args,)
        new = cls._new_member_
        if not cls._use_args_:
            member = new(cls)
        else:
            member = new(cls, *args)
        if not hasattr(member, '_value_'):
            if member_type is object or not cls._use_args_:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        member._name_ = name
        member.__objclass__ = cls
        member.__init__(*args)
        for existing in cls._member_map_.values():
            if existing._value_ == member._value_:
                member = existing  # an alias
                break
        else:
            cls._member_names_.append(name)
        cls._member_map_[name] = member
        try:
            cls._value2member_map_.setdefault(member._value_, member)
        except TypeError:
            cls._unhashable_values_.append(member._value_)
        type.__setattr__(cls, name, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1, boundary=None):
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1):
        bases = (cls,) if type is None else (type, cls)
        metacls = cls.__class__
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and \
                isinstance(names[0], str):
            original, last_values = names, []
            names = []
            for count, name in enumerate(original):
                value = cls._generate_next_value_(name, start, count,
                                                  last_values[:])
                last_values.append(value)
                names.append((name, value))
        if isinstance(names, dict):
            names = names.items()
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        classdict['__module__'] = module if module is not None else '__main__'
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.'
                                 % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __getattr__(cls, name):
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name]
                for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    @property
    def __members__(cls):
        return type(type.__dict__)(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)

    @classmethod
    def _check_for_existing_members_(metacls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError('<enum %r> cannot extend %r'
                                    % (class_name, base))

    @classmethod
    def _get_mixins_(metacls, class_name, bases):
        """The data type mixed in (int for IntEnum, object for Enum) and
        the first Enum base."""
        if not bases:
            return object, None
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] '
                            'enum_type)`')
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object or isinstance(base, EnumType):
                    continue
                if '__new__' in base.__dict__ or base.__dict__.get(
                        '__dataclass_fields__'):
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, first_enum


EnumMeta = EnumType
Enum = None  # set below: EnumType.__new__ knows when it makes Enum itself
Flag = None  # set below; EnumType.__repr__ checks it


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs."""

    def __new__(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is None:
            raise ValueError('%r is not a valid %s'
                             % (value, cls.__qualname__))
        raise TypeError('error in %s._missing_: returned %r instead of '
                        'None or a valid member'
                        % (cls.__name__, result))

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return '<%s.%s: %s>' % (self.__class__.__name__, self._name_,
                                v_repr(self._value_))

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__',
                 'name', 'value'}
        for cls in type(self).__mro__:
            for name in cls.__dict__:
                if name[0] != '_':
                    names.add(name)
        names.update(n for n in self.__dict__ if n[0] != '_')
        return sorted(names)

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_

    _value_repr_ = None


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in
    type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)

    _value_repr_ = int.__repr__


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(self, format_spec)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def _high_bit(value):
    return value.bit_length() - 1


def _bits(value):
    """The powers of two in value, lowest first."""
    while value:
        low = value & -value
        yield low
        value ^= low


class Flag(Enum):
    """Support for flags: members combine with the bitwise operators."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        last = max(last_values)
        return 2 ** (_high_bit(last) + 1)

    @classmethod
    def _all_bits_(cls):
        total = 0
        for member in cls._member_map_.values():
            total |= member._value_
        return total

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s'
                             % (value, cls.__qualname__))
        all_bits = cls._all_bits_()
        if value < 0:
            value = value & all_bits if cls._member_type_ is object \
                else value
        if value & ~all_bits and cls._member_type_ is object:
            width = max(all_bits.bit_length(), value.bit_length())
            raise ValueError(
                '%r invalid value %r\n    given %s\n  allowed %s'
                % (cls, value, _bin(value, width), _bin(all_bits, width)))
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        names = [cls._value2member_map_[bit]._name_
                 for bit in _bits(value & all_bits)
                 if bit in cls._value2member_map_]
        # the names of a combination are listed highest definition first
        order = {name: i for i, name in enumerate(cls._member_names_)}
        names.sort(key=lambda n: order.get(n, 0))
        pseudo._name_ = '|'.join(names) if names else None
        if value & ~all_bits:
            pseudo._name_ = None if not names else pseudo._name_
        return cls._value2member_map_.setdefault(value, pseudo)

    def __iter__(self):
        for name in self.__class__._member_names_:
            member = self.__class__._member_map_[name]
            if member._value_ and member._value_ & self._value_ == \
                    member._value_ and _is_single_bit(member._value_):
                yield member

    def __len__(self):
        return sum(1 for _ in self)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return '<%s: %s>' % (cls_name, v_repr(self._value_))
        return '<%s.%s: %s>' % (cls_name, self._name_,
                                v_repr(self._value_))

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (self.__class__.__name__, self._value_)
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        return self.__class__(self.__class__._all_bits_() & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


def _is_single_bit(value):
    return value & (value - 1) == 0


def _bin(value, width):
    digits = bin(value)[2:].rjust(width, '0')
    return '0b0 ' + digits


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)

    def __or__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, self.__class__):
            other = other._value_
        elif not isinstance(other, int):
            return NotImplemented
        return self.__class__(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__
    _value_repr_ = int.__repr__


def unique(enumeration):
    """Class decorator: refuse aliases (two names for one value)."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name)
                                  for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, alias_details))
    return enumeration
