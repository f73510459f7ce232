# parser: the plain "invalid syntax" report at the failing token
x = 1 +* 2
