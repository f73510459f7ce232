# Slicing with steps, negative indices, out-of-range bounds, slice assignment and deletion.
s = "abcdefgh"
print(s[::2], s[::-1], s[1:-1:3], s[-3:], s[:100], s[100:], s[5:2], s[5:2:-1], s[-100:2])
l = list(range(10))
print(l[::3], l[-1::-2], l[2:8:2], l[::-3])
l[2:5] = ["x"]
print(l)
l[::2] = "ABCD"
print(l)
del l[1::2]
print(l)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1], t[:0], type(t[1:]).__name__)
print(slice(1, 5, 2), s[slice(None, None, -2)], range(10)[2:8:3], range(10)[::-1])
try:
    l[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print(e)
try:
    s[::0]
except ValueError as e:
    print(e)
try:
    s[10]
except IndexError as e:
    print(e)
