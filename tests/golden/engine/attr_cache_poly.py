# The per-site attribute and method caches: sites that see several classes,
# and every change that must invalidate them (class attribute, instance
# shadowing, __getattribute__, a new data descriptor).
class A:
    def f(self): return 'A.f'
    def __init__(self): self.x = 1
class B(A):
    def f(self): return 'B.f'
class C(A):
    @property
    def x(self): return 'prop'
    @x.setter
    def x(self, v): pass
def call(o): return o.f()
def getx(o): return o.x
objs = [A(), B(), A(), B(), C(), A()]
for i in range(3):
    print([call(o) for o in objs], [getx(o) for o in objs])
A.f = lambda self: 'new A.f'
print([call(o) for o in objs])
objs[0].f = lambda: 'shadow'
print([call(o) for o in objs])
A.__getattribute__ = lambda self, n: 'ga:' + n
print([call(o) if not isinstance(o, A) else getx(o) for o in objs])
del A.__getattribute__
B.x = property(lambda self: 'Bprop')
print([getx(o) for o in objs])
def setx(o, v): o.x = v
for o in objs: setx(o, 5)
print([getx(o) for o in objs])
