# statements: expression, pass, break/continue, del, assert, global, nonlocal
x
pass
del a
del a, b.c, d[0]
del (a, b), [c]
assert x
assert x, "message"
global g
global g1, g2
def f():
    nonlocal n
    nonlocal n1, n2
while True:
    break
for i in r:
    continue
