# An uncaught SyntaxError from exec prints the place: file, line, text, caret.
print("before")
exec("x = 1\ny = (1,\n 2 3)")
