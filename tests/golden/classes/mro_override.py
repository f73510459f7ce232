# a metaclass may override mro(); type.mro() computes C3 afresh (mro_invoke)
class Reversed(type):
    def mro(cls):
        default = super().mro()
        print('mro of', cls.__name__, [k.__name__ for k in default])
        return [default[0]] + default[1:-1][::-1] + [default[-1]]
class A(metaclass=Reversed):
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B'
class C(A):
    def who(self):
        return 'C'
class D(B, C):
    pass
print([k.__name__ for k in D.__mro__], D().who())
print([k.__name__ for k in type.mro(D)])

class Bad(type):
    def mro(cls):
        return [cls, 3, object]
try:
    class X(metaclass=Bad):
        pass
except TypeError as e:
    print('TypeError:', e)

class Unsuitable(type):
    def mro(cls):
        return [cls, int, object]
try:
    class Y(metaclass=Unsuitable):
        pass
except TypeError as e:
    print('TypeError:', e)

class NotIterable(type):
    def mro(cls):
        return 5
try:
    class Z(metaclass=NotIterable):
        pass
except TypeError as e:
    print('TypeError:', e)

# __bases__ assignment goes through the override too
class E(metaclass=Reversed):
    pass
B.__bases__ = (E, A)
print([k.__name__ for k in D.__mro__])
print(int.mro(), object.mro())
