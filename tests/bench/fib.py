# Recursive fib: the cost of a Python-to-Python call (frame creation,
# argument binding, return) and small-int arithmetic and comparison.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib", fib(34))
