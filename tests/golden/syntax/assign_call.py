# parser: assignment to a function call, with the == hint
f() = 1
