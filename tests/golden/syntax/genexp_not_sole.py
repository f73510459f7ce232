# parser: an unparenthesized generator expression beside another argument
f(x for x in y, 1)
