# Printing a SyntaxError raised by hand: the place only when lineno is known.
try:
    raise SyntaxError("no place")
except SyntaxError as e:
    print(e)
raise SyntaxError("boom", ("f.py", 3, 5, "  abc def\n", 3, 8))
