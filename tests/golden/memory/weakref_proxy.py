# weakref.proxy (src/objects/weakref.c): forwarding attributes, calls, operators, containers
import weakref


class V:
    def __init__(self):
        self.items = [3, 1, 2]
        self.n = 10

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __delitem__(self, i):
        del self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __add__(self, o):
        return ("add", o)

    def __radd__(self, o):
        return ("radd", o)

    def __neg__(self):
        return "neg"

    def __lt__(self, o):
        return "lt"

    def __bool__(self):
        return False

    def __str__(self):
        return "V-str"

    def __iter__(self):
        return iter(self.items)

    def m(self, x):
        return self.n + x


v = V()
p = weakref.proxy(v)
print(type(p) is weakref.ProxyType, weakref.ProxyTypes)
print(p.n, p.m(5), len(p), p[0], 2 in p, 7 in p, list(p))
p.n = 20
print(v.n)
p[1] = 9
del p[0]
print(v.items)
print(p + 1, 1 + p, -p, p < 3, bool(p), str(p))
del p.n
print(hasattr(v, "n"))
print(weakref.proxy(v) is p, weakref.getweakrefcount(v))


def f(a, b=2):
    return a * b


cp = weakref.proxy(f)
print(type(cp) is weakref.CallableProxyType, cp(3), cp(3, b=5))
print(repr(p).startswith("<weakproxy at 0x"), " to V at 0x" in repr(p))
calls = []
q = weakref.proxy(v, lambda r: calls.append(type(r).__name__))
del v
print(calls)
print(" to NoneType at 0x" in repr(p))
