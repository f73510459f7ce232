# expressions: attribute access, subscripts and calls chained, contexts
a.b
a.b.c.d
a.b = 1
del a.b
a[0].b[1].c
a().b[c]()
x = a.b[c](d).e
(a).b
"abc".upper()
1 .real
1.0.real
