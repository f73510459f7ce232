# __init_subclass__: an implicit classmethod, called with the class keywords
class Registry:
    members = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.members.append((cls.__name__, tag))

class A(Registry, tag='a'):
    pass
class B(A):
    pass
class C(B, tag='c'):
    pass
print(Registry.members)
print(A.tag, B.tag, C.tag)
print(type(Registry.__dict__['__init_subclass__']).__name__)

class Plain:
    pass
try:
    class Bad(Plain, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    type('T', (), {}, flag=1)
except TypeError as e:
    print('TypeError:', e)
try:
    object.__init_subclass__(1)
except TypeError as e:
    print('TypeError:', e)
print(object.__init_subclass__())

# type() with keywords reaches __init_subclass__ as well
T = type('T', (Registry,), {}, tag='t')
print(T.tag, Registry.members[-1])

class Generic:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item.__name__}]'
print(Generic[int])
print(type(Generic.__dict__['__class_getitem__']).__name__)
try:
    Plain[int]
except TypeError as e:
    print('TypeError:', e)

class Entry:
    def __mro_entries__(self, bases):
        return (Plain,)
class Derived(Entry(), Registry, tag='d'):
    pass
print([k.__name__ for k in Derived.__mro__])
print(type(Derived.__orig_bases__[0]).__name__)
class BadEntry:
    def __mro_entries__(self, bases):
        return [Plain]
try:
    class Z(BadEntry()):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    type('Z', (Entry(),), {})
except TypeError as e:
    print('TypeError:', e)
