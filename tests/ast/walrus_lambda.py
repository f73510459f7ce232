# expressions: assignment expressions and lambdas of every parameter form
if (n := len(a)) > 10:
    pass
[y := f(x), y ** 2]
f(a := 1)
lambda: 0
lambda x: x
lambda x, y=1: x + y
lambda *args, **kw: (args, kw)
lambda a, /, b, *, c=2: a
lambda *, k: k
lambda a=1, /, b=2: 0
x = lambda: (yield)
