# parser: a keyword used as a name in an expression
x = class + 1
