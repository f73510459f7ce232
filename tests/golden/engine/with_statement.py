# with: __enter__/__exit__, the value bound by `as`, suppression by returning True, multiple items exit in reverse.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("b", suppress=True):
    raise KeyError("k")
print("after suppressed")
with CM("x") as x, CM("y") as y:
    print("body", x, y)
try:
    with CM("outer"), CM("inner", suppress=False):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
