# set and frozenset iteration order of small ints and reprs, as CPython prints them
print({3, 1, 2})
print({100, 5, 64, 8, 0, -1, -8})
print(set(range(20, 0, -3)))
a9, b9 = 1, 9
print({a9, b9, 17, 25, 33 + 0 * a9})
s = set(range(10))
for i in range(0, 10, 2):
    s.discard(i)
s.add(100); s.add(42)
print(s)
print(frozenset([7, 15, 3, 11]))
print({True, 2, 1.0, 0, False})
print(set([2**40, 2**41, 3]))
print({-5, -4, -3, -2, -1})
big = set(range(100))
for i in range(100):
    if i % 3:
        big.discard(i)
print(big)
print(sorted({'b', 'a', 'c'}))
print({(1, 2), (0, 0)})
x = {1, 2, 3}
x.pop(); print(x)
print({1, 2} | {64, 3})
print({65, 1} & {1, 65, 2})
print({8, 16, 24} ^ {0, 8})
print(set('') , frozenset())
print({i * 7 % 50 for i in range(30)})
