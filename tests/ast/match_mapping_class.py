# match: mapping patterns with **rest, class patterns with keywords
match x:
    case {"a": 1, "b": b}:
        pass
    case {1: _, **rest}:
        pass
    case {}:
        pass
    case {Color.RED: v}:
        pass
    case Point(x=0, y=0):
        pass
    case Point(1, 2):
        pass
    case Point(1, y=2):
        pass
    case mod.Cls():
        pass
    case Cls(a, [b, c], d={"k": e}):
        pass
