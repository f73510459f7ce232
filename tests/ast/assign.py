# statements: assignment forms, chained and unpacking targets
a = 1
a = b = c = 2
a, b = b, a
(a, b) = [c, d] = e
[a, *b] = c
a.b.c = d[e] = f[g:h] = 1
a, = x
x = yield_ = 0
x = *a, *b
