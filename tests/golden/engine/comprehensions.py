# Comprehensions: list/set/dict/generator, own scope (the loop variable does not leak), conditions, nesting.
x = "outer"
squares = [x * x for x in range(5)]
print(squares, x)
print({c.upper() for c in "hello"} == {"H", "E", "L", "O"})
print({k: len(k) for k in ["a", "bb", "ccc"] if k != "bb"})
g = (n + 1 for n in range(3))
print(type(g).__name__, list(g), list(g))
print([(i, j) for i in range(3) for j in range(i) if (i + j) % 2])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[c] for row in matrix] for c in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
print(sorted({n % 3 for n in range(10)}))
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    base = [1, 2]
    doubled = [v * 2 for v in base]
print(C.doubled)
try:
    print(i)
except NameError as e:
    print(e)
print(sum(i for i in range(4)), max(len(w) for w in ["ab", "abc"]))
