# match: match and case stay usable as names (soft keywords)
match = 1
case = 2
match(x)
match[1]
match.y = 3
print(match, case)
match x, y:
    case 1, 2:
        pass
match -x:
    case _:
        pass
match (a):
    case b:
        pass
match [a, b]:
    case [c, d]:
        pass
_ = match
