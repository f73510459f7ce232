# types.MethodType(func, instance) builds a bound method (func.c
# method_new, CPython's checks and messages); a method can bind another
# method, and calls, hashes and compares through both.
import types
f = lambda *a: a
m = types.MethodType(f, 1)
m2 = types.MethodType(m, 2)
print(m(), m2(), m2 == types.MethodType(m, 2), hash(m2) == hash(m2))
print(repr(m2)[:24], m2.__func__ is m, m2.__self__, m2.__name__)
class C:
    def meth(self, x):
        return (self.n, x)
c = C()
c.n = 5
bm = types.MethodType(C.meth, c)
print(bm(3), bm == c.meth, type(bm) is type(c.meth))
for args in [(), (len,), (len, None), (5, 1), (len, 1, 2)]:
    try:
        print(types.MethodType(*args))
    except TypeError as e:
        print('TypeError', e)
try:
    types.MethodType(len, 1, x=1)
except TypeError as e:
    print('TypeError', e)
try:
    class M(types.MethodType):
        pass
except TypeError as e:
    print('TypeError', e)
