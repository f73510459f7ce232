# shutdown without cycles (runtime.c): __main__'s globals die with its dict, in insertion order
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


b = D("b")
_a = D("_a")
c = D("c")
lst = [D("in list")]
t = (D("in tuple"),)
d = {"k": D("in dict")}
print("end")
