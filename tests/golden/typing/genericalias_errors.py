# What a parameterized generic refuses.
import types

def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, 'TypeError:', e)

attempt('isinstance', lambda: isinstance([], list[int]))
attempt('issubclass', lambda: issubclass(list, list[int]))
attempt('no params left', lambda: list[int][int])
attempt('str subscript', lambda: str[int])
attempt('int subscript', lambda: int[str])
attempt('GenericAlias()', lambda: types.GenericAlias(list))
attempt('GenericAlias kw', lambda: types.GenericAlias(list, int, x=1))
attempt('GenericAlias 3', lambda: types.GenericAlias(list, int, str))
attempt('tuple isinstance', lambda: isinstance((), (int, tuple[int])))
isinstance(1, dict[str, int])
