# assigning __bases__ recomputes the MRO of the class and its subclasses
class A:
    def who(self):
        return 'A'
    def __len__(self):
        return 1
class B:
    def who(self):
        return 'B'
class C(A):
    pass
class D(C):
    pass

d = D()
print(d.who(), len(d))
print([k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(d.who())                 # the attribute cache forgot the old answer
print([k.__name__ for k in C.__mro__], [k.__name__ for k in D.__mro__])
try:
    len(d)                     # B has no __len__: the slot follows the MRO
except TypeError as e:
    print('TypeError:', e)
print(C.__base__.__name__, A.__subclasses__(), B.__subclasses__())
C.__bases__ = (A, B)
print(d.who(), len(d), [k.__name__ for k in D.__mro__])
print(isinstance(d, B), issubclass(D, A))

# a failed assignment puts every MRO back
class X(A, B):
    pass
class Y(C, X):
    pass
try:
    C.__bases__ = (B, A)
except TypeError as e:
    print('TypeError:', e)
print([k.__name__ for k in C.__mro__])
print([k.__name__ for k in Y.__mro__])
print(C.__bases__)
