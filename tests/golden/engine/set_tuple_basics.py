# set and tuple: operations, small-int print order, methods, hashing and errors.
a = {5, 3, 1, 4}
b = {4, 5, 6}
print(a, a | b, a & b, a - b, a ^ b, a <= {1, 3, 4, 5, 9}, a > {1})
print(set(), set("aab") == {"a", "b"}, {3, 2, 1}, set([10, 0, 20, 5]), frozenset({2, 1}))
a.add(2); a.discard(100); a.remove(1)
print(a, len(a), 3 in a, a.union([7]), a.intersection({2, 3}), a.isdisjoint({9}))
c = {1, 2}
c.update({3}, [4])
c |= {0}
c -= {2}
print(c, c.pop(), c, sorted({"pear", "apple"}), {frozenset({1}): "x"})
t = (1, 2, 2, 3)
print(t, (1,), (), t.count(2), t.index(3), t + (4,), t * 2, (1, 2) < (1, 2, 0), hash((1, 2)) == hash((1, 2)))
print(tuple("ab"), tuple([1]), (1, [2]), len(t), max(t), min(t), sum(t))
try:
    {1}.remove(2)
except KeyError as e:
    print(repr(e))
try:
    hash((1, []))
except TypeError as e:
    print(e)
try:
    t[0] = 5
except TypeError as e:
    print(e)
