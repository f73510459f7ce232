# obj.__class__ = cls (type.c object_set_class): CPython's checks and
# messages, the reference to the class moving with the instance.
import sys
ModuleType = type(sys)



class A:
    def who(self):
        return 'A'


class B:
    def who(self):
        return 'B'


class C:
    __slots__ = ('x',)


class D:
    __slots__ = ('x',)


a = A()
a.v = 1
a.__class__ = B
print(type(a).__name__, a.who(), a.v, isinstance(a, B), isinstance(a, A))
for value in (1, int, C, None):
    try:
        a.__class__ = value
    except TypeError as e:
        print('TypeError:', e)
try:
    del a.__class__
except TypeError as e:
    print('TypeError:', e)
for obj, cls in ((1, bool), ([], tuple), (object(), A)):
    try:
        obj.__class__ = cls
    except TypeError as e:
        print('TypeError:', e)
c = C()
c.x = 5
c.__class__ = D
print(type(c).__name__, c.x)


class Weak:
    __slots__ = ('__weakref__',)


class WeakThenDict(Weak):
    pass


class Both:
    pass


o = WeakThenDict()
try:
    o.__class__ = Both
except TypeError as e:
    print('TypeError:', e)


class L(list):
    pass


class L2(list):
    pass


l = L([1, 2])
l.__class__ = L2
print(type(l).__name__, l)
try:
    l.__class__ = list
except TypeError as e:
    print('TypeError:', e)


class Mod(ModuleType):
    def hello(self):
        return 'hello from ' + self.__name__


m = ModuleType('m')
m.__class__ = Mod
print(m.hello(), type(m).__name__)
m.__class__ = ModuleType
print(type(m).__name__)


# a class kept alive only by its instance dies with the instance
def make():
    class Tmp:
        pass
    return Tmp


x = A()
x.__class__ = make()
print(type(x).__name__)
x.__class__ = A
import gc
gc.collect()
print(sum(1 for o in gc.get_objects() if type(o) is type and o.__name__ == 'Tmp'))
