# types.ModuleType: construction, subclassing, __init__ again, __dir__, a module without __name__.
import sys
M = type(sys)
class Sub(M):
    def hello(self):
        return "hi " + self.__name__
s = Sub("subby")
print(s.hello(), repr(s), s.__dict__["__name__"])
s.x = 1
print(s.x, sorted(k for k in s.__dict__))
try:
    M()
except TypeError as e:
    print(e)
try:
    M(3)
except TypeError as e:
    print(e)
m = M("n", "d")
print(m.__doc__)
m.__init__("renamed")
print(m.__name__, m.__doc__)
print(M.__dir__(m)[:3])
del m.__dict__["__name__"]
print(repr(m))
try:
    m.foo
except AttributeError as e:
    print(e)
