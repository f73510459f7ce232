# super(): zero-argument form in methods and __init__, following the MRO in a diamond.
class A:
    def hello(self):
        return ["A"]
class B(A):
    def hello(self):
        return ["B"] + super().hello()
class C(A):
    def hello(self):
        return ["C"] + super().hello()
class D(B, C):
    def __init__(self):
        super().__init__()
        self.ok = True
    def hello(self):
        return ["D"] + super().hello()
print(D().hello(), D().ok, super(B, D()).hello())
