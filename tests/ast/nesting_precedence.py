# expressions: precedence across the whole ladder in one expression
x = lambda: a if b or c and not d < e | f ^ g & h << i + j * -k ** l else m
y = not a in b
z = -a.b[c](d) ** e
w = (yield) if 0 else 1
v = a[b] ** -c[d]
u = [a for b in c if d if e for f in g]
t = a, *b, (c, *d)
