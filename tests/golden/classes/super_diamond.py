# super(): zero-argument form through __class__, the diamond visits each class once in MRO order.
class A:
    def __init__(self):
        print("A.__init__")
    def f(self): return 'A.f'
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
    def f(self): return 'B.f>' + super().f()
class C(A):
    def __init__(self):
        print("C.__init__")
        super().__init__()
    def f(self): return 'C.f>' + super().f()
class D(B, C):
    def __init__(self):
        print("D.__init__")
        super().__init__()
    def f(self): return 'D.f>' + super().f()
d = D()
print(d.f(), super(B, d).f())
print([k.__name__ for k in D.mro()])
print(super(B, d))
class E(A):
    @classmethod
    def make(cls):
        return super().__new__(cls)
print(type(E.make()).__name__)
def bad():
    super()
try: bad()
except RuntimeError as e: print(e)
try: super(B, 1)
except TypeError as e: print(e)
class F(list):
    def append(self, x):
        super().append(x * 2)
l = F(); l.append(3); print(l)
