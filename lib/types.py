"""Names for the interpreter's own types, and dynamic class creation.

Most of these types have no name in builtins; the only way to reach them
is type() of an example, which is what this module does.  GenericAlias
(list[int]) and UnionType (int | str) are C types (src/objects/
genericalias.c, union.c), reached the same way, as is SimpleNamespace
(objects/namespace.c), the type of sys.implementation.

minipy has no coroutines, so CoroutineType, AsyncGeneratorType and
coroutine() are absent."""

import sys


def _f():
    pass


def _g():
    yield 1


class _C:
    __slots__ = ('_s',)

    def _m(self):
        pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
CellType = type((lambda x: lambda: x)(0).__closure__[0])
GeneratorType = type(_g())
MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])
ModuleType = type(sys)
GetSetDescriptorType = type(FunctionType.__dict__['__code__'])
MemberDescriptorType = type(_C.__dict__['_s'])

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)
    del _exc

GenericAlias = type(list[int])
UnionType = type(int | str)
EllipsisType = type(Ellipsis)
NoneType = type(None)
NotImplementedType = type(NotImplemented)

del _f, _g, _C


# SimpleNamespace: the C type (objects/namespace.c) of sys.implementation.
SimpleNamespace = type(sys.implementation)


# {====== Creating classes dynamically ======
# What a class statement does, as functions: resolve __mro_entries__ in the
# bases, find the metaclass, call its __prepare__, run the body, call the
# metaclass.

def resolve_bases(bases):
    """bases with every non-class that has __mro_entries__ replaced by
    what that method returns (PEP 560)."""
    new_bases = list(bases)
    changed = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, "__mro_entries__"):
            continue
        new_base = base.__mro_entries__(bases)
        changed = True
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not changed:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    """The most derived of meta and the metaclasses of bases."""
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError("metaclass conflict: "
                        "the metaclass of a derived class "
                        "must be a (non-strict) subclass "
                        "of the metaclasses of all its bases")
    return winner


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, kwds): the metaclass a class statement would
    use, the namespace its __prepare__ returns, and the keywords left over
    once 'metaclass' is taken out."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """A class made as a class statement would make it; exec_body(ns)
    fills the namespace in place of a body."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)

# }======


del sys

__all__ = [n for n in globals() if n[:1] != '_']
