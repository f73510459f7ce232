# expressions: binary and unary operators, precedence and associativity
a + b * c
(a + b) * c
a - b - c
a ** b ** c
-a ** b
(-a) ** b
a * b / c // d % e @ f
a << b >> c
a & b | c ^ d
a | b & c
~a + -b - +c
a + b << c & d ^ e | f
not a < b
await_ = -(-a)
2 ** -1
a if b else c or d
x = a @ b
