# expressions: calls with every argument form, attribute chains
f()
f(a)
f(a, b)
f(a, b=1)
f(*args)
f(**kwargs)
f(a, *args, b=1, **kwargs)
f(a, *args, b, c=2, *more, d=3, **kw)
f(**a, b=1, **c)
f(x for x in y)
f(a)(b)(c)
a.b.c(d).e
f(a,)
f(
    a,
    b,
)
print("x", end="")
