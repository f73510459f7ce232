# odd class-machinery cases: __bases__ on a metaclass instance, slots with __dict__ in a cycle, type.__dict__ entries
class A: pass
class B(A): pass
try: A.__bases__ = (B,)
except TypeError as e: print(e)
class M(type): pass
class C(metaclass=M): pass
C.__bases__ = (A,)
print(C.__mro__)
import gc
class D:
    __slots__ = ('a', '__dict__')
d = D(); d.a = d; d.b = d
del d; print(gc.collect() >= 0)
try:
    class X(object, metaclass=3): pass
except TypeError as e: print(e)
class Y: __slots__ = ['x', 'y']
print(sorted(k for k in Y.__dict__ if not k.startswith('__')))
print(type.__dict__['__dict__'], object.__dict__['__class__'])
try: type.__bases__ = (object,)
except TypeError as e: print(e)
print(A.__dict__.get('__weakref__'))
print(len(type('Z', (), {}).__dict__))
