# match: sequence patterns, star patterns, or/as patterns, groups
match x:
    case [a, b]:
        pass
    case (a, b, *rest):
        pass
    case [*_, last]:
        pass
    case a, b:
        pass
    case []:
        pass
    case ():
        pass
    case (a):
        pass
    case [1 | 2 | 3 as n, (x, y) as p]:
        pass
    case 0 | 1:
        pass
    case (1 | 2) as z:
        pass
    case *a, b:
        pass
