# Deep recursion raises RecursionError, which can be caught; the interpreter keeps working after.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) > 100)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
print(issubclass(RecursionError, RuntimeError))
