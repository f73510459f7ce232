# parser: IndentationError, expected an indented block after if
if True:
x = 1
