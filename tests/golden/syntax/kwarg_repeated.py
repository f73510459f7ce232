# The compiler refuses a repeated keyword argument (compile.c validate_keywords),
# at the second one, even after **k.
print("never")
f(a=1, **k, b=2, a=3)
