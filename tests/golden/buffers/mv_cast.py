# memoryview.cast: reinterpreting the same bytes with another format and
# shape, and every error CPython checks (objects/memoryview.c memory_cast).


def show(f):
    try:
        r = f()
        if isinstance(r, memoryview):
            r = (r.format, r.itemsize, r.shape, r.strides, r.tolist())
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)


raw = bytes(range(1, 25))
m = memoryview(raw)
for fmt in 'bBchHiIlLqQnNfd?P':
    show(lambda: m.cast(fmt))
show(lambda: m.cast('@d'))
print(m.cast('@d').format, m.cast('d').format)
for fmt in ('x', '=d', '<i', 'dd', '', 'e', '@', 'u', 'w'):
    show(lambda: m.cast(fmt))
show(lambda: m.cast(1))
show(lambda: m.cast('d').cast('i'))
show(lambda: m.cast('d').cast('B'))
show(lambda: m.cast('i').cast('c').cast('q'))
show(lambda: memoryview(bytes(7)).cast('d'))
show(lambda: m.cast('B', [2, 3, 4]))
show(lambda: m.cast('i', (2, 3)))
show(lambda: m.cast('d', [3]))
show(lambda: m.cast('B', 3))
show(lambda: m.cast('B', [5, 5]))
show(lambda: m.cast('B', [24, 0]))
show(lambda: m.cast('B', [4, -6]))
show(lambda: m.cast('B', [2, 'a']))
show(lambda: m.cast('B', [2, 12.0]))
show(lambda: m.cast('B', [1] * 65))
print(m.cast('B', [24] + [1] * 63).ndim)
show(lambda: m.cast('B', [2, 12]).cast('B', [12, 2]))
show(lambda: m.cast('B', [2, 12]).cast('i'))
show(lambda: m.cast('B', [2, 12]).cast('c'))
show(lambda: m.cast('i', [2, 3]).cast('B'))
show(lambda: m[::2].cast('B'))
show(lambda: m[::-1].cast('B'))
show(lambda: memoryview(b'').cast('d'))
show(lambda: memoryview(b'').cast('d', [0]))
show(lambda: memoryview(b'').cast('B', [1, 0]))
show(lambda: m[1:1].cast('B', [1]))
show(lambda: m.cast('B', []))
show(lambda: memoryview(b'abcd').cast('i', []))
show(lambda: m.cast(format='h', shape=[3, 4]))
show(lambda: m.cast())
show(lambda: m.cast('B', [24], 1))
x = m.cast('h', [3, 4])
print(x.nbytes, x.ndim, x.c_contiguous, x.obj is raw, x.readonly)
print(x[2, 3], x.tobytes() == raw)
