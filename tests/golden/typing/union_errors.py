# Unions refuse what is not a type; their members are checked one by one.
def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, 'TypeError:', e)

attempt('int | "str"', lambda: int | "str")
attempt('"str" | int', lambda: "str" | int)
attempt('int | 3', lambda: int | 3)
attempt('list[int] | 3', lambda: list[int] | 3)
attempt('isinstance generic member', lambda: isinstance('a', int | list[int]))
attempt('isinstance finds int first', lambda: isinstance(1, int | list[int]))
attempt('issubclass generic member', lambda: issubclass(str, int | list[int]))
attempt('UnionType()', lambda: type(int | str)())
attempt('call', lambda: (int | str)())
attempt('subscript', lambda: (int | str)[int])
int | 'str'
