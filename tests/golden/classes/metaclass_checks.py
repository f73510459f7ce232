# __instancecheck__ and __subclasscheck__ on a metaclass drive isinstance
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, 'quack')
    def __subclasscheck__(cls, sub):
        return hasattr(sub, 'quack')
class Quacker(metaclass=Duck):
    pass
class Mallard:
    def quack(self):
        return 'quack'
print(isinstance(Mallard(), Quacker), isinstance(3, Quacker))
print(issubclass(Mallard, Quacker), issubclass(int, Quacker))
print(isinstance(Mallard(), (int, Quacker)))
try:
    issubclass(3, Quacker)
except TypeError as e:
    print('TypeError:', e)
print(issubclass(3, Quacker) if False else 'skipped')
class Everything(type):
    def __instancecheck__(cls, obj):
        return True
class E(metaclass=Everything):
    pass
print(isinstance(None, E), isinstance(E(), E))
# the exact type short-circuits without calling __instancecheck__
class Loud(type):
    def __instancecheck__(cls, obj):
        print('checked')
        return False
class L(metaclass=Loud):
    pass
print(isinstance(L(), L))
print(isinstance(1, L))
