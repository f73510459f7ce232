# expressions: starred items in displays, calls, targets, return, subscripts
[*a, *b]
(*a, b)
{*a, *b}
{**a, 'k': 1, **b}
f(*a, *b, **c, **d)
a, *b = c
def f():
    return *a, *b
for x in *a, *b:
    pass
x[*a]
x[1, *a]
