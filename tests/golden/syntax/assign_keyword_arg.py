# parser: a keyword argument that is an expression
f(a.b=1)
