# __call__ makes instances callable; callable() reports it; bound methods are callables too.
class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *, extra=0):
        return x * self.k + extra
    def describe(self):
        return "times %d" % self.k
triple = Multiplier(3)
print(triple(5), triple(2, extra=1), callable(triple), callable(5), callable(len))
bound = triple.describe
print(bound(), bound.__self__ is triple, bound.__func__ is Multiplier.describe)
try:
    n = 5
    n()
except TypeError as e:
    print(e)
try:
    Multiplier()
except TypeError as e:
    print(e)
