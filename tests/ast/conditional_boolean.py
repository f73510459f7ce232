# expressions: conditional expressions, boolean operators, not
a if b else c
a if b else c if d else e
(a if b else c) if d else e
a and b
a and b and c
a or b or c
a and b or c and d
not a
not not a
not a == b
a or not b and c
