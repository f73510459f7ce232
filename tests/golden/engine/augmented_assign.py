# Augmented assignment on names, attributes and subscripts: target evaluated once; in-place on lists.
log = []
class Box:
    def __init__(self):
        self.n = 1
def box():
    log.append("box")
    return b
def key():
    log.append("key")
    return "k"
b = Box()
box().n += 5
box().n *= 2
print(b.n, log)
log.clear()
d = {"k": 10}
d[key()] -= 3
d[key()] **= 2
print(d, log)
lst = [1]
alias = lst
lst += [2]
print(lst is alias, alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = "ab"
s *= 3
n = 17
n %= 5; n <<= 4; n |= 1; n ^= 3; n >>= 1; n &= 0xff
print(s, n)
