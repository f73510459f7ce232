# list: append/extend/insert/pop/remove/index/count/sort/reverse/copy and their errors.
l = [3, 1, 2]
l.append(5); l.extend((9, 0)); l.insert(0, 7); l.insert(-1, 8); l.insert(100, 4)
print(l, l.pop(), l.pop(0), l, l.index(9), l.count(1))
l.remove(1)
l.sort()
print(l)
l.sort(reverse=True)
l.reverse()
c = l.copy()
c.clear()
print(l, c, [1, 2] + [3], [0] * 3, [[]] * 2, [1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 3])
words = ["pear", "Fig", "apple", "kiwi"]
print(sorted(words), sorted(words, key=len), sorted(words, key=str.lower, reverse=True))
print(min(words, key=len), max(words, key=lambda w: w[-1]), max([], default="none"))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), list("abc"), list(range(3)), repr([]))
r = [1]
r.append(r)
print(r)
for bad in (lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(3), lambda: [1, "a"].sort()):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
