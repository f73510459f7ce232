# parser: deleting a literal
del 1
