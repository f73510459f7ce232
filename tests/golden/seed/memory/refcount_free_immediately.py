# 1.1 Reference counting: every object counts its references, and is freed
# (its __del__ runs) at the exact moment the count reaches zero.
import sys


class R:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


r = R("a")
print(sys.getrefcount(r))          # r + the argument
alias = r
print(sys.getrefcount(r))
container = [r, r]
print(sys.getrefcount(r))
container.pop()
print(sys.getrefcount(r))
del container
print(sys.getrefcount(r))
del alias
print("before del r")
del r
print("after del r")

x = R("first")
x = R("second")                    # rebinding frees "first" here
print("rebound")


def scope():
    local = R("local")
    print("in scope")


scope()
print("scope returned")

d = {"k": R("in dict")}
d["k"] = None                      # replacing the value frees it
print("replaced")
t = (R("in tuple"),)
del t
print("tuple gone")
print(len(R("temporary").name))
print("attribute refs:", sys.getrefcount(x.name) > 1)


class Holder:
    pass


h = Holder()
h.child = R("attr")
del h.child
print("attribute deleted")
h.child = R("attr2")
del h                              # the instance goes, and its attribute
print("end")
