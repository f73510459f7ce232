# Assignment through a memoryview: item packing per format with its
# range and type checks, slice assignment needing the same structure
# (objects/memoryview.c memory_ass_sub, MpBuffer_PackItem).


def show(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)


def setter(fmt, value, n=8):
    m = memoryview(bytearray(n)).cast(fmt)

    def f():
        m[0] = value
        return m[0]
    return f


for fmt, values in (('B', (0, 255, 256, -1, 1.0, '1', True)),
                    ('b', (-128, 127, 128, -129)),
                    ('h', (-32768, 32767, 32768)),
                    ('H', (65535, 65536, -1)),
                    ('i', (2**31 - 1, 2**31)),
                    ('I', (2**32 - 1, 2**32)),
                    ('l', (-2**63, 2**63)),
                    ('q', (2**63 - 1, -2**63 - 1)),
                    ('L', (2**64 - 1, 2**64)),
                    ('Q', (2**64 - 1, -1)),
                    ('n', (5,)), ('N', (5,)), ('P', (5, -1)),
                    ('f', (1.5, 1, 1e300, 'x')),
                    ('d', (2.5, 3, float('inf'), None)),
                    ('c', (b'a', b'ab', 1, bytearray(b'a'))),
                    ('?', (0, 5, [], [1]))):
    for v in values:
        show(setter(fmt, v))

ba = bytearray(b'abcdef')
m = memoryview(ba)


def sets(key, value):
    def f():
        m[key] = value
        return bytes(ba)
    return f


show(sets(slice(0, 2), b'xy'))
show(sets(slice(0, 2), b'xyz'))
show(sets(slice(0, 6, 2), b'123'))
show(sets(slice(None, None, -1), b'fedcba'))
show(sets(slice(0, 2), 5))
show(sets(slice(0, 2), 'ab'))
show(sets(slice(0, 3), memoryview(b'abcdef')[::2]))
show(sets(slice(0, 2), memoryview(b'abcd').cast('h')))
show(sets(slice(1, 6), m[0:5]))
show(sets(0, b'a'))
show(sets(10, 1))
show(sets('a', 1))
show(sets((0,), 65))
show(sets(..., 65))
m2 = m.cast('B', [2, 3])
show(lambda: m2.__setitem__(0, 1))
show(lambda: m2.__setitem__(slice(0, 1), b'abc'))
show(lambda: m2.__setitem__((1, 2), 90) or bytes(ba))
show(lambda: m2.__setitem__((1, 2, 3), 90))
show(lambda: m2.__setitem__((slice(0, 1), slice(0, 1)), 90))


def delete():
    del m[0]


show(delete)
r = memoryview(b'abc')
show(lambda: r.__setitem__(0, 1))
show(lambda: r.__setitem__(slice(0, 1), b'a'))
show(lambda: r.__delitem__(0))
z = memoryview(bytearray(b'a')).cast('B', [])
show(lambda: z.__setitem__((), 66) or z.tolist())
show(lambda: z.__setitem__(..., 67) or z.tolist())
show(lambda: z.__setitem__(0, 67))
