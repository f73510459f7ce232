# assigning a special method to a class updates the slots of it and its subclasses
class A:
    pass
class B(A):
    pass
A.__repr__ = lambda self: 'A!'
A.__len__ = lambda self: 7
A.__eq__ = lambda self, o: True
print(repr(B()), len(B()), B() == 3, hash(A()) != 0)
del A.__len__
try:
    len(B())
except TypeError as e:
    print(e)
A.__hash__ = None
try:
    hash(B())
except TypeError as e:
    print(e)
