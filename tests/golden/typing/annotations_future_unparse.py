# Under the future import every annotation is stored as CPython unparses
# it: precedence-driven parentheses, literals by repr, f-strings rebuilt.
from __future__ import annotations
def g(x: (lambda: 1)(), y: a if b else c, z: -1, w: {1: 2, **d}, u: [x for x in y if x], t: f"a{b!r:>3}{{}}{c:{w}}", v: 1e400, v2: 2j, v3: b'x\n', v4: "it's", v5: u'x') -> not a and b or c: pass
print(g.__annotations__)
def h(a: (1, 2), b: (1,), c: (), d: x[1:2, ::3, a:b:c], e: x[()], f: x[(1, 2)], g: f(a, *b, k=1, **kw), h: f(x for x in y), i: lambda a, b=1, *c, d, e=2, **f: 0, j: lambda: 0, k: lambda *, a: 0, l: lambda a, /, b: 0): pass
print(h.__annotations__)
def k(a: 2 ** -1, b: (2 ** 3) ** 4, c: a - (b - c), d: (a - b) - c, e: ~a, f: -(-a), g: (not a) == b, h: a < b < c, i: a is not b, j: 1 .real, k: {x: y for x, y in z}, l: {1, 2}, o: a @ b, p: (a, *b), q: x[*a] if False else 0, r: [*a, b], s: a if (b if c else d) else e, t: (a if b else c) if d else e) : pass
print(k.__annotations__)
def m(a: 'x', b: "x'y", c: 'x"y', d: 10**30, e: 0x10, f: 1_000, g: 1.5, h: 1e10, i: {*a}, j: (a, b)[0], k: a[b][c], l: a.b.c(d).e) : pass
print(m.__annotations__)
