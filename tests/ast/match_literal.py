# match: literal, value, capture, wildcard patterns and guards
match x:
    case 1:
        pass
    case -1:
        pass
    case 1.5:
        pass
    case 1 + 2j:
        pass
    case -1 - 2j:
        pass
    case "a" "b":
        pass
    case b"x":
        pass
    case None:
        pass
    case True:
        pass
    case False:
        pass
    case Color.RED:
        pass
    case a.b.c:
        pass
    case name if name > 0:
        pass
    case _:
        pass
