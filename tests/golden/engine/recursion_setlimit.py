# sys.getrecursionlimit/setrecursionlimit: a lower limit is hit sooner.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
print(depth(0) < 100)
sys.setrecursionlimit(1000)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(len(str(fact(500))))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
