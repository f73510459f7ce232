# Exceptions in generators: propagate to the consumer, the generator is then finished; PEP 479.
def g():
    yield 1
    raise ValueError("inside")
it = g()
print(next(it))
try:
    next(it)
except ValueError as e:
    print("caught", e)
print(next(it, "exhausted"))
def leaky():
    yield 1
    raise StopIteration("early")
try:
    print(list(leaky()))
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in guarded():
    print(v)
