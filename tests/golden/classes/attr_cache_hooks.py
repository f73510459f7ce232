# The attribute cache of a site (vm.c LOAD_ATTR/STORE_ATTR) must notice
# __getattribute__ / __setattr__ added to a class later, and an
# instance whose __class__ is changed.
class P:
    def __init__(self, x):
        self.x = x


def read(o):
    return o.x


def write(o, v):
    o.x = v


a = P(1)
print(read(a))
# __getattribute__ and __setattr__ added later are honoured.
def ga(self, name):
    return "ga:" + name


P.__getattribute__ = ga
print(read(a))
del P.__getattribute__
print(read(a))


def sa(self, name, value):
    print("setattr", name, value)


P.__setattr__ = sa
write(a, 99)
del P.__setattr__
write(a, 100)
print(read(a))

# Changing an instance's class.
q = Q(1)
q.__class__ = R
print(read(q))
q.__class__ = Q
print(read(q))

