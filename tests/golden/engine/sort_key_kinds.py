# list.sort compares machine-word ints and floats inline; the answers
# (NaN, -0.0, reverse stability, mixed kinds) must be the general ones.
xs=[3,1,2,-5,2**40,-2**62,7]; xs.sort(); print(xs); xs.sort(reverse=True); print(xs)
f=[1.5,float("nan"),-2.0,0.0,-0.0,3.0]; print(sorted(f), sorted(f, reverse=True))
print(sorted([1, 2**70, -3]), sorted([(2,1),(1,2)]), sorted([3,1,2], key=lambda v: -v))
print(sorted([True, 2, 1]), sorted([0.0, -0.0]), sorted([-0.0, 0.0], reverse=True))
print(sorted([(i * 37) % 101 for i in range(300)]) == sorted([(i * 37) % 101 for i in range(300)], key=lambda v: v))
