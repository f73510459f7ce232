# memoryview indexing: ints, negative indexes, tuples, 0-dim views, and
# the errors CPython gives (objects/memoryview.c memory_subscript).
m = memoryview(b'abcdefgh')
print(m[0], m[-1], m[3], m[(2,)], m[True])


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


for key in (8, -9, 'a', 1.0, ..., (), (0, 0), None, 2**100):
    show(lambda: m[key])
i = m.cast('i')
print(i.tolist(), i[0], i[-1], i.format, i.itemsize, i.strides)
show(lambda: i[2])
m2 = m.cast('B', [2, 4])
print(m2.tolist(), m2[1, 2], m2[-1, -1], m2[0, -4])
show(lambda: m2[0])
show(lambda: m2[2, 0])
show(lambda: m2[0, 4])
show(lambda: m2[0, 1, 2])
show(lambda: m2[0:1, 0:1])
show(lambda: m2[0:1, 0])
show(lambda: m2[1:].tolist())
show(lambda: list(m2))
z = memoryview(b'a').cast('B', [])
print(z.ndim, z.shape, z.strides, len(z), z.tolist(), z[()], z[...] is z)
show(lambda: z[0])
show(lambda: list(z))
d = memoryview(bytes(range(16))).cast('d')
print(len(d), d.format, d.itemsize)
c = memoryview(b'xy').cast('c')
print(c[0], c.tolist())
q = memoryview(b'\x01\x00\x02\x00').cast('?')
print(q.tolist())
