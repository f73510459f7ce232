# expressions: tuple, list, set, dict displays, parenthesized forms
()
(1,)
(1, 2)
1, 2
[]
[1]
[1, 2,]
{1}
{1, 2}
{}
{1: 2}
{1: 2, 3: 4,}
{**a}
((a))
[(1, 2), [3, 4], {5: {6}}]
