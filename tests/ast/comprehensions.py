# expressions: list/set/dict comprehensions and generators, nested
[x for x in y]
[x for x in y if x if x > 1]
[(x, y) for x in a for y in b if x != y]
{x for x in y}
{k: v for k, v in d.items()}
(x for x in y)
f(x for x in y)
[[y for y in x] for x in z]
{x: [y for y in x] for x in z if x}
sum(x * y for x, y in zip(a, b))
[x for x, in y]
