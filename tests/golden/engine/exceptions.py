# try/except/else/finally, raise from, implicit chaining, then an uncaught error's traceback.
def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n

for n in (2, 0):
    try:
        r = risky(n)
    except ValueError as e:
        print("caught", repr(e), e.args)
    else:
        print("result", r)
    finally:
        print("finally", n)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__)

def first():
    return second()

def second():
    return 1 / 0

first()
