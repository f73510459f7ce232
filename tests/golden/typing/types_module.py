# The types module: names for the interpreter's types, SimpleNamespace,
# dynamic class creation.
import sys
import types

def f():
    yield 1

class C:
    def m(self):
        pass

print(types.FunctionType is type(f), types.LambdaType is type(lambda: 0))
print(types.GeneratorType is type(f()), types.CodeType is type(f.__code__))
print(types.MethodType is type(C().m), types.ModuleType is type(sys))
print(types.BuiltinFunctionType is type(len), types.BuiltinMethodType)
print(types.MappingProxyType, types.MappingProxyType is type(C.__dict__))
print(types.GenericAlias, types.UnionType, types.NoneType, types.EllipsisType)
print(types.NotImplementedType, types.CellType, types.WrapperDescriptorType)
print(types.MethodDescriptorType, types.GetSetDescriptorType)
print(types.MemberDescriptorType, types.TracebackType, types.FrameType)
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'), ns == 1)
ns.c = ns
print(ns)
del ns.c
print(vars(ns))
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print(e)
try:
    hash(ns)
except TypeError as e:
    print(e)
K = types.new_class('K', (list[int],), exec_body=lambda d: d.update(x=1))
print(K, K.__mro__, K.x, K.__orig_bases__)
print(types.prepare_class('D', (int,)))
print(types.resolve_bases((int, list[int])), types.resolve_bases((int,)))

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {'prepared': kw}

print(types.prepare_class('E', (), {'metaclass': Meta, 'k': 1}))
E = types.new_class('E', (), {'metaclass': Meta})
print(type(E), E.prepared)
m = types.ModuleType('mm', 'doc')
print(m, m.__doc__, isinstance(m, types.ModuleType))
